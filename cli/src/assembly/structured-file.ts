import * as fs from 'fs';
import { createRequire } from 'node:module';
import * as path from 'path';
import type * as Yaml from 'yaml';
import { AssemblyError } from './errors';

/** The parser, loaded on the first YAML file: most apps have none. */
let yaml: typeof Yaml | undefined;
function yamlParser(): typeof Yaml {
  yaml ??= createRequire(__filename)('yaml') as typeof Yaml;
  return yaml;
}

/**
 * Parses JSON or YAML text (OpenAPI definitions, `AWS::Include` snippets).
 * @param what what the text is and where it comes from, for messages (e.g. "the OpenAPI document cdk.out/asset.1a2b.yaml")
 * @param expected what it should hold, for messages
 */
export function parseStructured(text: string, what: string, syntax: 'json' | 'yaml', expected: string): unknown {
  try {
    // YAML 1.2 holds JSON, but JSON.parse is faster and its messages name JSON's own mistakes.
    return syntax === 'json' ? JSON.parse(text) : yamlParser().parse(text);
  } catch (error) {
    throw new AssemblyError(`${what} is not valid ${syntax === 'json' ? 'JSON' : 'YAML'} (${(error as Error).message.split('\n')[0]}); expected ${expected}`);
  }
}

/** Reads a JSON file (`.json`) or a YAML file (any other name). */
export function readStructuredFile(file: string, what: string, expected: string): unknown {
  return parseStructured(fs.readFileSync(file, 'utf8'), `${what} ${file}`, path.extname(file).toLowerCase() === '.json' ? 'json' : 'yaml', expected);
}
