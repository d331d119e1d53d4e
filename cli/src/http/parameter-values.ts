import { httpEvent, HttpEventContext } from './http-event';
import { headerValuesByLowerName, parseQuery } from '../gateway/api-request';
import { evaluateJsonPath, parseJsonBody } from '../gateway/json-path';
import { lookup } from '../gateway/template-substitution';

/**
 * `$request.header.x`, `$request.querystring.x`, `$request.body.x` (JSONPath), `$request.path` / `$request.path.x`,
 * `$context.x` and `$stageVariables.x`, bare or in `${…}`, anywhere in a value.
 */
const REFERENCE = /\$\{([^}]+)\}|\$((?:request|context|stageVariables)\.[A-Za-z0-9_.-]+)/g;

/**
 * Evaluates an HTTP API parameter mapping value as API Gateway does: each reference replaced by what it names (empty
 * when absent; repeated headers and query parameters comma-joined), the rest of the text kept.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-parameter-mapping.html
 */
export function evaluateParameterValue(value: string, context: HttpEventContext, path: string): string {
  let requestContext: Record<string, unknown> | undefined;
  return value.replace(REFERENCE, (_, braced: string | undefined, bare: string | undefined) => {
    const [root, where, ...rest] = (braced ?? bare ?? '').split('.');
    const name = rest.join('.');
    if (root === 'stageVariables') {
      return context.stageVariables[[where, ...rest].join('.')] ?? '';
    }
    if (root === 'context') {
      requestContext ??= httpEvent(context).requestContext as Record<string, unknown>;
      const found = lookup(requestContext, [where, ...rest]);
      return found === undefined || found === null ? '' : String(found);
    }
    switch (where) {
      case 'header':
        return (headerValuesByLowerName(context.request).get(name.toLowerCase()) ?? []).join(',');
      case 'querystring':
        return parseQuery(context.request.rawQuery).filter(([key]) => key === name).map(([, v]) => v).join(',');
      case 'path':
        return name === '' ? path : context.pathParameters[name] ?? '';
      case 'body': {
        const found = evaluateJsonPath(parseJsonBody(context.request.body.toString('utf8')), name === '' ? '$' : `$.${name}`);
        return found === undefined || found === null ? '' : typeof found === 'object' ? JSON.stringify(found) : String(found);
      }
      default:
        return '';
    }
  });
}
