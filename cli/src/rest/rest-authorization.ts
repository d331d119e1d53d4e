import { RestError } from './gateway-response';
import { evaluatePolicy, parseRestAuthorizerOutput, PolicyDocument, TrustedKeys, TtlCaches, verifyCognitoUserPoolToken } from '../auth';
import { Clock } from '../clock';
import { headerValue } from '../gateway/api-request';
import { isRestGatewayResponseType } from '../gateway/error-table';
import { verifyIamCaller } from '../gateway/iam-caller';
import { identitySourceValue } from '../gateway/identity-source';
import { runLambdaAuthorizer } from '../gateway/lambda-authorizer';
import type { InvokeOutcome } from '../lambda';
import { RestAuthorizerModel, RestMethodModel, UserPoolModel } from '../model';
import { restProxyEvent, ProxyEventContext } from '../proxy';

/** What the authorization step needs of the rest of the runtime. */
export interface RestAuthorizationDeps {
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly userPools: readonly UserPoolModel[];
  /** The local issuer's public keys, which Cognito authorizers trust. */
  readonly jwks: TrustedKeys;
  /** Access key id -> secret access key, for AWS_IAM methods. */
  readonly credentials: ReadonlyMap<string, string>;
}

export type RestAuthorizationResult =
  | {
    readonly ok: true;
    /** `requestContext.authorizer`, when an authorizer ran. */
    readonly authorizer?: Record<string, unknown>;
    /** Fields of `requestContext.identity` the authorization knows (IAM callers). */
    readonly identity: Record<string, string>;
    readonly usageIdentifierKey?: string;
    readonly cache?: 'hit' | 'miss';
  }
  | { readonly ok: false; readonly error: RestError; readonly cache?: 'hit' | 'miss' };

/** A Lambda authorizer's verdict kept for its TTL: the policy, re-evaluated against each request's method ARN. */
interface CachedAuthorization {
  readonly principalId: string;
  readonly policy: PolicyDocument;
  readonly context: Record<string, string>;
  readonly usageIdentifierKey?: string;
}

/** The per-request event context the authorizers build their inputs from, and the method ARN of the request. */
export interface RestAuthorizationRequest {
  readonly event: ProxyEventContext;
  readonly methodArn: string;
}

/** The authorization of REST API methods: IAM (SigV4), Lambda TOKEN and REQUEST authorizers, Cognito user pools. */
export class RestAuthorization {
  private readonly caches: TtlCaches<CachedAuthorization>;
  private readonly validationPatterns = new Map<string, RegExp>();

  constructor(private readonly authorizers: ReadonlyMap<string, RestAuthorizerModel>, private readonly deps: RestAuthorizationDeps) {
    this.caches = new TtlCaches<CachedAuthorization>(deps.clock);
  }

  /** Forgets every cached authorizer result. */
  public flushCaches(): void {
    this.caches.clear();
  }

  public async authorize(method: RestMethodModel, request: RestAuthorizationRequest): Promise<RestAuthorizationResult> {
    switch (method.authorizationType) {
      case 'NONE':
        return { ok: true, identity: {} };
      case 'AWS_IAM':
        return this.authorizeIam(request);
      default: {
        const authorizer = method.authorizerId === undefined ? undefined : this.authorizers.get(method.authorizerId);
        if (!authorizer) {
          return { ok: false, error: { type: 'AUTHORIZER_CONFIGURATION_ERROR', note: `the method's authorizer ${method.authorizerId ?? '(none)'} is not in the template` } };
        }
        return authorizer.type === 'COGNITO_USER_POOLS'
          ? this.authorizeCognito(authorizer, method, request)
          : this.authorizeLambda(authorizer, request);
      }
    }
  }

  private async authorizeIam(request: RestAuthorizationRequest): Promise<RestAuthorizationResult> {
    const verdict = await verifyIamCaller(request.event.request, this.deps);
    if (!verdict.ok) {
      const type = isRestGatewayResponseType(verdict.responseType) ? verdict.responseType : 'INVALID_SIGNATURE';
      return { ok: false, error: { type, message: verdict.message, errorType: verdict.errorType, note: `SigV4: ${verdict.message}` } };
    }
    const { accessKeyId, accountId, userArn } = verdict.caller;
    return { ok: true, identity: { accessKey: accessKeyId, accountId, caller: accessKeyId, user: accessKeyId, userArn } };
  }

  private async authorizeCognito(
    authorizer: RestAuthorizerModel, method: RestMethodModel, request: RestAuthorizationRequest,
  ): Promise<RestAuthorizationResult> {
    const header = /^method\.request\.header\.(.+)$/.exec(authorizer.identitySources[0] ?? 'method.request.header.Authorization')?.[1] ?? 'Authorization';
    const token = headerValue(request.event.request, header);
    if (!token) {
      return { ok: false, error: { type: 'UNAUTHORIZED', note: `no ${header} header` } };
    }
    const userPools = this.deps.userPools.filter((pool) => authorizer.providerArns.includes(pool.arn));
    const verdict = await verifyCognitoUserPoolToken(token, {
      userPools, scopes: method.authorizationScopes, jwks: this.deps.jwks, clock: this.deps.clock,
    });
    if (!verdict.ok) {
      return { ok: false, error: { type: 'UNAUTHORIZED', message: verdict.message, note: verdict.reason } };
    }
    return { ok: true, authorizer: { claims: verdict.claims }, identity: {} };
  }

  private async authorizeLambda(authorizer: RestAuthorizerModel, request: RestAuthorizationRequest): Promise<RestAuthorizationResult> {
    const { event } = request;
    // `context.x` identity sources read the event context's fields; no copy of it per request.
    const scope = { request: event.request, stageVariables: event.stageVariables, context: event as unknown as Readonly<Record<string, unknown>> };
    const identityValues = authorizer.identitySources.map((source) => identitySourceValue(source, scope));
    const caching = authorizer.resultTtlSeconds > 0;
    let token: string | undefined;
    if (authorizer.type === 'TOKEN') {
      token = identityValues[0];
      if (token === undefined) {
        return { ok: false, error: { type: 'UNAUTHORIZED', note: `no ${authorizer.identitySources[0]} identity source` } };
      }
      if (authorizer.identityValidationExpression && !this.validationPattern(authorizer.identityValidationExpression).test(token)) {
        return { ok: false, error: { type: 'UNAUTHORIZED', note: 'the token does not match the identity validation expression' } };
      }
    } else if (caching && identityValues.some((value) => value === undefined)) {
      const missing = authorizer.identitySources.filter((_, i) => identityValues[i] === undefined);
      return { ok: false, error: { type: 'UNAUTHORIZED', note: `missing identity source ${missing.join(', ')}` } };
    }

    const run = await runLambdaAuthorizer<CachedAuthorization>({
      cache: this.caches.of(authorizer.authorizerId),
      cacheKey: identityValues.join('\u0000'),
      ttlSeconds: authorizer.resultTtlSeconds,
      clock: this.deps.clock,
      invoke: () => this.deps.invoke(authorizer.functionArn!, authorizer.type === 'TOKEN'
        ? { type: 'TOKEN', authorizationToken: token, methodArn: request.methodArn }
        : requestAuthorizerEvent(request)),
      parse: parseRestAuthorizerOutput,
    });
    switch (run.kind) {
      case 'answer':
        return this.decide(run.answer, request.methodArn, run.cache, run.latencyMs);
      case 'unauthorized':
        return { ok: false, error: { type: 'UNAUTHORIZED', note: run.note }, cache: run.cache };
      case 'failed':
        return { ok: false, error: { type: 'AUTHORIZER_CONFIGURATION_ERROR', note: run.note }, cache: run.cache };
    }
  }

  /** Compiled once per expression; an expression that does not compile fails every request, as it did the first. */
  private validationPattern(expression: string): RegExp {
    let pattern = this.validationPatterns.get(expression);
    if (pattern === undefined) {
      pattern = new RegExp(`^(?:${expression})$`);
      this.validationPatterns.set(expression, pattern);
    }
    return pattern;
  }

  private decide(result: CachedAuthorization, methodArn: string, cache: 'hit' | 'miss' | undefined, latency: number): RestAuthorizationResult {
    const decision = evaluatePolicy(result.policy, methodArn);
    if (decision === 'EXPLICIT_DENY') {
      return {
        ok: false,
        cache,
        error: {
          type: 'ACCESS_DENIED',
          message: 'User is not authorized to access this resource with an explicit deny',
          note: `the policy denies ${methodArn}`,
        },
      };
    }
    if (decision === 'IMPLICIT_DENY') {
      return { ok: false, cache, error: { type: 'ACCESS_DENIED', note: `no statement of the policy allows ${methodArn}` } };
    }
    return {
      ok: true,
      cache,
      identity: {},
      usageIdentifierKey: result.usageIdentifierKey,
      authorizer: { ...result.context, principalId: result.principalId, integrationLatency: latency },
    };
  }
}

/** The REQUEST authorizer input: the proxy event's request fields, without the body, with the method ARN. */
function requestAuthorizerEvent(request: RestAuthorizationRequest): Record<string, unknown> {
  const { body: _body, isBase64Encoded: _isBase64Encoded, ...fields } = restProxyEvent(request.event);
  return { type: 'REQUEST', methodArn: request.methodArn, ...fields };
}
