import { evaluatePolicy, parseRestAuthorizerOutput, RestAuthorizerResult, TtlCache } from '../auth';
import { Clock } from '../clock';
import { authorizerEvent, ConnectionContext, Handshake } from './websocket-events';
import { HandshakeRefusal } from './websocket-limits';
import { ApiRequest } from '../gateway/api-request';
import { verifyIamCaller } from '../gateway/iam-caller';
import { identitySourceValue } from '../gateway/identity-source';
import { runLambdaAuthorizer } from '../gateway/lambda-authorizer';
import type { InvokeOutcome } from '../lambda';
import { WebSocketApiModel, WebSocketRouteModel } from '../model';

export interface ConnectAuthorizationDeps {
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
  readonly clock: Clock;
  readonly region: string;
  readonly accountId: string;
  /** Access key id -> secret, for SigV4-signed handshakes. */
  readonly credentials: ReadonlyMap<string, string>;
}

/** What `$connect` authorization adds to the connection, or why the handshake is refused. */
export type ConnectAuthorization =
  | {
    readonly ok: true;
    readonly authorizer?: Record<string, unknown>;
    readonly iamIdentity?: Record<string, string>;
    /** The authorizer's `usageIdentifierKey`, the API key when the API selects keys from the authorizer. */
    readonly usageIdentifierKey?: string;
  }
  | { readonly ok: false; readonly refusal: HandshakeRefusal; readonly note: string };

/** WebSocket authorizers have no result cache: each handshake invokes the function. */
const NO_CACHE = 0;

/**
 * Authorizes a handshake as `$connect`'s AuthorizationType says: IAM checks the SigV4 signature of the upgrade
 * request against the local credentials; CUSTOM runs the REQUEST Lambda authorizer (every identity source must be
 * present, else 401 without invoking it) and evaluates its policy on `$connect`'s method ARN.
 */
export async function authorizeConnect(
  api: WebSocketApiModel, route: WebSocketRouteModel | undefined, upgrade: ApiRequest, handshake: Handshake,
  connection: ConnectionContext, stageVariables: Readonly<Record<string, string>>, deps: ConnectAuthorizationDeps,
): Promise<ConnectAuthorization> {
  if (route?.authorizationType === 'AWS_IAM') {
    const verdict = await verifyIamCaller(upgrade, deps);
    if (!verdict.ok) return { ok: false, refusal: 'FORBIDDEN', note: `the SigV4 signature of the handshake: ${verdict.message}` };
    const { accessKeyId, accountId, userArn } = verdict.caller;
    return { ok: true, iamIdentity: { accessKey: accessKeyId, accountId, caller: accessKeyId, user: accessKeyId, userArn } };
  }
  if (route?.authorizationType !== 'CUSTOM') return { ok: true };
  const authorizer = route.authorizerId === undefined ? undefined : api.authorizers.get(route.authorizerId);
  if (!authorizer) return { ok: false, refusal: 'AUTHORIZER_FAILURE', note: `$connect names the authorizer ${route.authorizerId}, which is not served` };
  const scope = { request: upgrade, stageVariables, context: { ...connection, routeKey: '$connect', eventType: 'CONNECT' } };
  const missing = authorizer.identitySources.find((source) => identitySourceValue(source.replace(/^route\./, ''), scope) === undefined);
  if (missing !== undefined) return { ok: false, refusal: 'UNAUTHORIZED', note: `the identity source ${missing} is missing` };
  const methodArn = `arn:aws:execute-api:${deps.region}:${deps.accountId}:${api.apiId}/${connection.stage}/$connect`;
  const run = await runLambdaAuthorizer<RestAuthorizerResult>({
    cache: new TtlCache(deps.clock),
    cacheKey: '',
    ttlSeconds: NO_CACHE,
    clock: deps.clock,
    invoke: () => deps.invoke(authorizer.functionArn, authorizerEvent(connection, handshake, methodArn, stageVariables, deps.clock.now())),
    parse: parseRestAuthorizerOutput,
  });
  if (run.kind !== 'answer') {
    return { ok: false, refusal: run.kind === 'unauthorized' ? 'UNAUTHORIZED' : 'AUTHORIZER_FAILURE', note: run.note };
  }
  if (evaluatePolicy(run.answer.policy, methodArn) !== 'ALLOW') {
    return { ok: false, refusal: 'FORBIDDEN', note: `the authorizer's policy does not allow ${methodArn}` };
  }
  const { context, principalId, usageIdentifierKey } = run.answer;
  return { ok: true, authorizer: { ...context, principalId, integrationLatency: run.latencyMs }, usageIdentifierKey };
}
