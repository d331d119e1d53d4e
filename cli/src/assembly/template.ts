import { AssemblyError } from './errors';
import { describeValue, isJsonObject, JsonObject, readJsonObject } from './json';

/** One resource of a template, its properties still holding intrinsics. */
export interface CfnResource {
  readonly type: string;
  readonly properties: JsonObject;
  readonly metadata: JsonObject;
  /** The name of the condition that decides whether the resource exists. */
  readonly condition?: string;
}

export interface CfnParameter {
  readonly type: string;
  readonly defaultValue?: unknown;
}

export interface CfnOutput {
  readonly value: unknown;
  readonly condition?: string;
  /** `Export.Name`, still holding intrinsics. */
  readonly exportName?: unknown;
}

/** A CloudFormation template, checked for shape; intrinsics are resolved later, by the stack that holds it. */
export interface CfnTemplate {
  readonly file: string;
  /** In template order. */
  readonly resources: ReadonlyMap<string, CfnResource>;
  readonly parameters: ReadonlyMap<string, CfnParameter>;
  readonly conditions: JsonObject;
  readonly mappings: JsonObject;
  readonly outputs: ReadonlyMap<string, CfnOutput>;
}

/**
 * Reads a template and checks its shape. A template without `Resources` is one cdk synth writes too (the assertion
 * stack of an `IntegTest`, synthesized without the CLI's context, holds only Parameters and Rules): it has no resources.
 */
export function readTemplate(file: string): CfnTemplate {
  const template = readJsonObject(file, 'stack template');
  return {
    file,
    resources: entriesOf(file, objectOrEmpty(file, 'Resources', template.Resources), 'resource', (id, resource) => {
      if (typeof resource.Type !== 'string') {
        throw new AssemblyError(`the resource ${id} of the stack template ${file} has Type ${describeValue(resource.Type)}; expected a resource type such as AWS::Lambda::Function`);
      }
      return {
        type: resource.Type,
        properties: objectOrEmpty(file, `resource ${id} Properties`, resource.Properties),
        metadata: objectOrEmpty(file, `resource ${id} Metadata`, resource.Metadata),
        condition: conditionNameOf(file, `resource ${id}`, resource.Condition),
      };
    }),
    parameters: entriesOf(file, objectOrEmpty(file, 'Parameters', template.Parameters), 'parameter', (_id, parameter) => ({
      type: typeof parameter.Type === 'string' ? parameter.Type : 'String',
      defaultValue: parameter.Default,
    })),
    conditions: objectOrEmpty(file, 'Conditions', template.Conditions),
    mappings: objectOrEmpty(file, 'Mappings', template.Mappings),
    outputs: entriesOf(file, objectOrEmpty(file, 'Outputs', template.Outputs), 'output', (id, output) => ({
      value: output.Value,
      condition: conditionNameOf(file, `output ${id}`, output.Condition),
      exportName: isJsonObject(output.Export) ? output.Export.Name : undefined,
    })),
  };
}

function entriesOf<T>(file: string, section: JsonObject, what: string, parse: (id: string, entry: JsonObject) => T): Map<string, T> {
  const result = new Map<string, T>();
  for (const [id, entry] of Object.entries(section)) {
    if (!isJsonObject(entry)) {
      throw new AssemblyError(`the ${what} ${id} of the stack template ${file} is ${describeValue(entry)}; expected an object`);
    }
    result.set(id, parse(id, entry));
  }
  return result;
}

function objectOrEmpty(file: string, where: string, value: unknown): JsonObject {
  if (value === undefined) return {};
  if (!isJsonObject(value)) {
    throw new AssemblyError(`the stack template ${file} has ${where} ${describeValue(value)}; expected an object`);
  }
  return value;
}

function conditionNameOf(file: string, where: string, value: unknown): string | undefined {
  if (value === undefined || typeof value === 'string') return value;
  throw new AssemblyError(`the ${where} of the stack template ${file} has Condition ${describeValue(value)}; expected the name of a condition`);
}
