import { DEFAULT_CONTENT_TYPE, mediaTypeOf } from './request-template';
import type { IntegrationResponseModel } from '../../model';

/**
 * The integration response whose `selectionPattern` matches `selector` as a whole (Java's `String.matches`), in the
 * template's order, else the default one (no or an empty pattern); undefined when neither exists. The selector is the
 * status code for HTTP, MOCK and AWS service integrations, and for Lambda custom integrations the function error's
 * `errorMessage` (empty for a success).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-integration-settings-integration-response.html
 */
export function selectIntegrationResponse(responses: readonly IntegrationResponseModel[], selector: string): IntegrationResponseModel | undefined {
  const isDefault = (response: IntegrationResponseModel) => response.selectionPattern === undefined || response.selectionPattern === '';
  return responses.find((response) => !isDefault(response) && matchesWhole(response.selectionPattern!, selector))
    ?? responses.find(isDefault);
}

const patterns = new Map<string, RegExp | null>();

/** Whether `pattern` matches all of `text`; a pattern JavaScript cannot compile matches nothing. */
function matchesWhole(pattern: string, text: string): boolean {
  let regex = patterns.get(pattern);
  if (regex === undefined) {
    try {
      // No `s` flag: as in Java, `.` stops at a line break, which is why AWS warns against them in error messages.
      regex = new RegExp(`^(?:${pattern})$`);
    } catch {
      regex = null;
    }
    patterns.set(pattern, regex);
  }
  return regex !== null && regex.test(text);
}

/**
 * The response template for the client's Accept header: the first accepted media type that has a template, else
 * `application/json`'s, else none (the integration's body passes through).
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/models-mappings.html
 */
export function chooseResponseTemplate(
  responseTemplates: Readonly<Record<string, string>>, accept: string | undefined,
): { readonly contentType: string; readonly template: string } | undefined {
  const entries = Object.entries(responseTemplates);
  const accepted = (accept ?? '').split(',').map((type) => mediaTypeOf(type)).filter((type) => type !== '*/*');
  for (const type of [...accepted, DEFAULT_CONTENT_TYPE]) {
    const match = entries.find(([candidate]) => candidate.toLowerCase() === type);
    if (match) {
      return { contentType: match[0], template: match[1] };
    }
  }
  return undefined;
}
