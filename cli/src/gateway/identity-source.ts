import { ApiRequest, headerValue, parseQuery } from './api-request';

/** What an identity source expression can read besides the request itself. */
export interface IdentitySourceScope {
  readonly request: ApiRequest;
  readonly stageVariables: Readonly<Record<string, string>>;
  readonly context: Readonly<Record<string, unknown>>;
}

/**
 * The value of one identity source: REST `method.request.header.X` / `method.request.querystring.x` /
 * `stageVariables.x` / `context.x`, and HTTP API `$request.header.X` / `$request.querystring.x` / `$stageVariables.x` /
 * `$context.x`. Header names are case-insensitive; a repeated query parameter gives its values joined by commas, as
 * HTTP APIs do (REST gives the last; an identity source rarely repeats). Undefined when absent or empty.
 */
export function identitySourceValue(expression: string, scope: IdentitySourceScope): string | undefined {
  const source = expression.trim().replace(/^\$/, '').replace(/^method\./, '');
  let value: unknown;
  let match: RegExpExecArray | null;
  if ((match = /^request\.header\.(.+)$/.exec(source))) {
    value = headerValue(scope.request, match[1]);
  } else if ((match = /^request\.querystring\.(.+)$/.exec(source))) {
    const name = match[1];
    const values = parseQuery(scope.request.rawQuery).filter(([n]) => n === name).map(([, v]) => v);
    value = values.length > 0 ? values.join(',') : undefined;
  } else if ((match = /^stageVariables\.(.+)$/.exec(source))) {
    value = scope.stageVariables[match[1]];
  } else if ((match = /^context\.(.+)$/.exec(source))) {
    value = match[1].split('.').reduce<unknown>((current, key) =>
      typeof current === 'object' && current !== null ? (current as Record<string, unknown>)[key] : undefined, scope.context);
  }
  return value === undefined || value === null || value === '' ? undefined : String(value);
}
