import type { UnsignedHandler } from '../aws-endpoint';

/** The host of the `ResponseURL` the assertion handler answers to; the sandbox sends it to the local AWS endpoint. */
export const RESPONSE_HOST = 'cloudformation-response.gatewaykit.local';
export const RESPONSE_PATH = '/cloudformation-response/';

/** What a custom resource handler PUTs to its `ResponseURL`. */
export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  readonly Reason?: string;
  readonly Data?: Record<string, unknown>;
}

/**
 * Receives the custom resource responses, as CloudFormation does at the pre-signed `ResponseURL` of each request,
 * keyed by the request id in the URL's path.
 */
export class ResponseCollector {
  /** The `ResponseURL` of a request. */
  public static urlFor(requestId: string): string {
    return `https://${RESPONSE_HOST}${RESPONSE_PATH}${encodeURIComponent(requestId)}`;
  }

  private readonly responses = new Map<string, CustomResourceResponse>();

  public readonly handler: UnsignedHandler = async (request) => {
    if (request.method !== 'PUT') return { status: 405 };
    const requestId = decodeURIComponent(request.path.slice(RESPONSE_PATH.length));
    this.responses.set(requestId, JSON.parse(request.body.toString('utf8')) as CustomResourceResponse);
    return { status: 200 };
  };

  /** The response received for the request, if any. */
  public take(requestId: string): CustomResourceResponse | undefined {
    const response = this.responses.get(requestId);
    this.responses.delete(requestId);
    return response;
  }
}
