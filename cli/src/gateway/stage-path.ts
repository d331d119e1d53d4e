/**
 * The stage (the first path segment) and the path below it: `/prod/items/1` gives `prod` and `/items/1`; no
 * segment after the stage gives `/`. What `rawPath.split('/')` gives, without the arrays: this runs on every request.
 */
export function splitStagePath(rawPath: string): { stageName: string; path: string } {
  const first = rawPath.indexOf('/');
  if (first < 0) {
    return { stageName: '', path: '/' };
  }
  const second = rawPath.indexOf('/', first + 1);
  return second < 0
    ? { stageName: rawPath.slice(first + 1), path: '/' }
    : { stageName: rawPath.slice(first + 1, second), path: `/${rawPath.slice(second + 1)}` };
}
