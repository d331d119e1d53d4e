/**
 * The Secrets Manager dynamic references (`{{resolve:secretsmanager:...}}`) by which a stack's API keys read their
 * values, as the constructs write them: read by the operations commands and by the local control plane alike.
 */

/** A dynamic reference to a Secrets Manager value: the secret (ARN or name) and the JSON field, if any. */
export interface SecretReference {
  readonly secretId: string;
  readonly jsonField?: string;
}

const DYNAMIC_REFERENCE = /^\{\{resolve:secretsmanager:(arn:[^:]*:secretsmanager:[^:]*:[^:]*:secret:[^:]+|[^:]+)(?::SecretString:([^:]*)(?::[^:]*){0,2})?\}\}$/;

/** The secret a `{{resolve:secretsmanager:...}}` value reads; undefined for any other value. */
export function parseSecretReference(value: unknown): SecretReference | undefined {
  const match = typeof value === 'string' ? DYNAMIC_REFERENCE.exec(value) : null;
  if (!match) {
    return undefined;
  }
  return { secretId: match[1], jsonField: match[2] ? match[2] : undefined };
}

/** The secret string holding `value`: the value itself, or a JSON object with it in `jsonField`. */
export function secretStringOf(value: string, jsonField: string | undefined): string {
  return jsonField === undefined ? value : JSON.stringify({ [jsonField]: value });
}
