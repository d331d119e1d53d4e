import * as fs from 'fs';
import * as path from 'path';
import { TemplateResource } from './resources';

/** Where a function's code is on disk, or why it cannot be run locally. */
export type CodeLocation = { readonly codeDir: string } | { readonly problem: string };

/**
 * Finds the folder of a function's code: inline code (`ZipFile`) is written as `index.js` into a folder of its own
 * under `workDir()`; an asset is the folder cdk synth staged, found by its asset metadata or by its S3 key in the
 * asset manifest.
 */
export function locateFunctionCode(resource: TemplateResource, workDir: () => string): CodeLocation {
  const code = resource.properties().object('Code');
  const zipFile = code?.optionalString('ZipFile');
  if (zipFile !== undefined) {
    const codeDir = path.join(workDir(), `${resource.stack.stackName}.${resource.logicalId}`.replace(/[^A-Za-z0-9._-]/g, '_'));
    fs.mkdirSync(codeDir, { recursive: true });
    fs.writeFileSync(path.join(codeDir, 'index.js'), zipFile);
    return { codeDir };
  }
  if (code?.has('ImageUri')) return { problem: `its code is a container image (${code.optionalString('ImageUri')}), which is not run locally` };
  const assetPath = resource.definition.metadata['aws:asset:path'];
  const assetProperty = resource.definition.metadata['aws:asset:property'];
  if (typeof assetPath === 'string' && (assetProperty === undefined || assetProperty === 'Code')) {
    return folderOrProblem(path.resolve(resource.stack.source.assemblyDir, assetPath));
  }
  const s3Key = code?.optionalString('S3Key');
  const asset = s3Key === undefined ? undefined : resource.stack.source.assets.byObjectKey(s3Key);
  if (!asset) {
    return { problem: `its code is in S3 (s3://${code?.optionalString('S3Bucket') ?? '?'}/${s3Key ?? '?'}), not in the cloud assembly` };
  }
  return folderOrProblem(asset.sourcePath);
}

function folderOrProblem(sourcePath: string): CodeLocation {
  if (!fs.existsSync(sourcePath)) return { problem: `its code asset ${sourcePath} is missing; run cdk synth again` };
  if (!fs.statSync(sourcePath).isDirectory()) {
    return { problem: `its code asset ${sourcePath} is a file (e.g. a .zip), not a folder; only unzipped assets are run locally` };
  }
  return { codeDir: sourcePath };
}
