import * as path from 'node:path';
import { stringify } from 'yaml';
import { optionValue, parseArgs, UsageError } from './args';
import { assemblyDocument } from './assembly-documents';
import { cdkOutputDir } from '../server/synth';

export const OPENAPI_USAGE = `usage: gatewaykit openapi [--app cdk.out] [--api PATH] [--format json|yaml]
  Prints the OpenAPI 3.0 document of an API of the app, as cdk-gatewaykit's SecureLambdaApi, MeteredApi and
  SecureHttpApi write it into the cloud assembly at synth (values known only at deploy time as \${LogicalId}).
  --api names the API by construct path or its end (e.g. Shop/Api or Api); needed when the app has several.`;

/** `gatewaykit openapi`: the document of one API of the assembly, as JSON or YAML text. */
export function openApiCommand(argv: readonly string[], cwd: string = process.cwd()): string {
  const parsed = parseArgs(argv, ['app', 'api', 'format'], [], OPENAPI_USAGE);
  const format = optionValue(parsed, 'format') ?? 'json';
  if (format !== 'json' && format !== 'yaml') {
    throw new UsageError(`--format expects json or yaml, got '${format}'\n${OPENAPI_USAGE}`);
  }
  const { document } = assemblyDocument(path.resolve(cwd, optionValue(parsed, 'app') ?? cdkOutputDir(cwd)), optionValue(parsed, 'api'));
  return format === 'yaml' ? stringify(document) : JSON.stringify(document, undefined, 2);
}

