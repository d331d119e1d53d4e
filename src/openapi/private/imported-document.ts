import { Duration } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { CORS_EXTENSION } from './document-builder';
import { ImportedFacts, recordImportedFacts } from './imported-facts';
import { DocumentReader } from './json-pointer';
import { ImportedOperation, readOperations } from './operations';
import { CorsOptions } from '../../common/cors';
import { isObject } from '../../private/values';
import { OpenApiDefinition } from '../openapi-definition';

/** The props an imported document gives an API unless they are set: its name, description and CORS. */
export interface DocumentProps {
  readonly apiName?: string;
  readonly description?: string;
  readonly cors?: CorsOptions;
}

/** The API's props with those the document of `openApi` gives, where the props leave them unset. */
export function withDocumentProps<P extends DocumentProps>(api: IConstruct, props: P, openApi: { definition: OpenApiDefinition } | undefined): P {
  if (!openApi) {
    return props;
  }
  const document = openApi.definition._document(api);
  const info = isObject(document.info) ? document.info : {};
  const cors = document[CORS_EXTENSION];
  return {
    ...props,
    apiName: props.apiName ?? (typeof info.title === 'string' && info.title.length > 0 ? info.title : undefined),
    description: props.description ?? (typeof info.description === 'string' ? info.description : undefined),
    cors: props.cors ?? (isObject(cors) ? corsOptions(cors) : undefined),
  };
}

/** `x-amazon-apigateway-cors`, as the library's CORS options. */
function corsOptions(cors: Record<string, any>): CorsOptions {
  return {
    allowOrigins: cors.allowOrigins ?? [],
    allowMethods: cors.allowMethods,
    allowHeaders: cors.allowHeaders,
    allowCredentials: cors.allowCredentials,
    exposeHeaders: cors.exposeHeaders,
    maxAge: typeof cors.maxAge === 'number' ? Duration.seconds(cors.maxAge) : undefined,
  };
}

/** The operations of the document, read once per API, and the facts the API's own document names things by. */
export function importedOperations(api: IConstruct, definition: OpenApiDefinition): { reader: DocumentReader; operations: ImportedOperation[] } {
  const reader = new DocumentReader(api, definition._document(api));
  const operations = readOperations(reader);
  return { reader, operations };
}

/** Remembers the operation ids, scheme names and version, by route key, for the API's own document. */
export function recordFacts(api: IConstruct, reader: DocumentReader, operations: { operation: ImportedOperation; routeKey: string }[]): void {
  const facts: ImportedFacts = {
    version: String(reader.document.info?.version ?? '1.0.0'),
    operationIds: new Map(operations.map(({ operation, routeKey }) => [routeKey, operation.operationId])),
    schemeNames: new Map(operations.flatMap(({ operation, routeKey }) =>
      (typeof operation.security === 'object' ? [[routeKey, operation.security.scheme] as const] : []))),
  };
  recordImportedFacts(api, facts);
}

/** The route key of an operation: `GET /items/{id}`; `ANY /$default` is the `$default` route of an HTTP API. */
export function routeKeyOf(operation: ImportedOperation, defaultRoute: boolean): string {
  return defaultRoute && operation.method === 'ANY' && operation.path === '/$default' ? '$default' : `${operation.method} ${operation.path}`;
}

/** Whether a scheme is API Gateway's IAM authorization, which needs no authorizer. */
export function isSigv4Scheme(scheme: Record<string, any>): boolean {
  return scheme['x-amazon-apigateway-authtype'] === 'awsSigv4';
}

