import { AssetIndex } from './asset-manifest';
import { AssemblyError, UnresolvedPropertyError } from './errors';
import { evaluateCondition, IntrinsicScope, NO_VALUE, PseudoParameters, resolveIntrinsics } from './intrinsics';
import { isJsonObject, JsonObject } from './json';
import { physicalAttribute, physicalRef, PhysicalResource, stackId } from './physical-ids';
import { readStructuredFile } from './structured-file';
import { CfnResource, CfnTemplate } from './template';

/** Where a stack comes from and the environment its values are resolved in. */
export interface StackSource {
  readonly stackName: string;
  readonly templateFile: string;
  /** The cloud assembly folder the template's asset paths are relative to. */
  readonly assemblyDir: string;
  readonly assets: AssetIndex;
  readonly region: string;
  readonly accountId: string;
  /** Construct paths by logical id, when the assembly's metadata names them (not for nested stacks). */
  readonly constructPaths?: ReadonlyMap<string, string>;
}

/** What a stack's values need from the rest of the app: other stacks' exports. */
export interface ExportScope {
  importValue(exportName: string, where: string): unknown;
}

/** The value of a parameter passed in by a parent stack; undefined when the parent passes none. */
export type ParameterValues = (name: string) => unknown;

const IN_PROGRESS: unique symbol = Symbol('in progress');

/**
 * A stack template with its intrinsics resolved on demand and memoized, so that every Ref and GetAtt of a resource
 * is the same value wherever it is read.
 */
export class LoadedStack implements IntrinsicScope {
  public readonly pseudoParameters: PseudoParameters;
  /** Nested stacks by the logical id of their `AWS::CloudFormation::Stack` resource. */
  public readonly nestedStacks = new Map<string, LoadedStack>();
  private readonly values = new Map<string, unknown>();

  constructor(
    public readonly source: StackSource,
    public readonly template: CfnTemplate,
    private readonly exportScope: ExportScope,
    private readonly passedParameters?: ParameterValues,
  ) {
    this.pseudoParameters = {
      region: source.region,
      accountId: source.accountId,
      stackName: source.stackName,
      stackId: stackId(source.region, source.accountId, source.stackName),
    };
  }

  public get stackName(): string {
    return this.source.stackName;
  }

  /** The resources whose condition holds, in template order. */
  public presentResources(): Array<[string, CfnResource]> {
    return [...this.template.resources].filter(([logicalId]) => this.exists(logicalId));
  }

  private exists(logicalId: string): boolean {
    const resource = this.template.resources.get(logicalId);
    return resource !== undefined && (resource.condition === undefined || this.conditionValue(resource.condition));
  }

  /**
   * One property of a resource, resolved; undefined when absent or `AWS::NoValue`.
   * @throws UnresolvedPropertyError when its intrinsics do not resolve to a local value
   */
  public property(logicalId: string, name: string): unknown {
    return this.memo(`property:${logicalId}.${name}`, () => {
      const resource = this.resourceDefinition(logicalId);
      const subject = `resource ${logicalId} (${resource.type}) property ${name}`;
      const where = `${this.template.file}: ${subject}`;
      let value: unknown;
      try {
        value = resolveIntrinsics(resource.properties[name], this, where);
      } catch (error) {
        if (!(error instanceof AssemblyError) || error instanceof UnresolvedPropertyError) throw error;
        const problem = error.message.startsWith(`${where}: `) ? error.message.slice(where.length + 2) : error.message;
        throw new UnresolvedPropertyError(this.template.file, logicalId, subject, name, problem);
      }
      return value === NO_VALUE ? undefined : value;
    });
  }

  public properties(logicalId: string): JsonObject {
    const result: JsonObject = {};
    for (const name of Object.keys(this.resourceDefinition(logicalId).properties)) {
      const value = this.property(logicalId, name);
      if (value !== undefined) result[name] = value;
    }
    return result;
  }

  public resolve(value: unknown, where: string): unknown {
    return resolveIntrinsics(value, this, `${this.template.file}: ${where}`);
  }

  /** The value of one of the stack's outputs, resolved. */
  public output(name: string): unknown {
    return this.memo(`output:${name}`, () => {
      const output = this.template.outputs.get(name);
      if (!output || (output.condition !== undefined && !this.conditionValue(output.condition))) {
        throw new AssemblyError(`${this.template.file}: the stack has no output ${name}, which another stack reads; synthesize the app again`);
      }
      return this.resolve(output.value, `output ${name}`);
    });
  }

  public hasParameter(name: string): boolean {
    return this.template.parameters.has(name);
  }

  /** The value the parent stack passes, else the parameter's Default, else a placeholder naming the parameter. */
  public parameterValue(name: string): unknown {
    return this.memo(`parameter:${name}`, () => {
      const parameter = this.template.parameters.get(name);
      const value = this.passedParameters?.(name) ?? parameter?.defaultValue ?? `{{parameter:${name}}}`;
      const isList = parameter !== undefined && (parameter.type === 'CommaDelimitedList' || parameter.type.startsWith('List<'));
      return isList && typeof value === 'string' ? value.split(',').map((item) => item.trim()) : value;
    });
  }

  public hasResource(logicalId: string): boolean {
    return this.template.resources.has(logicalId);
  }

  public resourceRef(logicalId: string): unknown {
    if (!this.exists(logicalId)) return NO_VALUE;
    return this.memo(`ref:${logicalId}`, () => physicalRef(this.physicalResource(logicalId)));
  }

  public resourceAttribute(logicalId: string, attribute: string): unknown {
    if (!this.exists(logicalId)) return NO_VALUE;
    return this.memo(`attribute:${logicalId}.${attribute}`, () => {
      const nested = this.nestedStacks.get(logicalId);
      if (nested && attribute.startsWith('Outputs.')) return nested.output(attribute.slice('Outputs.'.length));
      return physicalAttribute(this.physicalResource(logicalId), attribute);
    });
  }

  public conditionValue(name: string): boolean {
    return this.memo(`condition:${name}`, () => {
      if (!(name in this.template.conditions)) {
        throw new AssemblyError(`${this.template.file}: the condition ${name} is used but not defined in Conditions`);
      }
      return evaluateCondition(this.template.conditions[name], this, `${this.template.file}: condition ${name}`);
    });
  }

  public mapping(name: string): unknown {
    return this.template.mappings[name];
  }

  public importValue(exportName: string): unknown {
    return this.exportScope.importValue(exportName, this.template.file);
  }

  public include(location: string): unknown {
    return this.memo(`include:${location}`, () => {
      const asset = this.source.assets.byUrl(location);
      if (!asset) {
        throw new AssemblyError(`${this.template.file}: AWS::Include of ${location}, which is not a file asset of the cloud assembly; expected the S3 URL of an asset (Asset.s3ObjectUrl)`);
      }
      return readStructuredFile(asset.sourcePath, 'the AWS::Include snippet', 'a JSON or YAML snippet');
    });
  }

  /** The names (resolved) and output names of the stack's exports. */
  public exports(): Array<{ readonly exportName: string; readonly outputName: string }> {
    return [...this.template.outputs].flatMap(([outputName, output]) => {
      if (output.exportName === undefined || (output.condition !== undefined && !this.conditionValue(output.condition))) return [];
      return [{ exportName: String(this.resolve(output.exportName, `output ${outputName} Export.Name`)), outputName }];
    });
  }

  private physicalResource(logicalId: string): PhysicalResource {
    const resource = this.resourceDefinition(logicalId);
    return {
      type: resource.type,
      logicalId,
      stackName: this.source.stackName,
      region: this.source.region,
      accountId: this.source.accountId,
      property: (name) => this.property(logicalId, name),
    };
  }

  private resourceDefinition(logicalId: string): CfnResource {
    const resource = this.template.resources.get(logicalId);
    if (!resource) throw new AssemblyError(`${this.template.file}: no resource ${logicalId} in the template`);
    return resource;
  }

  /** Values are computed once; a value that needs itself is a cycle the template cannot have been deployed with. */
  private memo<T>(key: string, compute: () => T): T {
    if (this.values.has(key)) {
      const value = this.values.get(key);
      if (value === IN_PROGRESS) {
        throw new AssemblyError(`${this.template.file}: ${key} refers to itself through Ref or Fn::GetAtt; expected a template without circular references`);
      }
      return value as T;
    }
    this.values.set(key, IN_PROGRESS);
    try {
      const value = compute();
      this.values.set(key, value);
      return value;
    } catch (error) {
      this.values.delete(key);
      throw error;
    }
  }
}

/** The `Parameters` a parent stack passes to a nested stack resource, resolved in the parent. */
export function parametersPassedBy(parent: LoadedStack, logicalId: string): ParameterValues {
  return (name) => {
    const parameters = parent.property(logicalId, 'Parameters');
    return isJsonObject(parameters) ? parameters[name] : undefined;
  };
}
