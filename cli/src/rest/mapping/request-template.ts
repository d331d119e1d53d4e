import type { PassthroughBehavior } from '../../model';

/** API Gateway's content type for a request without a Content-Type header. */
export const DEFAULT_CONTENT_TYPE = 'application/json';

/** How the integration request's body is made: by a template, passed through, or refused with 415. */
export type RequestBodyPlan =
  | { readonly kind: 'template'; readonly contentType: string; readonly template: string }
  | { readonly kind: 'passthrough'; readonly contentType: string }
  | { readonly kind: 'unsupported-media-type' };

/** The media type of a Content-Type header, lower case, without parameters; `application/json` when there is none. */
export function mediaTypeOf(contentType: string | undefined): string {
  const type = contentType?.split(';')[0].trim().toLowerCase();
  return type ? type : DEFAULT_CONTENT_TYPE;
}

/**
 * Chooses the request template by the request's Content-Type (`application/json` when absent), else applies
 * `passthroughBehavior`: WHEN_NO_MATCH passes the body through, WHEN_NO_TEMPLATES passes it through only when the
 * integration has no templates at all, NEVER never does; a refusal is 415 Unsupported Media Type.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/integration-passthrough-behaviors.html
 */
export function planRequestBody(
  requestTemplates: Readonly<Record<string, string>>, passthroughBehavior: PassthroughBehavior, contentType: string | undefined,
): RequestBodyPlan {
  const mediaType = mediaTypeOf(contentType);
  const match = Object.entries(requestTemplates).find(([type]) => type.toLowerCase() === mediaType);
  if (match) {
    return { kind: 'template', contentType: match[0], template: match[1] };
  }
  const hasTemplates = Object.keys(requestTemplates).length > 0;
  const passes = passthroughBehavior === 'WHEN_NO_MATCH' || (passthroughBehavior === 'WHEN_NO_TEMPLATES' && !hasTemplates);
  return passes ? { kind: 'passthrough', contentType: mediaType } : { kind: 'unsupported-media-type' };
}
