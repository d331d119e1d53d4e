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

/**
 * Writes one JSON line per decision. The record type has no field for tokens, claims or headers,
 * so nothing secret can reach the logs through here.
 */
export function logDecision(record: DecisionRecord): void {
  const level = record.decision !== 'unauthorized' ? 'INFO' : OPERATOR_REASONS.has(record.reason) ? 'ERROR' : 'WARN';
  writeLine({ level, ...record });
}

/** The parser's messages name the faulty field and hold only configuration, which is not secret. */
export function logConfigurationError(error: unknown): void {
  writeLine({ level: 'ERROR', reason: 'invalid-config', errorName: errorNameOf(error), message: error instanceof Error ? error.message : String(error) });
}

/** The constructor name survives bundling without minification and names library errors, which leave `name` as `Error`. */
export function errorNameOf(error: unknown): string {
  if (error instanceof Error) {
    return error.constructor.name || error.name;
  }
  return typeof error;
}

function writeLine(fields: Record<string, string | undefined>): void {
  try {
    console.log(JSON.stringify({ source: 'gatewaykit-jwt-authorizer', ...fields }));
  } catch {
    // A logging failure must not turn into an exception API Gateway would report as a 500.
  }
}
