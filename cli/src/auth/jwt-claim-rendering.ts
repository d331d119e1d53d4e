/**
 * How API Gateway turns JWT claims into the strings a Lambda event carries. Neither rendering is documented; both
 * follow events recorded from real APIs (uncertain where noted).
 */

/**
 * REST `COGNITO_USER_POOLS` authorizer (`requestContext.authorizer.claims`): every value is a string; `exp`, `iat`
 * (and, by the same logic, `nbf`: uncertain) become dates as Java prints them (`Thu Dec 06 17:08:23 UTC 2018`),
 * other numbers (`auth_time`) their decimal digits, booleans `true`/`false`, lists their items joined by `,`
 * (`cognito:groups` arrives as `admin,staff`), objects their JSON (uncertain).
 */
export function renderRestCognitoClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => {
    if (DATE_CLAIMS.has(name) && typeof value === 'number') {
      return [name, javaUtcDateString(value)];
    }
    return [name, Array.isArray(value) ? value.map(renderScalar).join(',') : renderScalar(value)];
  }));
}

/**
 * HTTP API JWT authorizer (`requestContext.authorizer.jwt.claims`): every value is a string; numbers their decimal
 * digits (`"exp": "1612061676"`), lists their items space-separated in brackets (`"[admin staff]"`), objects their
 * JSON (uncertain).
 */
export function renderHttpJwtClaims(claims: Readonly<Record<string, unknown>>): Record<string, string> {
  return Object.fromEntries(Object.entries(claims).map(([name, value]) => [name, renderBracketed(value)]));
}

const DATE_CLAIMS = new Set(['exp', 'iat', 'nbf']);
const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function renderBracketed(value: unknown): string {
  return Array.isArray(value) ? `[${value.map(renderBracketed).join(' ')}]` : renderScalar(value);
}

function renderScalar(value: unknown): string {
  if (typeof value === 'string') {
    return value;
  }
  if (typeof value === 'number' || typeof value === 'boolean') {
    return String(value);
  }
  return JSON.stringify(value) ?? String(value);
}

/** `java.util.Date#toString()` in UTC: `EEE MMM dd HH:mm:ss zzz yyyy`. */
function javaUtcDateString(epochSeconds: number): string {
  const date = new Date(epochSeconds * 1000);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())}`;
  return `${WEEKDAYS[date.getUTCDay()]} ${MONTHS[date.getUTCMonth()]} ${two(date.getUTCDate())} ${time} UTC ${date.getUTCFullYear()}`;
}
