import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';

/** What `cdk watch` never watches, whatever `cdk.json` says: hidden files and folders, node_modules, the output folder. */
const ALWAYS_EXCLUDED = ['**/.*', '**/.*/**', '**/node_modules/**'];

/**
 * Whether a change to a file (its path relative to the app's folder) should re-synthesize the app, by `cdk.json`'s
 * `watch.include` (default everything) and `watch.exclude` globs, as `cdk watch` reads them.
 */
export function watchedFiles(cwd: string, outputDir: string): (relativePath: string) => boolean {
  const cdkJson = path.join(cwd, 'cdk.json');
  const config = fs.existsSync(cdkJson)
    ? (JSON.parse(fs.readFileSync(cdkJson, 'utf8')) as { watch?: { include?: string | string[]; exclude?: string | string[] } }).watch ?? {}
    : {};
  const output = path.relative(cwd, outputDir);
  const include = picomatch(listOf(config.include, ['**']), { dot: true });
  const exclude = picomatch([...listOf(config.exclude, []), ...ALWAYS_EXCLUDED, output, `${output}/**`], { dot: true });
  return (relativePath) => relativePath !== '' && include(relativePath) && !exclude(relativePath);
}

function listOf(value: string | string[] | undefined, fallback: string[]): string[] {
  return value === undefined ? fallback : Array.isArray(value) ? value : [value];
}
