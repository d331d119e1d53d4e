import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './args';

/** The member of an assembly's document naming the API construct (written by the construct library). */
const CONSTRUCT_PATH = 'x-gatewaykit-construct-path';
const SUFFIX = '.openapi.json';

/** An OpenAPI document found in the cloud assembly, with the path of the API construct it describes. */
export interface AssemblyDocument {
  readonly constructPath: string;
  readonly document: Record<string, unknown>;
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

/**
 * The document of the API `api` names (its construct path or the end of it) in the cloud assembly folder `assembly`,
 * without the member naming the construct; the only one when `api` is undefined.
 */
export function assemblyDocument(assembly: string, api: string | undefined): AssemblyDocument {
  if (!fs.existsSync(assembly)) {
    throw new UsageError(`--app '${assembly}' does not exist; synthesize the app first (cdk synth) or give the cloud assembly folder`);
  }
  const chosen = chooseDocument(documentsIn(assembly), api);
  const document = { ...chosen.document };
  delete document[CONSTRUCT_PATH];
  return { constructPath: chosen.constructPath, document };
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
