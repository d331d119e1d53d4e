/**
 * IAM wildcard matching as the policy grammar defines it for `Action` and `Resource`: `*` matches any run of
 * characters (including none, and across `/` and `:`), `?` matches exactly one character, everything else matches
 * itself.
 */
export function matchesIamWildcard(pattern: string, value: string, options: { caseInsensitive: boolean }): boolean {
  const source = Array.from(pattern, (character) => {
    if (character === '*') {
      return '[\\s\\S]*';
    }
    if (character === '?') {
      return '[\\s\\S]';
    }
    return character.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }).join('');
  return new RegExp(`^${source}$`, options.caseInsensitive ? 'iu' : 'u').test(value);
}
