import type { MethodRequestValues } from './parameter-mapping';
import type { MethodRequestParams } from './vtl';
import { ApiRequest, headerValuesByLowerName, parseQuery } from '../../gateway/api-request';

/** The method request's parameters and body, as parameter mappings read them. */
export function methodRequestValues(request: ApiRequest, pathParameters: Readonly<Record<string, string>>): MethodRequestValues {
  const querystring: Record<string, string[]> = {};
  for (const [name, value] of parseQuery(request.rawQuery)) {
    (querystring[name] ??= []).push(value);
  }
  return { path: pathParameters, querystring, header: headerValuesByLowerName(request), body: request.body.toString('utf8') };
}

/**
 * `$input.params()`: path, query and header parameters, the last value of repeated ones, header names as the client
 * sent them.
 */
export function methodRequestParams(request: ApiRequest, pathParameters: Readonly<Record<string, string>>): MethodRequestParams {
  const querystring: Record<string, string> = {};
  for (const [name, value] of parseQuery(request.rawQuery)) {
    querystring[name] = value;
  }
  const header: Record<string, string> = {};
  for (const [name, value] of request.headers) {
    header[name] = value;
  }
  return { path: { ...pathParameters }, querystring, header };
}
