import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check, warn } from '../../private/errors';

/** The routes API Gateway itself selects: on connection, on disconnection, and when no other route matches. */
export const CONNECT_ROUTE_KEY = '$connect';
export const DISCONNECT_ROUTE_KEY = '$disconnect';
export const DEFAULT_ROUTE_KEY = '$default';
const PREDEFINED_ROUTE_KEYS: readonly string[] = [CONNECT_ROUTE_KEY, DISCONNECT_ROUTE_KEY, DEFAULT_ROUTE_KEY];
const PREDEFINED_ROUTE_USE: { readonly [key: string]: string } = {
  [CONNECT_ROUTE_KEY]: 'when a client connects',
  [DISCONNECT_ROUTE_KEY]: 'when a connection closes',
  [DEFAULT_ROUTE_KEY]: 'for a message no other route matches',
};

/**
 * The longest custom route key accepted. API Gateway documents no limit; a custom key is the value a message's
 * selection expression evaluates to (an `action` name), and 128 characters leave room in the execute-api ARNs and
 * the stage's route settings that name it.
 */
export const MAX_ROUTE_KEY_LENGTH = 128;

/** Control characters never appear in a value of a JSON message that is meant to match a route. */
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTER = /[\u0000-\u001f\u007f]/;

/**
 * Validates a WebSocket route key: `$connect`, `$disconnect`, `$default`, or a custom key matched against the value the
 * route selection expression evaluates to (e.g. `sendMessage`). Keys starting with `$` are reserved for the three
 * predefined routes.
 * @returns the key, unchanged: route keys are matched exactly, case included
 */
export function parseWebSocketRouteKey(scope: IConstruct, prop: string, routeKey: string): string {
  check(typeof routeKey === 'string' && !Token.isUnresolved(routeKey), scope, 'InvalidRouteKey', () =>
    `${prop} is not a literal string; route keys are known at synth because they name the route's construct`);
  if (PREDEFINED_ROUTE_KEYS.includes(routeKey)) {
    return routeKey;
  }
  const predefined = PREDEFINED_ROUTE_KEYS.find((key) => key.slice(1) === routeKey.toLowerCase());
  check(predefined === undefined, scope, 'InvalidRouteKey', () =>
    `${prop} is '${routeKey}', a custom route key, which messages whose route selection expression evaluates to '${routeKey}' reach; expected '${predefined}', the route API Gateway runs ${PREDEFINED_ROUTE_USE[predefined!]}`);
  check(routeKey.length > 0, scope, 'InvalidRouteKey', () =>
    `${prop} is an empty route key; use '$connect', '$disconnect', '$default', or the value your route selection expression evaluates to, e.g. 'sendMessage'`);
  check(!routeKey.startsWith('$'), scope, 'InvalidRouteKey', () =>
    `${prop} is '${routeKey}'; route keys starting with '$' are reserved for '$connect', '$disconnect' and '$default'${closestPredefined(routeKey)}`);
  check(routeKey.length <= MAX_ROUTE_KEY_LENGTH, scope, 'InvalidRouteKey', () =>
    `${prop} is ${routeKey.length} characters long; custom route keys are limited to ${MAX_ROUTE_KEY_LENGTH} characters`);
  check(routeKey.trim() === routeKey && !CONTROL_CHARACTER.test(routeKey), scope, 'InvalidRouteKey', () =>
    `${prop} is ${JSON.stringify(routeKey)}, with leading or trailing whitespace or a control character; API Gateway matches route keys exactly, so write the key as messages carry it, e.g. '${routeKey.trim().replace(CONTROL_CHARACTER, '')}'`);
  return routeKey;
}

/** The construct id of a route: derived from its key alone (`/` is reserved in construct ids). */
export function webSocketRouteId(routeKey: string): string {
  return `Route-${routeKey.replace(/\//g, '|')}`;
}

function closestPredefined(routeKey: string): string {
  const lower = routeKey.toLowerCase();
  const match = PREDEFINED_ROUTE_KEYS.find((key) => key === lower || key.slice(1) === lower.slice(1).replace(/[^a-z]/g, ''));
  return match ? ` (did you mean '${match}'?)` : '';
}

/** A variable of a selection expression: `request.body` followed by a JSON path of names and array indexes. */
const BODY_VARIABLE = /^request\.body((\.[A-Za-z0-9_-]+)|(\[\d+\]))+$/;
/** The longest unwrapped variable: `$request.body.a.b[0]` ends where the path's characters do. */
const UNWRAPPED_VARIABLE = /^[A-Za-z0-9_.[\]-]+/;
const EXPECTED_EXPRESSION = "'$request.body.<path>' (e.g. '$request.body.action'), or static text with '${request.body.<path>}' variables (e.g. '${request.body.service}/${request.body.action}')";

/**
 * Validates a route selection expression as API Gateway reads it for WebSocket APIs: static text and variables of the
 * message body, `$request.body.<JSON path>` or `${request.body.<JSON path>}`, with `\$` for a literal `$`.
 * An expression without a variable is accepted (every message then has the same key) with a warning.
 */
export function validateRouteSelectionExpression(scope: IConstruct, prop: string, expression: string): void {
  if (Token.isUnresolved(expression)) {
    return;
  }
  check(typeof expression === 'string' && expression.length > 0, scope, 'InvalidRouteSelectionExpression', () =>
    `${prop} is empty; expected ${EXPECTED_EXPRESSION}`);
  let variables = 0;
  let index = 0;
  while (index < expression.length) {
    const char = expression[index];
    if (char === '\\' && expression[index + 1] === '$') {
      index += 2;
      continue;
    }
    if (char !== '$') {
      index++;
      continue;
    }
    let variable: string;
    if (expression[index + 1] === '{') {
      const end = expression.indexOf('}', index + 2);
      check(end !== -1, scope, 'InvalidRouteSelectionExpression', () =>
        `${prop} is '${expression}', whose '\${' at position ${index} is never closed; expected ${EXPECTED_EXPRESSION}`);
      variable = expression.slice(index + 2, end);
      index = end + 1;
    } else {
      variable = UNWRAPPED_VARIABLE.exec(expression.slice(index + 1))?.[0] ?? '';
      index += 1 + variable.length;
    }
    check(BODY_VARIABLE.test(variable), scope, 'InvalidRouteSelectionExpression', () =>
      `${prop} is '${expression}', with the variable '${variable || '$'}'; WebSocket APIs select routes from the message body only, so expected ${EXPECTED_EXPRESSION} (write '\\$' for a literal '$')`);
    variables++;
  }
  if (variables === 0) {
    warn(scope, '@gatewaykit/static-route-selection-expression',
      `${prop} is '${expression}', which has no variable: every message evaluates to the route key '${expression.replace(/\\\$/g, '$')}'. Use '$request.body.<path>' to route on a field of the message, e.g. '$request.body.action'`);
  }
}
