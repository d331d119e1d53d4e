import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { ErrorId } from './error-ids';
import { check, GatewayKitValidationError } from './errors';
import { closestName, isObject, member, show } from './values';

/**
 * A runtime check of one prop's value. TypeScript checks props when they are written, but JavaScript callers, spreads
 * of another construct's props and `as any` reach a construct unchecked, where a misspelt prop is ignored and a value
 * of the wrong type fails deep inside aws-cdk-lib, or not at all. Every L3 checks its props with these first.
 */
export interface PropType<T> {
  /** What a valid value is, for messages, e.g. `true or false`. */
  readonly expected: string;
  /** Whether a given (not undefined) value has the right type. */
  readonly accepts: (value: unknown) => boolean;
  /** Checks the parts of an accepted value (the props of a struct, the values of a map), named under `path`. */
  readonly checkParts?: (scope: IConstruct, path: string, value: any) => void;
  /** Error id of a value of the wrong type. */
  readonly errorId: ErrorId;
  /** Never set: ties the check to the TypeScript type of the prop, so that a schema cannot contradict the interface. */
  readonly typeOf?: T;
}

/** The error id and the expectation stated when a required prop is missing. */
export interface MissingProp {
  readonly errorId: ErrorId;
  readonly expected: string;
}

/** The check of a prop that must be given. */
export interface RequiredPropType<T> extends PropType<T> {
  readonly required: MissingProp;
}

/** The check of a prop, required or not. */
type AnyPropType = PropType<unknown> & { readonly required?: MissingProp };

/**
 * The runtime checks of every prop of `T`. Required props of `T` must use `required(...)` and optional ones must not,
 * and each check must be for the prop's type: the compiler keeps the schema in step with the interface.
 */
export type PropsSchema<T> = {
  readonly [K in keyof T]-?: undefined extends T[K]
    ? PropType<NonNullable<T[K]>> & { readonly required?: undefined }
    : RequiredPropType<NonNullable<T[K]>>;
};

/** Throws a specific error for a prop a struct does not have; returns to let the generic error follow. */
export type UnknownPropHint = (scope: IConstruct, path: string, prop: string) => void;

/** A struct of options, named as its interface is, with the checks of its props. */
export interface StructSchema<T> {
  /** The interface, e.g. `WafOptions`, or the construct the props are for, e.g. `SecureHttpApi`. */
  readonly name: string;
  readonly props: PropsSchema<T>;
  /** Explains a prop the struct does not have, when there is more to say than "did you mean". */
  readonly unknownProp?: UnknownPropHint;
}

const INVALID_TYPE: ErrorId = 'InvalidPropType';

function propType<T>(expected: string, accepts: (value: unknown) => boolean, errorId: ErrorId = INVALID_TYPE): PropType<T> {
  return { expected, accepts, errorId };
}

export const BOOLEAN = propType<boolean>('true or false', (value) => typeof value === 'boolean');
export const STRING = propType<string>('a string', (value) => typeof value === 'string');
/** A name: AWS refuses an empty one at deploy time. */
export const NAME = propType<string>('a non-empty string', (value) => typeof value === 'string' && value.length > 0);
/** Ranges are checked where the number is used. */
export const NUMBER = propType<number>('a number', (value) => typeof value === 'number');
export const STRINGS = propType<string[]>('a list of strings, e.g. [\'a\', \'b\']',
  (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'));

/** An object of aws-cdk-lib or of this library, recognised by members every implementation has. */
export function like<T>(expected: string, ...members: string[]): PropType<T> {
  return propType<T>(expected, (value) => typeof value === 'object' && value !== null && members.every((name) => name in value));
}

/**
 * A construct of aws-cdk-lib, such as an `IFunction`, made in the app or imported with a `fromXxx()` method: an object
 * with the members given would fail deep inside aws-cdk-lib when it reads the others.
 */
export function construct<T>(expected: string, ...members: string[]): PropType<T> {
  return like<T>(expected, 'node', ...members);
}

/** A list of `items`. */
export function listOf<T>(items: PropType<T>, expected: string): PropType<T[]> {
  return {
    ...propType<T[]>(expected, Array.isArray),
    checkParts: (scope, path, list: unknown[]) => list.forEach((item, index) => checkValue(scope, `${path}[${index}]`, item, items, true)),
  };
}

/**
 * An instance of a class, e.g. one of this library's made with its static factories.
 * @param type returns the class, read when a value is checked: the class's own module may still be loading when the
 * schema is made
 */
export function instanceOf<T>(type: () => { readonly prototype: T }, expected: string, errorId: ErrorId = INVALID_TYPE): PropType<T> {
  return propType<T>(expected, (value) => value instanceof (type() as unknown as Function), errorId);
}

/** One value of an enum; numeric enums are matched by value, not by the names TypeScript maps back. */
export function oneOf<E extends string | number>(
  values: { readonly [name: string]: E | string }, enumName: string, errorId = INVALID_TYPE,
): PropType<E> {
  const all: unknown[] = Object.values(values);
  const allowed = all.some((value) => typeof value === 'number') ? all.filter((value) => typeof value === 'number') : all;
  return propType<E>(`one of ${enumName} (${allowed.map((value) => JSON.stringify(value)).join(', ')})`, (value) => allowed.includes(value), errorId);
}

/** A struct of options, checked prop by prop. */
export function struct<T>(schema: StructSchema<T>): PropType<T> {
  return {
    ...propType<T>(`an object of ${schema.name}`, isObject),
    checkParts: (scope, path, value) => checkStruct(scope, path, value, schema, true),
  };
}

/** An object whose shape is checked where it is used (a JSON schema, a struct of aws-cdk-lib). */
export function object<T>(expected: string): PropType<T> {
  return propType<T>(expected, isObject);
}

/** An object of `values` by name (routes by route key, stages by name...). */
export function mapOf<V>(values: PropType<V>, expected: string): PropType<{ [name: string]: V }> {
  return {
    ...propType<{ [name: string]: V }>(expected, isObject),
    checkParts: (scope, path, map: Record<string, unknown>) => {
      for (const [name, value] of Object.entries(map)) {
        checkValue(scope, `${path}['${name}']`, value, values, true);
      }
    },
  };
}

/**
 * A prop that must be given.
 * @param missing the error id and the expectation stated when it is not, for props with more to say than their type
 */
export function required<T>(type: PropType<T>, missing?: MissingProp): RequiredPropType<T> {
  return { ...type, required: missing ?? { errorId: 'MissingProp', expected: type.expected } };
}

/**
 * Checks an options struct: every prop known and of its type, required props given.
 * @param strict false for the props of a subclass of a construct, which may add props of its own: then props the
 * struct does not have are let through unless `unknownProp` refuses them
 */
export function checkStruct<T>(scope: IConstruct, path: string, value: unknown, schema: StructSchema<T>, strict: boolean): void {
  const props = schema.props as Record<string, AnyPropType>;
  const names = Object.keys(props);
  const prefix = path ? `${path}.` : '';
  check(isObject(value), scope, INVALID_TYPE, () =>
    `${path || 'props'} is ${show(value)}; expected an object of ${schema.name}`);
  for (const [name, given] of Object.entries(value)) {
    if (given === undefined || Object.hasOwn(props, name)) {
      continue;
    }
    const propPath = path ? `${path}${member(name)}` : name;
    schema.unknownProp?.(scope, propPath, name);
    if (strict) {
      const closest = closestName(name, names);
      throw new GatewayKitValidationError('UnknownProp', closest
        ? `${propPath} is not a prop of ${schema.name}; did you mean '${closest}'? (a misspelt prop would be ignored)`
        : `${propPath} is not a prop of ${schema.name}; expected one of ${names.join(', ')}`, scope);
    }
  }
  for (const name of names) {
    checkValue(scope, `${prefix}${name}`, value[name], props[name], false);
  }
}

/**
 * Checks one value against its type.
 * @param given whether the value is part of a list or map, where `undefined` is a value like any other
 */
function checkValue(scope: IConstruct, path: string, value: unknown, type: AnyPropType, given: boolean): void {
  if (value === undefined && !given) {
    check(type.required === undefined, scope, type.required?.errorId ?? 'MissingProp', () =>
      `${path} is undefined; expected ${type.required!.expected}`);
    return;
  }
  if (Token.isUnresolved(value)) {
    return;
  }
  check(type.accepts(value), scope, type.errorId, () => `${path} is ${show(value)}; expected ${type.expected}`);
  type.checkParts?.(scope, path, value);
}

/** The props schema of each construct class that checks its props with `checkConstructProps`. */
const CONSTRUCT_PROPS = new WeakMap<Function, () => StructSchema<unknown>>();

/**
 * Declares the props of a construct class; called once, after the class.
 * @param schema returns the schema, read when props are checked: the schemas' module imports the modules of the
 * classes some props are instances of, so it may still be loading when the class is declared
 */
export function declareConstructProps<T>(type: abstract new (...args: any[]) => unknown, schema: () => StructSchema<T>): void {
  CONSTRUCT_PROPS.set(type, schema as () => StructSchema<unknown>);
}

/**
 * Checks the props of a construct against the schema declared for its class (`new.target`). A subclass declared by a
 * user is checked against its nearest declared ancestor, leniently: it may pass props of its own through.
 */
export function checkConstructProps(scope: IConstruct, target: Function, props: unknown): void {
  for (let type = target; type; type = Object.getPrototypeOf(type)) {
    const schema = CONSTRUCT_PROPS.get(type);
    if (schema) {
      checkStruct(scope, '', props === undefined ? {} : props, schema(), type === target);
      return;
    }
  }
}
