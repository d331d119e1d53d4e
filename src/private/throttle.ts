import { IConstruct } from 'constructs';
import { ThrottleSettings } from '../throttle';
import { checkNonNegative, checkNonNegativeInteger } from './numbers';

export function validateThrottle(scope: IConstruct, prop: string, throttle: ThrottleSettings | undefined): void {
  checkNonNegative(scope, `${prop}.rateLimit`, throttle?.rateLimit);
  checkNonNegativeInteger(scope, `${prop}.burstLimit`, throttle?.burstLimit);
}
