import { AssemblyError } from './errors';
import { describeValue, isJsonObject, JsonObject } from './json';

/** `Ref: AWS::NoValue`: the property or list item holding it is removed. */
export const NO_VALUE: unique symbol = Symbol('AWS::NoValue');

/** The pseudo parameters of a stack that vary by stack; `AWS::Partition` and `AWS::URLSuffix` are the commercial partition's. */
export interface PseudoParameters {
  readonly region: string;
  readonly accountId: string;
  readonly stackName: string;
  readonly stackId: string;
}

/** What the intrinsics of one template refer to: the stack holding it. */
export interface IntrinsicScope {
  readonly pseudoParameters: PseudoParameters;
  hasParameter(name: string): boolean;
  parameterValue(name: string): unknown;
  /** True for every resource of the template, whether its condition holds or not. */
  hasResource(logicalId: string): boolean;
  resourceRef(logicalId: string): unknown;
  resourceAttribute(logicalId: string, attribute: string): unknown;
  conditionValue(name: string): boolean;
  mapping(name: string): unknown;
  importValue(exportName: string): unknown;
  /** The snippet (JSON or YAML) at `location`, the S3 URL of a file asset, still holding intrinsics. */
  include(location: string): unknown;
}

/**
 * Resolves every intrinsic function in `value` to a local value. Strings are kept as written, so dynamic references
 * (`{{resolve:...}}`) and stage variables (`${stageVariables.x}`) survive.
 * @param where the file and property being resolved, for messages
 */
export function resolveIntrinsics(value: unknown, scope: IntrinsicScope, where: string): unknown {
  return new Resolution(scope, where).resolve(value);
}

/** Evaluates a condition expression (`Fn::Equals`, `Fn::And`, `Fn::Or`, `Fn::Not`, `Condition`). */
export function evaluateCondition(expression: unknown, scope: IntrinsicScope, where: string): boolean {
  return new Resolution(scope, where).condition(expression);
}

const PSEUDO_PARAMETERS = new Set([
  'AWS::Region', 'AWS::AccountId', 'AWS::Partition', 'AWS::URLSuffix', 'AWS::StackName', 'AWS::StackId',
  'AWS::NotificationARNs', 'AWS::NoValue',
]);

class Resolution {
  constructor(private readonly scope: IntrinsicScope, private readonly where: string) {}

  public resolve(value: unknown): unknown {
    if (Array.isArray(value)) return value.map((item) => this.resolve(item)).filter((item) => item !== NO_VALUE);
    if (!isJsonObject(value)) return value;
    const keys = Object.keys(value);
    if (keys.length === 1 && (keys[0] === 'Ref' || keys[0].startsWith('Fn::'))) return this.intrinsic(keys[0], value[keys[0]]);
    const result: JsonObject = {};
    for (const [key, item] of Object.entries(value)) {
      const resolved = this.resolve(item);
      if (resolved !== NO_VALUE) result[key] = resolved;
    }
    return result;
  }

  public condition(expression: unknown): boolean {
    if (typeof expression === 'boolean') return expression;
    if (expression === 'true' || expression === 'false') return expression === 'true';
    const [name, argument] = isJsonObject(expression) && Object.keys(expression).length === 1 ? Object.entries(expression)[0] : [];
    switch (name) {
      case 'Fn::Equals': {
        const [left, right] = this.arguments(name, argument, 2);
        return comparable(this.resolve(left)) === comparable(this.resolve(right));
      }
      case 'Fn::And': return this.list(name, argument).every((item) => this.condition(item));
      case 'Fn::Or': return this.list(name, argument).some((item) => this.condition(item));
      case 'Fn::Not': return !this.condition(this.arguments(name, argument, 1)[0]);
      case 'Condition': return this.scope.conditionValue(this.text(name, argument));
      default: throw this.error(`${describeValue(expression)} is not a condition; expected Fn::Equals, Fn::And, Fn::Or, Fn::Not or Condition`);
    }
  }

  private intrinsic(name: string, argument: unknown): unknown {
    switch (name) {
      case 'Ref': return this.ref(this.text(name, this.resolve(argument)));
      case 'Fn::GetAtt': return this.getAtt(argument);
      case 'Fn::Join': {
        const [delimiter, items] = this.arguments(name, argument, 2);
        return this.list(name, this.resolve(items)).map((item) => this.text(name, item)).join(this.text(name, delimiter));
      }
      case 'Fn::Sub': return this.sub(argument);
      case 'Fn::Select': {
        const [index, items] = this.arguments(name, argument, 2);
        const list = this.list(name, this.resolve(items));
        const position = Number(this.resolve(index));
        if (!Number.isInteger(position) || position < 0 || position >= list.length) {
          throw this.error(`Fn::Select index ${describeValue(index)} is out of range for a list of ${list.length}; expected 0 to ${list.length - 1}`);
        }
        return list[position];
      }
      case 'Fn::Split': {
        const [delimiter, source] = this.arguments(name, argument, 2);
        return this.text(name, this.resolve(source)).split(this.text(name, delimiter));
      }
      case 'Fn::If': {
        const [conditionName, whenTrue, whenFalse] = this.arguments(name, argument, 3);
        return this.resolve(this.scope.conditionValue(this.text(name, conditionName)) ? whenTrue : whenFalse);
      }
      case 'Fn::Equals':
      case 'Fn::And':
      case 'Fn::Or':
      case 'Fn::Not': return this.condition({ [name]: argument });
      case 'Fn::FindInMap': return this.findInMap(argument);
      case 'Fn::Base64': return Buffer.from(this.text(name, this.resolve(argument))).toString('base64');
      case 'Fn::GetAZs': {
        const region = this.text(name, this.resolve(argument)) || this.scope.pseudoParameters.region;
        return ['a', 'b', 'c'].map((zone) => `${region}${zone}`);
      }
      case 'Fn::ImportValue': return this.scope.importValue(this.text(name, this.resolve(argument)));
      case 'Fn::ToJsonString': return JSON.stringify(this.resolve(argument));
      case 'Fn::Length': return this.list(name, this.resolve(argument)).length;
      case 'Fn::Transform': return this.transform(argument);
      default: throw this.error(`the intrinsic function ${name} is not supported; expected Ref, Fn::GetAtt, Fn::Join, Fn::Sub, Fn::Select, Fn::Split, Fn::If, Fn::FindInMap, Fn::Base64, Fn::GetAZs, Fn::ImportValue or Fn::Transform (AWS::Include)`);
    }
  }

  private ref(name: string): unknown {
    const pseudo = this.scope.pseudoParameters;
    switch (name) {
      case 'AWS::NoValue': return NO_VALUE;
      case 'AWS::Region': return pseudo.region;
      case 'AWS::AccountId': return pseudo.accountId;
      case 'AWS::Partition': return 'aws';
      case 'AWS::URLSuffix': return 'amazonaws.com';
      case 'AWS::StackName': return pseudo.stackName;
      case 'AWS::StackId': return pseudo.stackId;
      case 'AWS::NotificationARNs': return [];
    }
    if (this.scope.hasParameter(name)) return this.scope.parameterValue(name);
    if (this.scope.hasResource(name)) return this.scope.resourceRef(name);
    throw this.error(`Ref to ${describeValue(name)}, which is neither a parameter, a pseudo parameter nor a resource of the template`);
  }

  private getAtt(argument: unknown): unknown {
    let parts: unknown[];
    if (typeof argument === 'string') {
      const dot = argument.indexOf('.');
      if (dot <= 0) {
        throw this.error(`Fn::GetAtt ${describeValue(argument)} names no attribute; expected "LogicalId.Attribute" or [LogicalId, Attribute]`);
      }
      parts = [argument.slice(0, dot), argument.slice(dot + 1)];
    } else {
      parts = this.arguments('Fn::GetAtt', argument, 2).map((part) => this.resolve(part));
    }
    const [logicalId, attribute] = parts.map((part) => this.text('Fn::GetAtt', part));
    if (!this.scope.hasResource(logicalId)) {
      throw this.error(`Fn::GetAtt of ${describeValue(logicalId)}, which is not a resource of the template`);
    }
    return this.scope.resourceAttribute(logicalId, attribute);
  }

  /** `${name}` that is neither a variable, a parameter, a pseudo parameter, a resource nor `Resource.Attr` is kept as written. */
  private sub(argument: unknown): string {
    const [template, variables] = typeof argument === 'string' ? [argument, {}] : this.arguments('Fn::Sub', argument, 2);
    if (typeof template !== 'string' || !isJsonObject(variables)) {
      throw this.error(`Fn::Sub takes ${describeValue(argument)}; expected a string or [string, { variables }]`);
    }
    return template.replace(/\$\{([^}]*)\}/g, (written, body: string) => {
      if (body.startsWith('!')) return `\${${body.slice(1)}}`;
      const name = body.trim();
      if (name in variables) return this.text('Fn::Sub', this.resolve(variables[name]));
      if (PSEUDO_PARAMETERS.has(name) || this.scope.hasParameter(name) || this.scope.hasResource(name)) {
        return this.text('Fn::Sub', this.ref(name));
      }
      const dot = name.indexOf('.');
      if (dot > 0 && this.scope.hasResource(name.slice(0, dot))) {
        return this.text('Fn::Sub', this.scope.resourceAttribute(name.slice(0, dot), name.slice(dot + 1)));
      }
      return written;
    });
  }

  /**
   * `AWS::Include` puts a snippet in place, its intrinsics resolved in this template (how an OpenAPI document in a file
   * refers to the stack's functions). Other transforms are macros, which run in the account.
   */
  private transform(argument: unknown): unknown {
    const parameters = isJsonObject(argument) ? argument.Parameters : undefined;
    if (!isJsonObject(argument) || argument.Name !== 'AWS::Include' || !isJsonObject(parameters)) {
      throw this.error(`Fn::Transform ${describeValue(argument)} is not supported; expected { Name: AWS::Include, Parameters: { Location } }: macros run in the account`);
    }
    return this.resolve(this.scope.include(this.text('Fn::Transform', this.resolve(parameters.Location))));
  }

  private findInMap(argument: unknown): unknown {
    const [mapName, topKey, secondKey, options] = this.list('Fn::FindInMap', argument).map((part) => this.resolve(part));
    const [map, top, second] = [mapName, topKey, secondKey].map((part) => this.text('Fn::FindInMap', part));
    const mapping = this.scope.mapping(map);
    const level = isJsonObject(mapping) ? mapping[top] : undefined;
    const value = isJsonObject(level) ? level[second] : undefined;
    if (value !== undefined) return value;
    if (isJsonObject(options) && 'DefaultValue' in options) return options.DefaultValue;
    throw this.error(`Fn::FindInMap found no ${map}.${top}.${second}; expected the keys to exist in the template's Mappings`);
  }

  private arguments(name: string, argument: unknown, count: number): unknown[] {
    if (!Array.isArray(argument) || argument.length !== count) {
      throw this.error(`${name} takes ${describeValue(argument)}; expected a list of ${count}`);
    }
    return argument;
  }

  private list(name: string, value: unknown): unknown[] {
    if (!Array.isArray(value)) throw this.error(`${name} takes ${describeValue(value)}; expected a list`);
    return value;
  }

  private text(name: string, value: unknown): string {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' || typeof value === 'boolean') return String(value);
    throw this.error(`${name} takes ${describeValue(value)} where it expects a string`);
  }

  private error(problem: string): AssemblyError {
    return new AssemblyError(`${this.where}: ${problem}`);
  }
}

/** CloudFormation compares condition operands as strings. */
function comparable(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}
