import * as path from 'path';
import { AssemblyError } from './errors';
import { describeValue, isJsonObject, readJsonObject } from './json';

/** A file asset of an asset manifest: where cdk synth staged it, and the S3 object keys it is published to. */
export interface FileAsset {
  /** Absolute path of the staged file or folder. */
  readonly sourcePath: string;
  /** `zip`: a folder zipped when published; `file`: a file published as is. */
  readonly packaging: string;
  readonly objectKeys: readonly string[];
}

/** The file assets of every asset manifest (`*.assets.json`) of one cloud assembly folder. */
export class AssetIndex {
  public static read(manifestFiles: readonly string[]): AssetIndex {
    return new AssetIndex(manifestFiles.flatMap((file) => fileAssetsOf(file)));
  }

  private constructor(private readonly assets: readonly FileAsset[]) {}

  /** The asset published to `objectKey` (e.g. the `S3Key` of a function's code). */
  public byObjectKey(objectKey: string): FileAsset | undefined {
    return this.assets.find((asset) => asset.objectKeys.includes(objectKey));
  }

  /** The asset an S3 URL points to (e.g. the `TemplateURL` of a nested stack): the URL ends with its object key. */
  public byUrl(url: string): FileAsset | undefined {
    return this.assets.find((asset) => asset.objectKeys.some((key) => url.endsWith(`/${key}`)));
  }
}

function fileAssetsOf(manifestFile: string): FileAsset[] {
  const manifest = readJsonObject(manifestFile, 'asset manifest');
  const files = manifest.files ?? {};
  if (!isJsonObject(files)) {
    throw new AssemblyError(`the asset manifest ${manifestFile} has files ${describeValue(files)}; expected an object of file assets by id`);
  }
  const assets: FileAsset[] = [];
  for (const [assetId, entry] of Object.entries(files)) {
    const source = isJsonObject(entry) ? entry.source : undefined;
    if (!isJsonObject(source)) {
      throw new AssemblyError(`the asset manifest ${manifestFile} has no source for the file asset ${assetId}; expected { source: { path, packaging } }`);
    }
    // Assets built by a command (`executable`) have no path until published: there is nothing local to serve.
    if (typeof source.path !== 'string') continue;
    const destinations = isJsonObject(entry) && isJsonObject(entry.destinations) ? Object.values(entry.destinations) : [];
    assets.push({
      sourcePath: path.resolve(path.dirname(manifestFile), source.path),
      packaging: typeof source.packaging === 'string' ? source.packaging : 'file',
      objectKeys: destinations.flatMap((destination) =>
        isJsonObject(destination) && typeof destination.objectKey === 'string' ? [destination.objectKey] : []),
    });
  }
  return assets;
}
