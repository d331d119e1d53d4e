import { OpenApiDocument } from './openapi-document';
import { JsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import { ApiPart, TemplateResource } from '../resources';
import { UnsupportedReport } from '../unsupported';

/** What an OpenAPI definition declares of an API, in the shapes the template's own resources have. */
export interface ApiDefinition<T extends string> {
  /** The API's properties the document sets, in CloudFormation's names; the template's own take precedence. */
  readonly properties: JsonObject;
  /** The parts the document declares, by CloudFormation type. */
  partsOf(type: T): readonly ApiPart[];
}

/**
 * The definition of `api` (`Body`, `BodyS3Location`) translated by `translate`; undefined when it has none, or when
 * the document is not in the cloud assembly (then reported: `unread` says what is served instead).
 */
export function apiDefinitionOf<T extends string>(
  api: TemplateResource,
  report: UnsupportedReport,
  unread: string,
  translate: (document: OpenApiDocument) => ApiDefinition<T>,
): ApiDefinition<T> | undefined {
  const source = OpenApiDocument.of(api);
  if (source && 'problem' in source) {
    report.add(api.origin, api.type, `${source.problem}, so ${unread}`);
    return undefined;
  }
  return source && translate(source.document);
}

/** API Gateway ignores the definition's base path unless the import's `basepath` mode (`basePath`) is prepend or split. */
export function reportBasePath(api: TemplateResource, mode: string | undefined, report: UnsupportedReport): void {
  if (mode !== undefined && mode !== 'ignore') {
    report.add(api.origin, api.type, `the OpenAPI definition's base path is not applied (basepath ${mode}): its paths are served as written`);
  }
}

/**
 * The API's properties with what its definition sets: the template's own take precedence, and the lists named in
 * `merged` (binary media types) hold both, as API Gateway merges them when it imports a definition into an API.
 */
export function withDefinition<T extends string>(
  api: TemplateResource, definition: ApiDefinition<T>, merged: readonly string[] = [],
): PropertyReader {
  const own = api.properties();
  const where = `${api.describe()} property Properties`;
  const fromDocument = new PropertyReader(definition.properties, where);
  const lists = Object.fromEntries(merged.filter((name) => fromDocument.has(name) || own.has(name))
    .map((name) => [name, [...new Set([...fromDocument.stringList(name), ...own.stringList(name)])]]));
  return new PropertyReader({ ...definition.properties, ...own.json(), ...lists }, where);
}
