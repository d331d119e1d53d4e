import { Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { check } from '../../private/errors';
import { checkNonNegativeInteger } from '../../private/numbers';
import { QuotaOptions } from '../tier-options';

/** Tier names name usage plans and constructs: kept to characters every consumer of a name accepts. */
const TIER_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,63}$/;
/** Customer ids name API keys and constructs; `@`, `+` and `.` admit e-mail addresses. */
const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9._@+-]{0,127}$/;

/** The largest offset of each period: the day the period starts on (the 28th is the last day every month has). */
const MAX_OFFSET: Record<apigateway.Period, number> = {
  [apigateway.Period.DAY]: 0,
  [apigateway.Period.WEEK]: 6,
  [apigateway.Period.MONTH]: 27,
};
const OFFSET_RANGE: Record<apigateway.Period, string> = {
  [apigateway.Period.DAY]: 'only 0, as every day starts at midnight UTC',
  [apigateway.Period.WEEK]: 'a whole number from 0 (weeks start on Sunday) to 6 (on Saturday)',
  [apigateway.Period.MONTH]: 'a whole number from 0 (months start on the 1st) to 27 (on the 28th)',
};

export function checkTierName(scope: IConstruct, prop: string, name: string): void {
  check(typeof name === 'string' && !Token.isUnresolved(name) && TIER_NAME.test(name), scope, 'InvalidTierName', () =>
    `${prop} has the tier name '${name}'; expected 1 to 64 letters, digits, '-' or '_' starting with a letter or digit, e.g. 'gold' (the name is known at synth and names the usage plan and its construct)`);
}

export function checkCustomerId(scope: IConstruct, prop: string, id: string): void {
  check(typeof id === 'string' && !Token.isUnresolved(id) && CUSTOMER_ID.test(id), scope, 'InvalidCustomerId', () =>
    `${prop} has the customer id '${id}'; expected 1 to 128 letters, digits or '.', '_', '-', '@', '+' starting with a letter or digit, e.g. 'acme-corp' (the id is known at synth and names the API key and its constructs)`);
}

/** Validates the numbers of a quota, whose types and required props are checked with the tier's props. */
export function validateQuota(scope: IConstruct, prop: string, quota: QuotaOptions | undefined): void {
  if (quota === undefined) {
    return;
  }
  const { limit, period, offset } = quota;
  checkNonNegativeInteger(scope, `${prop}.limit`, limit);
  if (Token.isUnresolved(period) || offset === undefined || Token.isUnresolved(offset)) {
    return;
  }
  check(Number.isInteger(offset) && offset >= 0 && offset <= MAX_OFFSET[period], scope, 'QuotaOffsetOutOfRange', () =>
    `${prop}.offset is ${offset}; for Period.${period} expected ${OFFSET_RANGE[period]}. It is the day a period starts on, not a count of requests; remove it to start at 0`);
}

/** The quota for the L1 usage plan, set there because the UsagePlan L2 drops a limit of 0. */
export function renderQuota(quota: QuotaOptions | undefined): apigateway.CfnUsagePlan.QuotaSettingsProperty | undefined {
  return quota === undefined ? undefined : { limit: quota.limit, period: quota.period, offset: quota.offset };
}
