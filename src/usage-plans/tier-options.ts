import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ThrottleSettings } from '../common/throttle';

/**
 * The most requests one customer's API key may make per period. API Gateway counts per key, across every stage the
 * tier covers, and applies the quota on a best-effort basis: it is not a billing or cost control.
 */
export interface QuotaOptions {
  /** Requests allowed per period: a whole number of 0 or more. */
  readonly limit: number;
  /** The period the limit applies to; periods are counted in UTC. */
  readonly period: apigateway.Period;
  /**
   * The day a period starts on. `Period.DAY`: 0 only (each day starts at midnight UTC). `Period.WEEK`: 0 to 6,
   * where 0 starts weeks on Sunday and 1 on Monday. `Period.MONTH`: 0 to 27, where 0 starts months on the 1st and
   * 27 on the 28th (the last day every month has).
   * @default 0
   */
  readonly offset?: number;
}

/** One tier of service (an API Gateway usage plan): the throttle and quota every customer of the tier gets. */
export interface TierOptions {
  /**
   * Requests per second and burst allowed to each customer's key, across the API.
   * @default - no tier-wide limit: the stage's and the routes' throttles apply
   */
  readonly throttle?: ThrottleSettings;
  /**
   * The most requests each customer's key may make per day, week or month.
   * @default - no quota
   */
  readonly quota?: QuotaOptions;
  /**
   * Per-route limits for each customer's key, keyed by route (`'GET /items/{id}'`); every route must exist on the
   * API. API Gateway requires the tier-wide `throttle` as well when routes are throttled.
   * @default - the tier-wide `throttle` applies to every route
   */
  readonly routeThrottles?: { [routeKey: string]: ThrottleSettings };
  /**
   * Describes the tier on its usage plan.
   * @default - the usage plan has no description
   */
  readonly description?: string;
}
