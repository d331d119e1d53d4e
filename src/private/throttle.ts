import { IConstruct } from 'constructs';
import { checkNonNegative, checkNonNegativeInteger } from './numbers';
import { ThrottleSettings } from '../common/throttle';

/** Every stage's throttle unless the API says otherwise: well under the account's default of 10,000 rps. */
export const DEFAULT_STAGE_THROTTLE = { rateLimit: 1000, burstLimit: 2000 };

export function validateThrottle(scope: IConstruct, prop: string, throttle: ThrottleSettings | undefined): void {
  checkNonNegative(scope, `${prop}.rateLimit`, throttle?.rateLimit);
  checkNonNegativeInteger(scope, `${prop}.burstLimit`, throttle?.burstLimit);
}
