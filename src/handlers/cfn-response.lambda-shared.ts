import * as https from 'https';

/**
 * The fields of a CloudFormation custom resource request, read from an untyped event: a field that is missing or
 * of the wrong type is `undefined` (optional fields) or `''` (fields only echoed back), so reading never throws.
 */
export interface CustomResourceRequest {
  /** `Create`, `Update`, `Delete`, or whatever else the event holds. */
  readonly requestType: string;
  readonly resourceType: string;
  /**
   * The pre-signed S3 URL the response goes to; a credential, so it is never logged.
   * @default - the event has no https URL, and no response can be sent
   */
  readonly responseUrl?: string;
  readonly stackId: string;
  readonly requestId: string;
  readonly logicalResourceId: string;
  /**
   * The id returned when the resource was created.
   * @default - a Create request, which has none yet
   */
  readonly physicalResourceId?: string;
  /** `ResourceProperties` as received; the handler of each resource type validates it. */
  readonly resourceProperties: unknown;
}

/** The body CloudFormation expects at the response URL. */
export interface CustomResourceResponse {
  readonly Status: 'SUCCESS' | 'FAILED';
  /**
   * Why the request failed; CloudFormation shows it in the stack events.
   * @default - a successful request carries no reason
   */
  readonly Reason?: string;
  readonly PhysicalResourceId: string;
  readonly StackId: string;
  readonly RequestId: string;
  readonly LogicalResourceId: string;
  /**
   * The attributes `Fn::GetAtt` reads.
   * @default - no attributes
   */
  readonly Data?: Record<string, string>;
}

/** Sends the response body to the response URL; rejects when it was not accepted. */
export type ResponseSender = (responseUrl: string, body: string) => Promise<void>;

/**
 * CloudFormation accepts a response of up to 4,096 bytes; a short reason keeps the body far below that whatever the
 * ids are, and reads well in the stack events. The details are in the function's log.
 */
export const MAX_REASON_LENGTH = 300;

/** How long the response PUT may take before it counts as failed. */
export const RESPONSE_TIMEOUT_MS = 20_000;

export function readRequest(event: unknown): CustomResourceRequest {
  const fields = isRecord(event) ? event : {};
  const text = (key: string): string | undefined => (typeof fields[key] === 'string' ? fields[key] as string : undefined);
  const responseUrl = text('ResponseURL');
  return {
    requestType: text('RequestType') ?? '',
    resourceType: text('ResourceType') ?? '',
    responseUrl: responseUrl !== undefined && isHttpsUrl(responseUrl) ? responseUrl : undefined,
    stackId: text('StackId') ?? '',
    requestId: text('RequestId') ?? '',
    logicalResourceId: text('LogicalResourceId') ?? '',
    physicalResourceId: text('PhysicalResourceId') || undefined,
    resourceProperties: fields.ResourceProperties,
  };
}

/** Cuts a reason to `MAX_REASON_LENGTH` characters, marking the cut. */
export function shortReason(reason: string): string {
  return reason.length <= MAX_REASON_LENGTH ? reason : `${reason.slice(0, MAX_REASON_LENGTH - 3)}...`;
}

/**
 * PUTs the body to the pre-signed URL the way S3 requires it: an empty content type (the URL was signed without one)
 * and an explicit content length. Rejects on a network error, a timeout or a non-2xx status; the messages never
 * contain the URL.
 */
export const putResponse: ResponseSender = (responseUrl, body) => new Promise<void>((resolve, reject) => {
  if (!isHttpsUrl(responseUrl)) {
    reject(new Error('the response URL is not an https URL'));
    return;
  }
  const request = https.request(new URL(responseUrl), {
    method: 'PUT',
    headers: { 'content-type': '', 'content-length': Buffer.byteLength(body) },
    timeout: RESPONSE_TIMEOUT_MS,
  }, (response) => {
    response.resume();
    response.on('error', reject);
    response.on('end', () => {
      const status = response.statusCode ?? 0;
      if (status >= 200 && status < 300) {
        resolve();
      } else {
        reject(new Error(`the response URL answered HTTP ${status}`));
      }
    });
  });
  request.on('timeout', () => request.destroy(new Error(`the response PUT took longer than ${RESPONSE_TIMEOUT_MS} ms`)));
  request.on('error', reject);
  request.end(body);
});

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isHttpsUrl(value: string): boolean {
  try {
    return new URL(value).protocol === 'https:';
  } catch {
    return false;
  }
}
