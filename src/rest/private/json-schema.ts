import { Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { check } from '../../private/errors';
import { closestName, isObject, member, regexError, show } from '../../private/values';

/** Checks the value of one keyword; `path` names the keyword, `parent` is the schema it belongs to. */
type Checker = (walk: SchemaWalk, path: string, value: unknown, parent: Record<string, unknown>) => void;
/** Checks one entry of an object of named schemas (`properties`, `definitions`...). */
type MapEntryChecker = (entryPath: string, entryValue: unknown, name: string) => void;

const TYPES: readonly unknown[] = Object.values(apigateway.JsonSchemaType);
const DRAFT4 = apigateway.JsonSchemaVersion.DRAFT4;
const RANGES = [
  ['minLength', 'maxLength'],
  ['minItems', 'maxItems'],
  ['minProperties', 'maxProperties'],
  ['minimum', 'maximum'],
] as const;

/**
 * Validates a request model before API Gateway sees it. API Gateway models are JSON Schema draft 4, and a mistake
 * (a misspelt keyword, a negative length) would otherwise be ignored silently or fail the deployment with a message
 * that names neither the route nor the keyword. Unresolved tokens are skipped. Values of any type are reported, not
 * crashed on, since JavaScript callers can pass anything.
 * @param prop where the schema sits, e.g. `routes['POST /items'].bodySchema`; errors name the path below it
 */
export function validateJsonSchema(scope: IConstruct, prop: string, schema: apigateway.JsonSchema): void {
  new SchemaWalk(scope).schema(prop, schema);
}

class SchemaWalk {
  /** The schemas enclosing the one being checked, to report a cycle instead of recursing forever. */
  private readonly ancestors = new Set<object>();

  constructor(private readonly scope: IConstruct) {}

  public fail(condition: boolean, message: () => string): asserts condition {
    check(condition, this.scope, 'InvalidJsonSchema', message);
  }

  public schema(path: string, value: unknown, expected = 'a schema object such as { type: JsonSchemaType.STRING }'): void {
    if (Token.isUnresolved(value)) {
      return;
    }
    this.fail(isObject(value), () => `${path} is ${show(value)}; expected ${expected}`);
    this.fail(!this.ancestors.has(value), () =>
      `${path} is the same object as a schema that encloses it, which makes the schema infinite; refer to a model with ref instead`);
    this.ancestors.add(value);
    for (const [keyword, keywordValue] of Object.entries(value)) {
      this.fail(Object.hasOwn(KEYWORDS, keyword), () => `${path} has the unknown keyword '${keyword}'; ${suggestion(keyword)}`);
      if (!Token.isUnresolved(keywordValue)) {
        KEYWORDS[keyword as keyof apigateway.JsonSchema](this, `${path}.${keyword}`, keywordValue, value);
      }
    }
    for (const [min, max] of RANGES) {
      const [low, high] = [value[min], value[max]];
      const comparable = typeof low === 'number' && typeof high === 'number' && !Token.isUnresolved(low) && !Token.isUnresolved(high);
      this.fail(!comparable || low <= high, () =>
        `${path}.${min} is ${low} but ${max} is ${high}; no value could match, so lower ${min} or raise ${max}`);
    }
    this.ancestors.delete(value);
  }

  public schemaList(path: string, value: unknown): void {
    this.fail(Array.isArray(value) && value.length > 0, () => `${path} is ${show(value)}; expected a non-empty array of schemas`);
    value.forEach((entry, index) => this.schema(`${path}[${index}]`, entry));
  }

  /** An object whose values are schemas, under names the user chose. */
  public schemaMap(path: string, value: unknown, entry: MapEntryChecker = (entryPath, entryValue) => this.schema(entryPath, entryValue)): void {
    this.fail(isObject(value), () => `${path} is ${show(value)}; expected an object of named schemas`);
    for (const [name, entryValue] of Object.entries(value)) {
      entry(`${path}${member(name)}`, entryValue, name);
    }
  }

  public propertyNames(path: string, value: unknown): void {
    const valid = Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string');
    this.fail(valid, () => `${path} is ${show(value)}; expected a non-empty array of property names`);
    const duplicate = value.find((item, index) => value.indexOf(item) !== index);
    this.fail(duplicate === undefined, () => `${path} lists '${duplicate}' twice; list each property once`);
  }
}

const stringValue: Checker = (walk, path, value) => walk.fail(typeof value === 'string', () => `${path} is ${show(value)}; expected a string`);
const booleanValue: Checker = (walk, path, value) => walk.fail(typeof value === 'boolean', () => `${path} is ${show(value)}; expected true or false`);
const numberValue: Checker = (walk, path, value) =>
  walk.fail(typeof value === 'number' && Number.isFinite(value), () => `${path} is ${show(value)}; expected a number`);
const countValue: Checker = (walk, path, value) =>
  walk.fail(typeof value === 'number' && Number.isInteger(value) && value >= 0, () => `${path} is ${show(value)}; expected a non-negative integer`);
const schemaValue: Checker = (walk, path, value) => walk.schema(path, value);
const schemaOrBoolean: Checker = (walk, path, value) => {
  if (typeof value !== 'boolean') {
    walk.schema(path, value, 'a schema object or a boolean');
  }
};
const schemaList: Checker = (walk, path, value) => walk.schemaList(path, value);
const schemaMap: Checker = (walk, path, value) => walk.schemaMap(path, value);
const exclusive = (bound: 'minimum' | 'maximum'): Checker => (walk: SchemaWalk, path, value, parent) => {
  booleanValue(walk, path, value, parent);
  walk.fail(parent[bound] !== undefined, () => `${path} is set without ${bound}; in draft 4 it only makes ${bound} exclusive, so set ${bound} too`);
};
const laterDraft: Checker = (walk, path) =>
  walk.fail(false, () => `${path} is a keyword of JSON Schema draft 6 and later; API Gateway models are draft 4, which ignores it`);

/** Every keyword of aws-cdk-lib's JsonSchema: the compiler flags one added there and not checked here. */
const KEYWORDS: Record<keyof apigateway.JsonSchema, Checker> = {
  schema: (walk, path, value) => walk.fail(value === DRAFT4, () =>
    `${path} is ${show(value)}; expected JsonSchemaVersion.DRAFT4 ('${DRAFT4}'), the only draft API Gateway models use, or leave it out`),
  id: stringValue,
  ref: stringValue,
  type: (walk: SchemaWalk, path, value) => {
    const types = Array.isArray(value) ? value : [value];
    const valid = types.length > 0 && types.every((type) => TYPES.includes(type)) && new Set(types).size === types.length;
    walk.fail(valid, () => `${path} is ${show(value)}; expected one of ${TYPES.map((type) => `'${type}'`).join(', ')}, or a non-empty array of distinct ones`);
  },
  title: stringValue,
  description: stringValue,
  enum: (walk: SchemaWalk, path, value) => {
    walk.fail(Array.isArray(value) && value.length > 0, () => `${path} is ${show(value)}; expected a non-empty array of the allowed values`);
    const shown = value.map(show);
    const duplicate = shown.find((item, index) => shown.indexOf(item) !== index);
    walk.fail(duplicate === undefined, () => `${path} lists ${duplicate} twice; draft 4 requires distinct values`);
  },
  default: () => undefined,
  format: stringValue,
  definitions: schemaMap,
  multipleOf: (walk, path, value) =>
    walk.fail(typeof value === 'number' && Number.isFinite(value) && value > 0, () => `${path} is ${show(value)}; expected a number greater than 0`),
  maximum: numberValue,
  exclusiveMaximum: exclusive('maximum'),
  minimum: numberValue,
  exclusiveMinimum: exclusive('minimum'),
  maxLength: countValue,
  minLength: countValue,
  pattern: (walk: SchemaWalk, path, value) => {
    walk.fail(typeof value === 'string', () => `${path} is ${show(value)}; expected a regular expression as a string`);
    const error = regexError(value);
    walk.fail(error === undefined, () => `${path} is ${show(value)}, which is not a valid regular expression (${error})`);
  },
  items: (walk, path, value) => {
    if (Array.isArray(value)) {
      value.forEach((entry, index) => walk.schema(`${path}[${index}]`, entry));
    } else {
      walk.schema(path, value, 'a schema object or an array of schemas');
    }
  },
  additionalItems: schemaOrBoolean,
  maxItems: countValue,
  minItems: countValue,
  uniqueItems: booleanValue,
  contains: laterDraft,
  maxProperties: countValue,
  minProperties: countValue,
  required: (walk, path, value) => walk.propertyNames(path, value),
  properties: schemaMap,
  additionalProperties: schemaOrBoolean,
  patternProperties: (walk: SchemaWalk, path, value) => walk.schemaMap(path, value, (entryPath, entryValue, name) => {
    const error = regexError(name);
    walk.fail(error === undefined, () => `${path} has the key '${name}', which is not a valid regular expression (${error})`);
    walk.schema(entryPath, entryValue);
  }),
  dependencies: (walk, path, value) => walk.schemaMap(path, value, (entryPath, entryValue) => {
    if (Array.isArray(entryValue)) {
      walk.propertyNames(entryPath, entryValue);
    } else {
      walk.schema(entryPath, entryValue, 'a schema object or a non-empty array of property names');
    }
  }),
  propertyNames: laterDraft,
  allOf: schemaList,
  anyOf: schemaList,
  oneOf: schemaList,
  not: schemaValue,
};

function suggestion(keyword: string): string {
  const known = Object.keys(KEYWORDS);
  const closest = closestName(keyword, known);
  return closest ? `did you mean '${closest}'?`
    : `API Gateway models are JSON Schema draft 4, written with the keywords of apigateway.JsonSchema: ${known.join(', ')}`;
}
