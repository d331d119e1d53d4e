import * as fs from 'fs';
import * as path from 'path';
import { AssetIndex } from './asset-manifest';
import { AssemblyError } from './errors';
import { describeValue, isJsonObject, JsonObject, readJsonObject } from './json';

/** A stack of the cloud assembly, as its manifest describes it. */
export interface StackArtifact {
  /** The deployed stack name: `properties.stackName`, else the artifact id. */
  readonly stackName: string;
  /** Absolute path of the stack's template. */
  readonly templateFile: string;
  /** The (nested) cloud assembly folder holding the template and the stack's assets. */
  readonly assemblyDir: string;
  /** The account of `environment`, undefined for `unknown-account`. */
  readonly account?: string;
  /** The region of `environment`, undefined for `unknown-region`. */
  readonly region?: string;
  readonly assets: AssetIndex;
  /** Construct paths by logical id, from the stack's `aws:cdk:logicalId` metadata, which every synth writes. */
  readonly constructPaths: ReadonlyMap<string, string>;
}

const STACK = 'aws:cloudformation:stack';
const NESTED_ASSEMBLY = 'cdk:cloud-assembly';
const ASSET_MANIFEST = 'cdk:asset-manifest';

/** Lists the stacks of the cloud assembly in `dir`, those of nested assemblies (CDK Stages) included, in manifest order. */
export function readCloudAssembly(dir: string): StackArtifact[] {
  const root = path.resolve(dir);
  if (!fs.existsSync(root)) {
    throw new AssemblyError(`the cloud assembly folder ${root} does not exist: pass the cdk.out folder of a synthesized app (cdk synth)`);
  }
  if (!fs.statSync(root).isDirectory()) {
    throw new AssemblyError(`${root} is a file, not a folder: pass the cdk.out folder of a synthesized app (cdk synth)`);
  }
  if (!fs.existsSync(path.join(root, 'manifest.json'))) {
    throw new AssemblyError(`no manifest.json in ${root}: pass the cdk.out folder of a synthesized app (cdk synth)`);
  }
  return stacksOf(root);
}

function stacksOf(assemblyDir: string): StackArtifact[] {
  const manifestFile = path.join(assemblyDir, 'manifest.json');
  const manifest = readJsonObject(manifestFile, 'cloud assembly manifest');
  const artifacts = manifest.artifacts ?? {};
  if (!isJsonObject(artifacts)) {
    throw new AssemblyError(`the cloud assembly manifest ${manifestFile} has artifacts ${describeValue(artifacts)}; expected an object of artifacts by id`);
  }
  const entries = Object.entries(artifacts).map(([id, artifact]): [string, JsonObject] => {
    if (!isJsonObject(artifact) || typeof artifact.type !== 'string') {
      throw new AssemblyError(`the artifact ${id} of the cloud assembly manifest ${manifestFile} has no type; expected { type, properties }`);
    }
    return [id, artifact];
  });
  const assets = AssetIndex.read(entries
    .filter(([, artifact]) => artifact.type === ASSET_MANIFEST)
    .map(([id, artifact]) => path.join(assemblyDir, requiredProperty(manifestFile, id, artifact, 'file'))));
  return entries.flatMap(([id, artifact]) => {
    if (artifact.type === STACK) return [stackOf(manifestFile, assemblyDir, id, artifact, assets)];
    if (artifact.type === NESTED_ASSEMBLY) {
      return stacksOf(path.join(assemblyDir, requiredProperty(manifestFile, id, artifact, 'directoryName')));
    }
    return [];
  });
}

function stackOf(manifestFile: string, assemblyDir: string, id: string, artifact: JsonObject, assets: AssetIndex): StackArtifact {
  const properties = isJsonObject(artifact.properties) ? artifact.properties : {};
  return {
    stackName: typeof properties.stackName === 'string' ? properties.stackName : id,
    templateFile: path.join(assemblyDir, requiredProperty(manifestFile, id, artifact, 'templateFile')),
    assemblyDir,
    assets,
    constructPaths: constructPathsOf(assemblyDir, artifact),
    ...parseEnvironment(manifestFile, id, artifact.environment),
  };
}

/**
 * The construct path of each logical id, from the artifact's metadata (inline, or in its `additionalMetadataFile`),
 * shortened to the L2 a user wrote: `Stack/Api/Resource` is `Stack/Api`. Unreadable metadata only costs the names.
 */
function constructPathsOf(assemblyDir: string, artifact: JsonObject): Map<string, string> {
  const paths = new Map<string, string>();
  let metadata: unknown = artifact.metadata;
  if (typeof artifact.additionalMetadataFile === 'string') {
    try {
      metadata = JSON.parse(fs.readFileSync(path.join(assemblyDir, artifact.additionalMetadataFile), 'utf8'));
    } catch {
      return paths;
    }
  }
  if (!isJsonObject(metadata)) {
    return paths;
  }
  for (const [constructPath, entries] of Object.entries(metadata)) {
    const logicalId = Array.isArray(entries)
      ? entries.find((entry) => isJsonObject(entry) && entry.type === 'aws:cdk:logicalId')?.data
      : undefined;
    if (typeof logicalId === 'string') {
      paths.set(logicalId, constructPath.replace(/^\//, '').replace(/\/(Resource|Default)$/, ''));
    }
  }
  return paths;
}

/** `aws://ACCOUNT/REGION`, where `unknown-account` and `unknown-region` (environment-agnostic stacks) mean "not set". */
function parseEnvironment(manifestFile: string, id: string, value: unknown): { account?: string; region?: string } {
  if (value === undefined) return {};
  const match = typeof value === 'string' ? /^aws:\/\/([^/]+)\/([^/]+)$/.exec(value) : null;
  if (!match) {
    throw new AssemblyError(`the stack ${id} of ${manifestFile} has environment ${describeValue(value)}; expected aws://ACCOUNT/REGION`);
  }
  return {
    account: match[1] === 'unknown-account' ? undefined : match[1],
    region: match[2] === 'unknown-region' ? undefined : match[2],
  };
}

function requiredProperty(manifestFile: string, id: string, artifact: JsonObject, name: string): string {
  const value = isJsonObject(artifact.properties) ? artifact.properties[name] : undefined;
  if (typeof value !== 'string') {
    throw new AssemblyError(`the ${artifact.type} artifact ${id} of ${manifestFile} has no properties.${name}; expected the file name cdk synth writes`);
  }
  return value;
}
