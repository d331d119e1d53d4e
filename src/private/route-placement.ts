import { createHash } from 'crypto';
import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';
import { STACK_RESOURCE_LIMIT, TEMPLATE_PARAMETER_LIMIT } from './resource-limit';

const TWO_TO_THE_64 = 2n ** 64n;
const TWO_TO_THE_33 = 2n ** 33n;
const TWO_TO_THE_31 = 2 ** 31;

/**
 * Jump consistent hashing (Lamping and Veach, 2014, https://arxiv.org/abs/1406.2294): the bucket of `key` among
 * `buckets`, such that going from n to n + 1 buckets moves only the keys that land in the new bucket (about 1/(n + 1)
 * of them) and none between old ones. The key is hashed with SHA-256, the same on every machine and Node version.
 */
export function jumpConsistentHash(key: string, buckets: number): number {
  let state = createHash('sha256').update(key).digest().readBigUInt64BE(0);
  let bucket = -1;
  let next = 0;
  while (next < buckets) {
    bucket = next;
    state = (state * 2862933555777941757n + 1n) % TWO_TO_THE_64;
    next = Math.floor((bucket + 1) * (TWO_TO_THE_31 / Number(state / TWO_TO_THE_33 + 1n)));
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
