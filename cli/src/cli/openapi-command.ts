import * as fs from 'node:fs';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { optionValue, parseArgs, UsageError } from './args';
import { cdkOutputDir } from '../server/synth';

export const OPENAPI_USAGE = `usage: gatewaykit openapi [--app cdk.out] [--api PATH] [--format json|yaml]
  Prints the OpenAPI 3.0 document of an API of the app, as cdk-gatewaykit's SecureLambdaApi, MeteredApi and
  SecureHttpApi write it into the cloud assembly at synth (values known only at deploy time as \${LogicalId}).
  --api names the API by construct path or its end (e.g. Shop/Api or Api); needed when the app has several.`;

/** The member of an assembly's document naming the API construct (written by the construct library). */
const CONSTRUCT_PATH = 'x-gatewaykit-construct-path';
const SUFFIX = '.openapi.json';

/** An OpenAPI document found in the cloud assembly, with the path of the API construct it describes. */
interface AssemblyDocument {
  readonly constructPath: string;
  readonly document: Record<string, unknown>;
}

/** `gatewaykit openapi`: the document of one API of the assembly, as JSON or YAML text. */
export function openApiCommand(argv: readonly string[], cwd: string = process.cwd()): string {
  const parsed = parseArgs(argv, ['app', 'api', 'format'], [], OPENAPI_USAGE);
  const format = optionValue(parsed, 'format') ?? 'json';
  if (format !== 'json' && format !== 'yaml') {
    throw new UsageError(`--format expects json or yaml, got '${format}'\n${OPENAPI_USAGE}`);
  }
  const assembly = path.resolve(cwd, optionValue(parsed, 'app') ?? cdkOutputDir(cwd));
  if (!fs.existsSync(assembly)) {
    throw new UsageError(`--app '${assembly}' does not exist; synthesize the app first (cdk synth) or give the cloud assembly folder`);
  }
  const document = { ...chooseDocument(documentsIn(assembly), optionValue(parsed, 'api')).document };
  delete document[CONSTRUCT_PATH];
  return format === 'yaml' ? stringify(document) : JSON.stringify(document, undefined, 2);
}

/** Every document of the assembly and of the nested assemblies of its stages (`assembly-*` folders). */
function documentsIn(folder: string): AssemblyDocument[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(folder, entry.name);
    if (entry.isDirectory() && entry.name.startsWith('assembly-')) {
      return documentsIn(file);
    }
    if (!entry.isFile() || !entry.name.endsWith(SUFFIX)) {
      return [];
    }
    const document = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>;
    return [{ constructPath: String(document[CONSTRUCT_PATH] ?? entry.name.slice(0, -SUFFIX.length)), document }];
  });
}

function chooseDocument(documents: AssemblyDocument[], api: string | undefined): AssemblyDocument {
  const names = documents.map((candidate) => candidate.constructPath).join(', ') || 'none';
  if (api === undefined) {
    if (documents.length !== 1) {
      throw new UsageError(documents.length === 0
        ? 'the assembly has no OpenAPI document; cdk-gatewaykit\'s SecureLambdaApi, MeteredApi and SecureHttpApi write one per API at synth'
        : `the assembly has ${documents.length} APIs (${names}); name one with --api`);
    }
    return documents[0];
  }
  const exact = documents.filter((candidate) => candidate.constructPath === api);
  const matches = exact.length > 0 ? exact : documents.filter((candidate) => candidate.constructPath.endsWith(`/${api}`));
  if (matches.length !== 1) {
    throw new UsageError(`--api '${api}' matches ${matches.length === 0 ? 'no API' : 'several APIs'}; the APIs with a document are ${names}`);
  }
  return matches[0];
}
