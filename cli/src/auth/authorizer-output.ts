import { AuthorizerOutputError, describeValue, isPlainObject } from './authorizer-output-error';
import { parsePolicyDocument, PolicyDocument } from './iam-policy';

/** A REST (TOKEN or REQUEST) Lambda authorizer's answer, validated. */
export interface RestAuthorizerResult {
  readonly principalId: string;
  readonly policy: PolicyDocument;
  /** The `context` map with every value stringified, as the integration receives it. */
  readonly context: Readonly<Record<string, string>>;
  /** The API key used for usage plans when the API's key source is AUTHORIZER. */
  readonly usageIdentifierKey?: string;
}

/** An HTTP API Lambda authorizer's simple response (payload 2.0 with simple responses enabled), validated. */
export interface HttpSimpleAuthorizerResult {
  readonly isAuthorized: boolean;
  /** Any JSON values; they reach the integration as `requestContext.authorizer.lambda`. */
  readonly context: Readonly<Record<string, unknown>>;
}

/** An HTTP API Lambda authorizer's IAM-policy response (payload 1.0, or 2.0 without simple responses), validated. */
export interface HttpPolicyAuthorizerResult {
  readonly principalId: string;
  readonly policy: PolicyDocument;
  /** Any JSON values: the developer guide's 2.0 IAM-policy example returns lists and maps. */
  readonly context: Readonly<Record<string, unknown>>;
  readonly usageIdentifierKey?: string;
}

/**
 * Validates a REST Lambda authorizer's output. The developer guide says the output "must include" `principalId` and
 * `policyDocument`, that `context` values are stringified, and that "you cannot set a JSON object or array as a valid
 * value of any key in the context map". Anything else throws {@link AuthorizerOutputError} (the pipeline answers 500
 * AUTHORIZER_CONFIGURATION_ERROR). A `null` context value is treated as an error too (uncertain: not documented).
 */
export function parseRestAuthorizerOutput(payload: unknown): RestAuthorizerResult {
  const output = requireObject(payload);
  return {
    principalId: requirePrincipalId(output),
    policy: requirePolicy(output),
    context: stringifiedContext(output.context),
    ...optionalUsageIdentifierKey(output),
  };
}

/**
 * Validates an HTTP API simple response: `isAuthorized` must be a boolean; `context`, when present, an object of any
 * JSON values. A malformed response is a 500 on HTTP APIs too.
 */
export function parseHttpSimpleResponse(payload: unknown): HttpSimpleAuthorizerResult {
  const output = requireObject(payload);
  if (typeof output.isAuthorized !== 'boolean') {
    throw new AuthorizerOutputError(
      `authorizer response isAuthorized must be true or false, received ${describeValue(output.isAuthorized)}`,
    );
  }
  return { isAuthorized: output.isAuthorized, context: jsonContext(output.context) };
}

/** Validates an HTTP API IAM-policy response; the rules are the REST ones except that `context` may hold any JSON. */
export function parseHttpPolicyResponse(payload: unknown): HttpPolicyAuthorizerResult {
  const output = requireObject(payload);
  return {
    principalId: requirePrincipalId(output),
    policy: requirePolicy(output),
    context: jsonContext(output.context),
    ...optionalUsageIdentifierKey(output),
  };
}

function requireObject(payload: unknown): Record<string, unknown> {
  if (!isPlainObject(payload)) {
    throw new AuthorizerOutputError(
      `authorizer response must be an object with principalId and policyDocument, received ${describeValue(payload)}`,
    );
  }
  return payload;
}

function requirePrincipalId(output: Record<string, unknown>): string {
  if (typeof output.principalId !== 'string') {
    throw new AuthorizerOutputError(
      `authorizer response principalId must be a string, received ${describeValue(output.principalId)}`,
    );
  }
  return output.principalId;
}

function requirePolicy(output: Record<string, unknown>): PolicyDocument {
  if (output.policyDocument === undefined) {
    throw new AuthorizerOutputError('authorizer response has no policyDocument; expected {Version, Statement: [...]}');
  }
  return parsePolicyDocument(output.policyDocument);
}

function optionalUsageIdentifierKey(output: Record<string, unknown>): { usageIdentifierKey?: string } {
  const key = output.usageIdentifierKey;
  if (key === undefined) {
    return {};
  }
  if (typeof key !== 'string') {
    throw new AuthorizerOutputError(`authorizer response usageIdentifierKey must be a string, received ${describeValue(key)}`);
  }
  return { usageIdentifierKey: key };
}

function stringifiedContext(context: unknown): Record<string, string> {
  const entries = Object.entries(jsonContext(context)).map(([key, value]) => {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      return [key, String(value)] as const;
    }
    throw new AuthorizerOutputError(
      `authorizer response context.${key} must be a string, number or boolean, received ${describeValue(value)}`,
    );
  });
  return Object.fromEntries(entries);
}

function jsonContext(context: unknown): Record<string, unknown> {
  if (context === undefined || context === null) {
    return {};
  }
  if (!isPlainObject(context)) {
    throw new AuthorizerOutputError(`authorizer response context must be an object, received ${describeValue(context)}`);
  }
  return context;
}
