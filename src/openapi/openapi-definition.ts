import * as fs from 'fs';
import { IConstruct } from 'constructs';
import { check } from '../private/errors';
import { isObject } from '../private/values';

/**
 * An OpenAPI 3 document an API is built from (contract first): its operations become routes bound to handlers by
 * `operationId`.
 */
export abstract class OpenApiDefinition {
  /** A JSON document in a file, read at synth. */
  public static fromFile(path: string): OpenApiDefinition {
    return new FileDefinition(path);
  }

  /** A document as an object, e.g. parsed from YAML with a library of your choice. */
  public static fromObject(document: { [key: string]: any }): OpenApiDefinition {
    return new ObjectDefinition(document);
  }

  /**
   * The document, read once.
   * @internal
   */
  public abstract _document(scope: IConstruct): { [key: string]: any };
}

class FileDefinition extends OpenApiDefinition {
  private document?: { [key: string]: any };

  constructor(private readonly path: string) {
    super();
  }

  public _document(scope: IConstruct): { [key: string]: any } {
    if (!this.document) {
      check(fs.existsSync(this.path), scope, 'InvalidOpenApiDocument', () =>
        `openApi.definition: the file '${this.path}' does not exist; give the path of a JSON OpenAPI 3 document`);
      let parsed: unknown;
      try {
        parsed = JSON.parse(fs.readFileSync(this.path, 'utf8'));
      } catch (error) {
        check(false, scope, 'InvalidOpenApiDocument', () =>
          `openApi.definition: the file '${this.path}' is not JSON (${(error as Error).message}); OpenApiDefinition.fromFile reads JSON documents, so convert a YAML document or parse it yourself and use OpenApiDefinition.fromObject`);
      }
      this.document = documentObject(scope, parsed, `the file '${this.path}'`);
    }
    return this.document;
  }
}

class ObjectDefinition extends OpenApiDefinition {
  constructor(private readonly document: { [key: string]: any }) {
    super();
  }

  public _document(scope: IConstruct): { [key: string]: any } {
    return documentObject(scope, this.document, 'the object');
  }
}

function documentObject(scope: IConstruct, document: unknown, what: string): { [key: string]: any } {
  check(isObject(document), scope, 'InvalidOpenApiDocument', () => `openApi.definition: ${what} is not a JSON object; expected an OpenAPI 3 document`);
  return document;
}
