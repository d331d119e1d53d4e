/** Compiled patterns by flags and pattern: a cached policy is evaluated again on every request it serves. */
const compiled = new Map<string, RegExp>();
const MAX_COMPILED = 10_000;

/**
 * IAM wildcard matching as the policy grammar defines it for `Action` and `Resource`: `*` matches any run of
 * characters (including none, and across `/` and `:`), `?` matches exactly one character, everything else matches
 * itself.
 */
export function matchesIamWildcard(pattern: string, value: string, options: { caseInsensitive: boolean }): boolean {
  if (!pattern.includes('*') && !pattern.includes('?')) {
    return options.caseInsensitive ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  }
  const flags = options.caseInsensitive ? 'iu' : 'u';
  const key = `${flags}:${pattern}`;
  let regex = compiled.get(key);
  if (!regex) {
    const source = Array.from(pattern, (character) => {
      if (character === '*') {
        return '[\\s\\S]*';
      }
      if (character === '?') {
        return '[\\s\\S]';
      }
      return character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
    }).join('');
    regex = new RegExp(`^${source}$`, flags);
    if (compiled.size >= MAX_COMPILED) {
      compiled.clear();
    }
    compiled.set(key, regex);
  }
  return regex.test(value);
}
