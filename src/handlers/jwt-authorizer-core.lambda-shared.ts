import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { JwtAuthorizerConfig } from './jwt-authorizer-config.lambda-shared';
import { logDecision } from './jwt-authorizer-log.lambda-shared';
import { allowResult, Claims, denyResult, hasAllScopes, usageIdentifierOf } from './jwt-authorizer-policy.lambda-shared';
import { AuthorizerRejection } from './jwt-authorizer-rejection.lambda-shared';
import { assertTokenSource, DEFAULT_TOKEN_SOURCE, readAuthorizerRequest } from './jwt-authorizer-request.lambda-shared';
import { errorNameOf } from './log.lambda-shared';

export type JwtAuthorizer = (event: unknown) => Promise<APIGatewayAuthorizerResult>;

export interface AuthorizerCoreProps {
  readonly config: JwtAuthorizerConfig;
  /** Resolves to the claims of a token whose signature and claims checks passed; rejects otherwise. */
  readonly verify: (token: string) => Promise<Claims>;
  /** Maps a verification failure to a short reason category for the decision log. */
  readonly classify: (error: unknown) => string;
}

/**
 * Turns a verifier into an API Gateway authorizer that fails closed: every error path ends in
 * `Error('Unauthorized')`, the one message API Gateway maps to 401. A verified token that lacks a required scope or
 * a usable usage identifier gets an explicit Deny (403): the caller is known but not allowed.
 */
export function buildAuthorizer(props: AuthorizerCoreProps): JwtAuthorizer {
  const tokenSource = props.config.tokenSource ?? DEFAULT_TOKEN_SOURCE;
  assertTokenSource(tokenSource);
  const requiredScopes = props.config.requiredScopes ?? [];
  const contextClaims = props.config.contextClaims ?? [];
  const usageIdentifierClaim = props.config.usageIdentifierClaim;

  return async (event) => {
    try {
      const request = readAuthorizerRequest(event, tokenSource);
      const claims = await props.verify(request.token);
      if (!hasAllScopes(claims, requiredScopes)) {
        logDecision({ decision: 'deny', reason: 'missing-scope' });
        return denyResult(claims, request.apiArn);
      }
      const usage = usageIdentifierClaim === undefined ? undefined : usageIdentifierOf(claims, usageIdentifierClaim);
      if (usage && 'problem' in usage) {
        // The reason names the problem only: the claim's value is an API key and never reaches the log.
        logDecision({ decision: 'deny', reason: `${usage.problem}-usage-identifier` });
        return denyResult(claims, request.apiArn);
      }
      const result = allowResult(claims, request.apiArn, contextClaims, usage?.key);
      logDecision({ decision: 'allow', reason: 'verified' });
      return result;
    } catch (error) {
      logDecision({ decision: 'unauthorized', reason: reasonFor(error, props.classify), errorName: errorNameOf(error) });
      throw unauthorized();
    }
  };
}

/** An authorizer for a deployment whose configuration could not be used: it refuses everything. */
export function rejectingAuthorizer(): JwtAuthorizer {
  return async () => {
    logDecision({ decision: 'unauthorized', reason: 'invalid-config' });
    throw unauthorized();
  };
}

export function unauthorized(): Error {
  return new Error('Unauthorized');
}

function reasonFor(error: unknown, classify: (error: unknown) => string): string {
  if (error instanceof AuthorizerRejection) {
    return error.reason;
  }
  try {
    return classify(error);
  } catch {
    return 'unexpected';
  }
}
