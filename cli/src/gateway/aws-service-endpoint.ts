import { ForwardedRequest, forwardHttp, ForwardOutcome } from './http-forwarding';
import { sha256Signer } from '../auth/sigv4';

/** The sentence for the request log when an AWS service integration has nowhere to go. */
export const NO_AWS_ENDPOINT = 'AWS service integrations need an endpoint to send to: start gatewaykit with --aws-endpoint URL (e.g. a local emulator)';

/** The credentials the runtime signs AWS service requests with. */
export interface AwsCredentials {
  readonly accessKeyId: string;
  readonly secretAccessKey: string;
  readonly sessionToken?: string;
}

/** Where AWS service integrations are sent locally (e.g. an emulator), and the credentials to sign with. */
export interface AwsServiceEndpoint {
  readonly url: URL;
  readonly credentials: AwsCredentials;
}

/**
 * Fixed credentials for endpoints that check only that a request is signed (local emulators accept any key): used
 * when the environment has no `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
 */
export const LOCAL_DUMMY_CREDENTIALS: AwsCredentials = { accessKeyId: 'AKIAGATEWAYKITLOCAL0', secretAccessKey: 'gatewaykit-local-secret' };

/** The standard AWS environment variables when both are set, else {@link LOCAL_DUMMY_CREDENTIALS}. */
export function credentialsFromEnvironment(env: NodeJS.ProcessEnv): AwsCredentials {
  const { AWS_ACCESS_KEY_ID: accessKeyId, AWS_SECRET_ACCESS_KEY: secretAccessKey, AWS_SESSION_TOKEN: sessionToken } = env;
  return accessKeyId && secretAccessKey ? { accessKeyId, secretAccessKey, ...(sessionToken ? { sessionToken } : {}) } : LOCAL_DUMMY_CREDENTIALS;
}

/** A request to one AWS service, before signing: the endpoint's path and query, headers and body. */
export interface AwsServiceRequest {
  readonly service: string;
  readonly region: string;
  readonly method: string;
  /** The path on the endpoint, starting with `/`. */
  readonly path: string;
  readonly query: readonly (readonly [string, string])[];
  readonly headers: readonly (readonly [string, string])[];
  readonly body: string;
  readonly timeoutMs: number;
}

/**
 * Signs the request with SigV4 for the service and region, as API Gateway does with the integration's role, and sends
 * it to the configured endpoint (whose own path, if any, prefixes the request's).
 */
export async function callAwsService(endpoint: AwsServiceEndpoint, request: AwsServiceRequest): Promise<ForwardOutcome> {
  const url = new URL(endpoint.url.href);
  url.pathname = `${url.pathname.replace(/\/$/, '')}${request.path}`;
  for (const [name, value] of request.query) {
    url.searchParams.append(name, value);
  }
  const signer = sha256Signer({ credentials: endpoint.credentials, region: request.region, service: request.service, uriEscapePath: request.service !== 's3' });
  const query: Record<string, string | string[]> = {};
  for (const [name, value] of url.searchParams) {
    const existing = query[name];
    query[name] = existing === undefined ? value : [...(Array.isArray(existing) ? existing : [existing]), value];
  }
  const signed = await signer.sign({
    method: request.method,
    protocol: url.protocol,
    hostname: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    path: url.pathname,
    query,
    headers: { ...Object.fromEntries(request.headers), host: url.host },
    body: request.body,
  });
  const forwarded: ForwardedRequest = {
    url,
    method: request.method,
    headers: Object.entries(signed.headers),
    body: request.body,
    timeoutMs: request.timeoutMs,
  };
  return forwardHttp(forwarded);
}
