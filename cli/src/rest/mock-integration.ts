import { RequestIds } from '../gateway/request-ids';
import { substituteTemplate, TemplateVariables } from '../gateway/template-substitution';
import { MockIntegrationModel } from '../model';
import { ApiRequest, ApiResponse, headerValue } from '../server/api-request';

/**
 * Answers a MOCK integration as API Gateway does: the request template yields `{"statusCode": N}` (API Gateway reads it
 * leniently, so CDK's `{ statusCode: 200 }` counts), N selects the integration response whose selection pattern matches
 * it (else the default response, the one without a pattern), whose status, header mappings and template make the answer.
 */
export function answerMock(
  integration: MockIntegrationModel, request: ApiRequest, ids: RequestIds, variables: TemplateVariables,
): ApiResponse | undefined {
  const contentType = headerValue(request, 'content-type')?.split(';')[0].trim() ?? 'application/json';
  const requestTemplate = integration.requestTemplates[contentType] ?? integration.requestTemplates['application/json'] ?? '';
  const statusCode = /statusCode["']?\s*:\s*["']?(\d{3})/.exec(substituteTemplate(requestTemplate, variables))?.[1] ?? '200';
  const chosen = integration.integrationResponses.find((r) => r.selectionPattern !== undefined && r.selectionPattern !== '' && new RegExp(`^(?:${r.selectionPattern})$`).test(statusCode))
    ?? integration.integrationResponses.find((r) => r.selectionPattern === undefined || r.selectionPattern === '');
  if (!chosen) {
    return undefined;
  }
  const headers: [string, string][] = [];
  for (const [parameter, expression] of Object.entries(chosen.responseParameters)) {
    const name = /^method\.response\.header\.(.+)$/.exec(parameter)?.[1];
    const literal = /^'(.*)'$/s.exec(expression)?.[1];
    if (name && literal !== undefined) {
      headers.push([name, literal]);
    }
  }
  const template = chosen.responseTemplates['application/json'] ?? Object.values(chosen.responseTemplates)[0] ?? '';
  headers.push(['Content-Type', 'application/json'], ['x-amzn-RequestId', ids.requestId], ['x-amz-apigw-id', ids.extendedRequestId]);
  return { status: Number(chosen.statusCode), headers, body: substituteTemplate(template, variables) };
}
