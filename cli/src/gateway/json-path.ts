import type * as JsonPathPlus from 'jsonpath-plus';
import { lazyRequire } from '../lazy-require';

const jsonPathPlus = lazyRequire<typeof JsonPathPlus>('jsonpath-plus');

/** A path with a wildcard, a deep scan, a filter, a union or a slice can match several values. */
const INDEFINITE = /\*|\.\.|\[\?|,|:/;

/**
 * Evaluates a JSONPath expression (`$`, `$.items[0].name`, `$..id`) as API Gateway's Jayway JsonPath does: a definite
 * path gives its value (undefined when absent), an indefinite one the list of matches.
 */
export function evaluateJsonPath(document: unknown, path: string): unknown {
  const expression = path.trim() === '' ? '$' : path.trim();
  if (expression === '$') {
    return document;
  }
  const matches = jsonPathPlus().JSONPath({ path: expression, json: document as object, wrap: true }) as unknown[];
  return INDEFINITE.test(expression) ? matches : matches[0];
}

/** The body as JSON, or undefined when it is empty or not JSON (a template reading it then gets nothing). */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') {
    return undefined;
  }
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}
