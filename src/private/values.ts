/**
 * How error messages show what a user passed and suggest what they meant, written once for the props checks and
 * the JSON schema checks.
 */

/** A non-null object that is not an array: a props object, an options struct or a map by name. */
export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `.name` for identifiers, `['first-name']` otherwise, as the user would write it in TypeScript. */
export function member(name: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(name) ? `.${name}` : `['${name}']`;
}

/**
 * The value as the user wrote it, shortened so that a large value does not drown the message; an instance of a
 * class is named by its class (`a RestAuthorizer`), since its JSON says nothing to the user.
 */
export function show(value: unknown): string {
  if (typeof value === 'function') {
    return 'a function';
  }
  const className = typeof value === 'object' && value !== null ? Object.getPrototypeOf(value)?.constructor?.name : undefined;
  if (className && className !== 'Object' && className !== 'Array') {
    return `${/^[AEIOU]/.test(className) ? 'an' : 'a'} ${className}`;
  }
  let text: string;
  try {
    text = typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value);
  } catch {
    // Cycles and bigints cannot be serialized.
    text = String(value);
  }
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/** The candidate `name` is most likely a misspelling of (case, a swapped or missing letter), if any is close. */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  const [closest] = candidates
    .map((candidate) => ({ candidate, distance: editDistance(lower, candidate.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance);
  return closest && closest.distance <= 2 && closest.distance < name.length ? closest.candidate : undefined;
}

/** Edit distance where swapping two neighbouring letters (`requried`) counts as one edit, like a deletion or insertion. */
function editDistance(a: string, b: string): number {
  const d: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    d.push([i]);
    for (let j = 1; j <= b.length; j++) {
      d[i][j] = i === 0 ? j : Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
      }
    }
  }
  return d[a.length][b.length];
}

/** Why `pattern` is not a valid JavaScript regular expression; undefined when it is one. */
export function regexError(pattern: string): string | undefined {
  try {
    new RegExp(pattern);
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}
