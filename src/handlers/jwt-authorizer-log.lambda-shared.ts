import { createLogger, errorFields } from './log.lambda-shared';

export type Decision = 'allow' | 'deny' | 'unauthorized';

export interface DecisionRecord {
  readonly decision: Decision;
  /** Short category such as `expired` or `missing-scope`; never request data. */
  readonly reason: string;
  /**
   * Class name of the error behind an `unauthorized` decision.
   * @default - omitted (allow and deny decisions)
   */
  readonly errorName?: string;
}

/** Failures that point at the deployment or the identity provider rather than at the caller. */
const OPERATOR_REASONS = new Set(['invalid-config', 'jwks-unavailable', 'oversized-jwks', 'invalid-jwks', 'unexpected']);

const log = createLogger('gatewaykit-jwt-authorizer');

/**
 * Writes one JSON line per decision. The record type has no field for tokens, claims or headers,
 * so nothing secret can reach the logs through here.
 */
export function logDecision(record: DecisionRecord): void {
  const level = record.decision !== 'unauthorized' ? 'INFO' : OPERATOR_REASONS.has(record.reason) ? 'ERROR' : 'WARN';
  log(level, { ...record });
}

/** The parser's messages name the faulty field and hold only configuration, which is not secret. */
export function logConfigurationError(error: unknown): void {
  log('ERROR', { reason: 'invalid-config', ...errorFields(error) });
}
