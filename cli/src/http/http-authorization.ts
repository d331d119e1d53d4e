import { httpEvent, HttpEventContext, httpPayload1Event } from './http-event';
import { evaluatePolicy, HttpPolicyAuthorizerResult, parseHttpPolicyResponse, parseHttpSimpleResponse, TrustedKeys, TtlCaches, verifyHttpJwt } from '../auth';
import { Clock } from '../clock';
import { HttpApiErrorType } from '../gateway/error-table';
import { verifyIamCaller } from '../gateway/iam-caller';
import { identitySourceValue } from '../gateway/identity-source';
import { runLambdaAuthorizer } from '../gateway/lambda-authorizer';
import type { InvokeOutcome } from '../lambda';
import { HttpAuthorizerModel, HttpJwtAuthorizerModel, HttpLambdaAuthorizerModel, HttpRouteModel } from '../model';

export interface HttpAuthorizationDeps {
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  readonly jwks: TrustedKeys;
  readonly credentials: ReadonlyMap<string, string>;
}

export type HttpAuthorizationResult =
  | { readonly ok: true; readonly authorizer?: Record<string, unknown>; readonly cache?: 'hit' | 'miss' }
  | {
    readonly ok: false;
    readonly error: HttpApiErrorType;
    readonly note: string;
    readonly headers?: [string, string][];
    readonly message?: string;
    readonly cache?: 'hit' | 'miss';
  };

/** A Lambda authorizer's answer kept for its TTL: allowed or not (simple), or the policy to evaluate (IAM). */
type CachedLambdaAnswer =
  | { readonly kind: 'simple'; readonly isAuthorized: boolean; readonly context: Record<string, unknown> }
  | { readonly kind: 'policy'; readonly result: HttpPolicyAuthorizerResult };

/** The authorization of HTTP API routes: JWT authorizers, Lambda REQUEST authorizers (simple or IAM answers), IAM. */
export class HttpAuthorization {
  private readonly caches: TtlCaches<CachedLambdaAnswer>;

  constructor(private readonly authorizers: ReadonlyMap<string, HttpAuthorizerModel>, private readonly deps: HttpAuthorizationDeps) {
    this.caches = new TtlCaches<CachedLambdaAnswer>(deps.clock);
  }

  public async authorize(route: HttpRouteModel, context: HttpEventContext, routeArn: string): Promise<HttpAuthorizationResult> {
    if (route.authorizationType === 'NONE') {
      return { ok: true };
    }
    if (route.authorizationType === 'AWS_IAM') {
      return this.authorizeIam(context);
    }
    const authorizer = route.authorizerId === undefined ? undefined : this.authorizers.get(route.authorizerId);
    if (!authorizer) {
      return { ok: false, error: 'INTERNAL_SERVER_ERROR', note: `the route's authorizer ${route.authorizerId ?? '(none)'} is not in the template` };
    }
    return authorizer.type === 'JWT' ? this.authorizeJwt(authorizer, route, context) : this.authorizeLambda(authorizer, context, routeArn);
  }

  private async authorizeIam(context: HttpEventContext): Promise<HttpAuthorizationResult> {
    const verdict = await verifyIamCaller(context.request, this.deps);
    if (!verdict.ok) {
      const message = verdict.responseType === 'MISSING_AUTHENTICATION_TOKEN' ? 'Forbidden' : verdict.message;
      return { ok: false, error: 'FORBIDDEN', message, note: `SigV4: ${verdict.message}` };
    }
    const { accessKeyId, accountId, userArn } = verdict.caller;
    const iam = {
      accessKey: accessKeyId, accountId, callerId: accessKeyId, cognitoIdentity: null, principalOrgId: null, userArn, userId: accessKeyId,
    };
    return { ok: true, authorizer: { iam } };
  }

  private async authorizeJwt(authorizer: HttpJwtAuthorizerModel, route: HttpRouteModel, context: HttpEventContext): Promise<HttpAuthorizationResult> {
    const token = identitySourceValue(authorizer.identitySources[0] ?? '$request.header.Authorization', this.scope(context));
    if (token === undefined) {
      return { ok: false, error: 'UNAUTHORIZED', note: `no ${authorizer.identitySources[0]}` };
    }
    const verdict = await verifyHttpJwt(token, {
      issuer: authorizer.issuer,
      audience: authorizer.audience,
      scopes: route.authorizationScopes,
      jwks: this.deps.jwks,
      clock: this.deps.clock,
    });
    if (!verdict.ok) {
      return {
        ok: false,
        error: verdict.status === 403 ? 'FORBIDDEN' : 'UNAUTHORIZED',
        note: verdict.reason,
        headers: verdict.wwwAuthenticate ? [['www-authenticate', verdict.wwwAuthenticate]] : undefined,
      };
    }
    return { ok: true, authorizer: { jwt: { claims: verdict.claims, scopes: verdict.scopes.length > 0 ? verdict.scopes : null } } };
  }

  private async authorizeLambda(
    authorizer: HttpLambdaAuthorizerModel, context: HttpEventContext, routeArn: string,
  ): Promise<HttpAuthorizationResult> {
    const scope = this.scope(context);
    const values = authorizer.identitySources.map((source) => identitySourceValue(source, scope));
    if (authorizer.identitySources.length > 0 && values.some((value) => value === undefined)) {
      return { ok: false, error: 'UNAUTHORIZED', note: `missing identity source ${authorizer.identitySources.filter((_, i) => values[i] === undefined).join(', ')}` };
    }
    const run = await runLambdaAuthorizer<CachedLambdaAnswer>({
      cache: this.caches.of(authorizer.authorizerId),
      cacheKey: values.join('\u0000'),
      ttlSeconds: authorizer.resultTtlSeconds,
      clock: this.deps.clock,
      invoke: () => this.deps.invoke(authorizer.functionArn, this.authorizerEvent(authorizer, context, routeArn, values as string[])),
      parse: (payload) => (authorizer.enableSimpleResponses
        ? { kind: 'simple', ...parseHttpSimpleResponse(payload) }
        : { kind: 'policy', result: parseHttpPolicyResponse(payload) }),
    });
    switch (run.kind) {
      case 'answer':
        return this.decide(run.answer, routeArn, run.cache);
      case 'unauthorized':
        return { ok: false, error: 'UNAUTHORIZED', note: run.note, cache: run.cache };
      case 'failed':
        return { ok: false, error: 'INTERNAL_SERVER_ERROR', note: run.note, cache: run.cache };
    }
  }

  private decide(answer: CachedLambdaAnswer, routeArn: string, cache: 'hit' | 'miss' | undefined): HttpAuthorizationResult {
    if (answer.kind === 'simple') {
      return answer.isAuthorized
        ? { ok: true, cache, authorizer: { lambda: answer.context } }
        : { ok: false, error: 'FORBIDDEN', note: 'the authorizer answered isAuthorized: false', cache };
    }
    const decision = evaluatePolicy(answer.result.policy, routeArn);
    if (decision !== 'ALLOW') {
      return { ok: false, error: 'FORBIDDEN', note: `the policy ${decision === 'EXPLICIT_DENY' ? 'denies' : 'does not allow'} ${routeArn}`, cache };
    }
    return { ok: true, cache, authorizer: { lambda: { ...answer.result.context, principalId: answer.result.principalId } } };
  }

  /** The authorizer's input in its payload format: 2.0 (`identitySource` a list, `routeArn`) or 1.0 (as REST REQUEST authorizers). */
  private authorizerEvent(
    authorizer: HttpLambdaAuthorizerModel, context: HttpEventContext, routeArn: string, identitySource: string[],
  ): Record<string, unknown> {
    if (authorizer.payloadFormatVersion === '2.0') {
      const { body: _body, isBase64Encoded: _isBase64Encoded, version: _version, ...fields } = httpEvent({ ...context, authorizer: undefined });
      return { version: '2.0', type: 'REQUEST', routeArn, identitySource, ...fields };
    }
    const { body: _body, isBase64Encoded: _isBase64Encoded, ...fields } = httpPayload1Event({ ...context, authorizer: undefined });
    return { type: 'REQUEST', methodArn: routeArn, identitySource: identitySource.join(','), authorizationToken: identitySource[0], ...fields };
  }

  private scope(context: HttpEventContext) {
    const known = { routeKey: context.routeKey, stage: context.stage, apiId: context.apiId };
    return { request: context.request, stageVariables: context.stageVariables, context: known };
  }
}
