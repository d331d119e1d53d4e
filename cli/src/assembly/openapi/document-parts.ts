import { Field, translateFields } from './fields';
import { OpenApiDocument } from './openapi-document';
import { AssemblyError } from '../errors';
import { JsonObject } from '../json';
import { PropertyReader } from '../property-reader';
import { ApiPart, TemplateResource } from '../resources';
import { stableToken } from '../stable-ids';
import { UnsupportedReport } from '../unsupported';

/** A part of an API that its OpenAPI definition declares, holding the CloudFormation properties it translates to. */
class DocumentPart implements ApiPart {
  constructor(
    private readonly api: TemplateResource,
    public readonly type: string,
    private readonly id: string,
    private readonly values: JsonObject,
    private readonly where: string,
  ) {}

  public get origin() {
    return this.api.origin;
  }

  public ref(): string {
    return this.id;
  }

  public properties(): PropertyReader {
    return new PropertyReader(this.values, this.where);
  }

  public error(detail: string): AssemblyError {
    return new AssemblyError(`${this.where} ${detail}`);
  }
}

/**
 * The parts an API's OpenAPI definition declares, by CloudFormation type, with local ids that are stable for the API
 * and the part's key (its path, or its name in the document); and the report of what in the document is not served.
 */
export class DocumentParts<T extends string> {
  private readonly parts = new Map<T, ApiPart[]>();

  constructor(public readonly document: OpenApiDocument, public readonly api: TemplateResource, private readonly report: UnsupportedReport) {}

  /** A local id for the part of kind `kind` keyed `key`, `length` characters as API Gateway's ids of that kind. */
  public id(kind: string, key: string, length = 6): string {
    return stableToken([this.api.stack.stackName, this.api.logicalId, 'openapi', kind, key], length);
  }

  /** Adds the part of `type` that `source` declares, as CloudFormation `properties`. */
  public add(type: T, id: string, source: PropertyReader, properties: JsonObject): ApiPart {
    const part = new DocumentPart(this.api, this.subject(source), id, properties, source.location());
    this.parts.set(type, [...this.parts.get(type) ?? [], part]);
    return part;
  }

  public of(type: T): readonly ApiPart[] {
    return this.parts.get(type) ?? [];
  }

  /** Reports what `source` (or its value `name`) declares and the runtime does not serve: `reason` is one sentence. */
  public unsupported(source: PropertyReader, reason: string, name?: string): void {
    this.report.add(this.api.origin, this.subject(source, name), reason);
  }

  /**
   * The CloudFormation properties of the extension object `source` (what it is: `what`), read as `fields` says; fields
   * it does not name are reported, except those in `handled`, which the caller reads itself.
   */
  public translate(source: PropertyReader, fields: Readonly<Record<string, Field>>, what: string, handled: readonly string[] = []): JsonObject {
    const { properties, unknown } = translateFields(source, fields);
    for (const name of unknown.filter((field) => !handled.includes(field))) {
      this.unsupported(source, `${what} has the field ${name}, which API Gateway does not define there; it is not read`, name);
    }
    return properties;
  }

  /** Reports the API Gateway extensions of `source` that `known` does not list. */
  public unknownExtensions(source: PropertyReader, known: readonly string[], what: string): void {
    for (const name of source.keys().filter((key) => key.startsWith('x-amazon-apigateway-') && !known.includes(key))) {
      this.unsupported(source, `${what} has the extension ${name}, which is not read, so it has no effect locally`, name);
    }
  }

  /** How the startup report names a place in the document: `OpenAPI #/paths/~1pets/get`. */
  private subject(source: PropertyReader, name?: string): string {
    return `OpenAPI #${this.document.pointer(source, name)}`;
  }
}
