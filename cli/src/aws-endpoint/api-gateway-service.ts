import { AwsServiceHandler } from './service-request';
import { answersApiGatewayCall } from '../control-plane/api-gateway-router';

/** The request headers the control plane reads; the rest (signature, host, length) belong to the hop. */
const FORWARDED_HEADERS = ['accept', 'content-type'] as const;
/** The response headers an SDK reads. */
const RETURNED_HEADERS = ['content-type', 'content-disposition', 'x-amzn-errortype'] as const;

/**
 * API Gateway's REST API (`apigateway` calls of the v1 SDK client), answered by the running app's local control plane
 * at `controlPlaneUrl`: the operations it has, over the app's live state; any other call is left unanswered, so that
 * the endpoint reports it as not available locally.
 */
export function apiGatewayService(controlPlaneUrl: string): AwsServiceHandler {
  return async (request) => {
    if (request.path.startsWith('/v2/') || !answersApiGatewayCall(request.method, request.path)) return undefined;
    const query = request.query.toString();
    const headers = Object.fromEntries(FORWARDED_HEADERS.flatMap((name) => {
      const value = request.headers[name];
      return typeof value === 'string' ? [[name, value]] : [];
    }));
    const hasBody = request.method !== 'GET' && request.method !== 'HEAD' && request.body.length > 0;
    const response = await fetch(new URL(`${request.path}${query ? `?${query}` : ''}`, controlPlaneUrl), {
      method: request.method,
      headers,
      body: hasBody ? new Uint8Array(request.body) : undefined,
    });
    return {
      status: response.status,
      headers: Object.fromEntries(RETURNED_HEADERS.flatMap((name) => {
        const value = response.headers.get(name);
        return value === null ? [] : [[name, value]];
      })),
      body: await response.text(),
    };
  };
}
