import * as fs from 'fs';
import * as path from 'path';
import { AssemblyError } from '../errors';
import { describeValue, isJsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import { TemplateResource } from '../resources';
import { parseStructured, readStructuredFile } from '../structured-file';

const EXPECTED = 'an OpenAPI 3 or Swagger 2.0 document';

/** Where an API's OpenAPI definition is, or why it cannot be read locally. */
export type DefinitionSource = { readonly document: OpenApiDocument } | { readonly problem: string };

/**
 * An OpenAPI 3 or Swagger 2.0 document, read through {@link PropertyReader}s whose messages name the document and the
 * JSON pointer of the value (`… asset.1a2b.yaml#/paths/~1pets/get/security`).
 */
export class OpenApiDocument {
  /**
   * The definition of an `AWS::ApiGateway::RestApi` or `AWS::ApiGatewayV2::Api`: `Body` (resolved, an object or a YAML
   * or JSON string) or `BodyS3Location` of a file asset of the cloud assembly; undefined when the API has neither.
   * @throws AssemblyError when the document cannot be parsed or is neither OpenAPI 3 nor Swagger 2.0
   */
  public static of(api: TemplateResource): DefinitionSource | undefined {
    const properties = api.properties();
    const body = properties.raw('Body');
    if (body !== undefined) {
      const label = `${api.describe()} property Body`;
      const value = typeof body === 'string' ? parseStructured(body, `the OpenAPI document ${label}`, 'yaml', EXPECTED) : body;
      return { document: new OpenApiDocument(value, label) };
    }
    const location = properties.object('BodyS3Location');
    if (!location) return undefined;
    const file = definitionFile(api, location);
    if ('problem' in file) return file;
    return { document: new OpenApiDocument(readStructuredFile(file.path, 'the OpenAPI document', EXPECTED), file.path) };
  }

  public readonly version: '2.0' | '3';
  public readonly root: PropertyReader;
  private readonly prefix: string;

  constructor(private readonly value: unknown, label: string) {
    this.prefix = `the OpenAPI document ${label}#`;
    if (!isJsonObject(value)) {
      throw new AssemblyError(`${this.prefix} is ${describeValue(value)}; expected ${EXPECTED} (an object)`);
    }
    this.root = new PropertyReader(value, this.prefix, 'pointer');
    const openapi = this.root.optionalString('openapi');
    const swagger = this.root.optionalString('swagger');
    if (openapi?.startsWith('3.')) {
      this.version = '3';
    } else if (swagger === '2.0') {
      this.version = '2.0';
    } else {
      const written = openapi ?? swagger;
      throw this.root.problem(`is ${written === undefined ? 'missing' : describeValue(written)}; expected openapi: 3.x (OpenAPI 3) or swagger: "2.0"`, openapi === undefined ? 'swagger' : 'openapi');
    }
  }

  /** The JSON pointer of the value `name` of `reader` (or of `reader` itself), without the document's name: `/paths/~1pets/get`. */
  public pointer(reader: PropertyReader, name?: string, index?: number | string): string {
    return reader.location(name, index).slice(this.prefix.length);
  }

  /** The object `reader` holds at `name`, its `$ref` followed; undefined when absent. */
  public object(reader: PropertyReader, name: string): PropertyReader | undefined {
    const object = reader.object(name);
    return object && this.follow(object);
  }

  /** The object `reader` holds at `name`, its `$ref` followed; an error when absent. */
  public requiredObject(reader: PropertyReader, name: string): PropertyReader {
    const object = this.object(reader, name);
    if (!object) throw reader.problem('is missing; expected an object', name);
    return object;
  }

  /** The objects of the list `reader` holds at `name`, each `$ref` followed; empty when absent. */
  public objectList(reader: PropertyReader, name: string): PropertyReader[] {
    return reader.objectList(name).map((item) => this.follow(item));
  }

  /** The entries of the map of objects `reader` holds at `name`, each `$ref` followed; empty when absent. */
  public entries(reader: PropertyReader, name: string): Array<[string, PropertyReader]> {
    return reader.objectEntries(name).map(([key, item]) => [key, this.follow(item)]);
  }

  /** The object a `{ $ref: '#/…' }` names (through chains of references), or `reader` itself. */
  public follow(reader: PropertyReader): PropertyReader {
    let current = reader;
    for (let hops = 0; current.has('$ref'); hops++) {
      const ref = current.string('$ref');
      if (!ref.startsWith('#')) {
        throw current.problem(`is ${describeValue(ref)}; expected a reference inside the document (#/…): API Gateway does not read other files`, '$ref');
      }
      const target = valueAt(this.value, ref.slice(1));
      if (!isJsonObject(target) || hops > 32) {
        throw current.problem(`is ${describeValue(ref)}, which names ${target === undefined ? 'nothing in the document' : hops > 32 ? 'a cycle of references' : describeValue(target)}; expected the pointer of an object of the document`, '$ref');
      }
      current = new PropertyReader(target, `${this.prefix}${ref.slice(1)}`, 'pointer');
    }
    return current;
  }

  /** The named schemas: `components.schemas` (OpenAPI 3) or `definitions` (Swagger 2.0). */
  public schemas(): Array<[string, PropertyReader]> {
    const components = this.version === '3' ? this.root.object('components') : this.root;
    return components?.objectEntries(this.version === '3' ? 'schemas' : 'definitions') ?? [];
  }

  /** The pointer prefix of named schemas, as `$ref`s in schemas name them: `#/components/schemas/` or `#/definitions/`. */
  public get schemaRefPrefix(): string {
    return this.version === '3' ? '#/components/schemas/' : '#/definitions/';
  }

  /** The security schemes: `components.securitySchemes` (OpenAPI 3) or `securityDefinitions` (Swagger 2.0), by name. */
  public securitySchemes(): Map<string, PropertyReader> {
    const components = this.version === '3' ? this.root.object('components') : this.root;
    return new Map(components ? this.entries(components, this.version === '3' ? 'securitySchemes' : 'securityDefinitions') : []);
  }
}

/** A token of a JSON pointer in a URI fragment (`#/…`): percent-decoded, then RFC 6901's `~1` and `~0` unescaped. */
export function decodePointerToken(token: string): string {
  return decodeURIComponent(token).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** The value at a JSON pointer (RFC 6901) of `document`; undefined when there is none. */
function valueAt(document: unknown, pointer: string): unknown {
  if (pointer === '') return document;
  let current = document;
  for (const token of pointer.replace(/^\//, '').split('/').map(decodePointerToken)) {
    if (Array.isArray(current) && /^\d+$/.test(token)) {
      current = current[Number(token)];
    } else if (isJsonObject(current)) {
      current = current[token];
    } else {
      return undefined;
    }
  }
  return current;
}

/**
 * The staged file of `BodyS3Location`: by the resource's asset metadata (cdk synth with asset metadata on), else by
 * its object key in the asset manifest.
 */
function definitionFile(api: TemplateResource, location: PropertyReader): { readonly path: string } | { readonly problem: string } {
  const assetPath = api.definition.metadata['aws:asset:path'];
  const key = location.optionalString('Key');
  const file = typeof assetPath === 'string' && api.definition.metadata['aws:asset:property'] === 'BodyS3Location'
    ? path.resolve(api.stack.source.assemblyDir, assetPath)
    : key === undefined ? undefined : api.stack.source.assets.byObjectKey(key)?.sourcePath;
  if (file === undefined) {
    return { problem: `its OpenAPI definition is in S3 (s3://${location.optionalString('Bucket') ?? '?'}/${key ?? '?'}), not in the cloud assembly` };
  }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) {
    return { problem: `its OpenAPI definition asset ${file} is missing or not a file; run cdk synth again` };
  }
  return { path: file };
}

