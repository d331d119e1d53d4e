import { IConstruct } from 'constructs';
import { checkNonNegative, checkNonNegativeInteger } from './numbers';
import { ThrottleSettings } from '../common/throttle';

/** Every stage's throttle unless the API says otherwise: well under the account's default of 10,000 rps. */
const DEFAULT_STAGE_THROTTLE = { rateLimit: 1000, burstLimit: 2000 };

/** A stage's throttle with every default applied: each limit from the first of `levels` that sets it. */
export function stageThrottle(...levels: (ThrottleSettings | undefined)[]): { rateLimit: number; burstLimit: number } {
  let rateLimit: number | undefined;
  let burstLimit: number | undefined;
  for (const level of levels) {
    rateLimit ??= level?.rateLimit;
    burstLimit ??= level?.burstLimit;
  }
  return { rateLimit: rateLimit ?? DEFAULT_STAGE_THROTTLE.rateLimit, burstLimit: burstLimit ?? DEFAULT_STAGE_THROTTLE.burstLimit };
}

export function validateThrottle(scope: IConstruct, prop: string, throttle: ThrottleSettings | undefined): void {
  checkNonNegative(scope, `${prop}.rateLimit`, throttle?.rateLimit);
  checkNonNegativeInteger(scope, `${prop}.burstLimit`, throttle?.burstLimit);
}
