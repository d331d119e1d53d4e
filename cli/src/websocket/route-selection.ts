/**
 * The route a message goes to: the API's route selection expression (`$request.body.action`, any JSON path of the
 * body) evaluated on the message as JSON; a message that is not JSON, or whose value names no route, goes to
 * `$default` (undefined when the API has none).
 */
export function selectRoute(expression: string, data: string, routeKeys: ReadonlySet<string>): string | undefined {
  const key = evaluateSelection(expression, data);
  if (key !== undefined && key !== '$default' && routeKeys.has(key)) {
    return key;
  }
  return routeKeys.has('$default') ? '$default' : undefined;
}

function evaluateSelection(expression: string, data: string): string | undefined {
  const match = /^\$request\.body\.(.+)$/.exec(expression);
  if (!match) {
    // A constant expression (`${request.body.action}` forms aside) selects that route for every message.
    return expression.startsWith('$') ? undefined : expression;
  }
  let value: unknown;
  try {
    value = JSON.parse(data);
  } catch {
    return undefined;
  }
  for (const segment of match[1].split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : undefined;
}
