import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';
import { STACK_RESOURCE_LIMIT, TEMPLATE_PARAMETER_LIMIT } from './resource-limit';

/**
 * The FNV-1a hash of a string (32 bits): the same string gives the same number on every machine and Node version,
 * unlike the order of a map or the position of a route in it.
 */
export function stableHash(value: string): number {
  let hash = 0x811c9dc5;
  for (let index = 0; index < value.length; index++) {
    hash ^= value.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

/**
 * Jump consistent hashing (Lamping and Veach, 2014): the bucket of `key` among `buckets`, such that going from n to
 * n + 1 buckets moves only the keys that land in the new bucket (about 1/(n + 1) of them) and none between old ones.
 */
export function jumpConsistentHash(key: string, buckets: number): number {
  let state = BigInt(stableHash(key)) | (BigInt(stableHash(`${key}#`)) << 32n);
  let bucket = -1;
  let next = 0;
  while (next < buckets) {
    bucket = next;
    state = (state * 2862933555777941757n + 1n) & 0xffffffffffffffffn;
    next = Math.floor((bucket + 1) * (Number(1n << 31n) / Number((state >> 33n) + 1n)));
  }
  return bucket;
}

/** How many nested stacks `routeCount` routes take at most `routesPerNestedStack` to a stack; 0 keeps them in the API's stack. */
export function nestedStackCount(routeCount: number, routesPerNestedStack: number): number {
  return routeCount > routesPerNestedStack ? Math.ceil(routeCount / routesPerNestedStack) : 0;
}

/** Checks `routesPerNestedStack`: a whole number from 1 to 500, since every route is at least one resource. */
export function validateRoutesPerNestedStack(scope: IConstruct, value: number): number {
  const max = STACK_RESOURCE_LIMIT;
  check(Token.isUnresolved(value) === false, scope, 'InvalidRoutesPerNestedStack', () =>
    `routesPerNestedStack is a token; routes are placed at synth, so give a number from 1 to ${max}`);
  check(Number.isInteger(value) && value >= 1 && value <= max, scope, 'InvalidRoutesPerNestedStack', () =>
    `routesPerNestedStack is ${value}; expected a whole number from 1 to ${max} (every route is at least one of the ${max} resources CloudFormation accepts in a stack, and a nested stack takes up to ${TEMPLATE_PARAMETER_LIMIT} parameters)`);
  return value;
}
