import { openApiDocument, OpenApiObject } from './document-builder';
import { exportHttpApi, HttpApiParts } from './http-document';
import { exportRestApi, RestApiParts } from './rest-document';
import { OpenApiDocumentOptions } from '../openapi-document-options';

/** The OpenAPI 3.0 document of a REST API, as plain JSON (no undefined members); deploy-time values are tokens. */
export function restApiDocument(api: RestApiParts, options: OpenApiDocumentOptions = {}): OpenApiObject {
  return plainJson(openApiDocument(api, exportRestApi(api), options));
}

/** The OpenAPI 3.0 document of an HTTP API, as plain JSON (no undefined members); deploy-time values are tokens. */
export function httpApiDocument(api: HttpApiParts, options: OpenApiDocumentOptions = {}): OpenApiObject {
  return plainJson(openApiDocument(api, exportHttpApi(api), options));
}

/** Tokens are strings and numbers, and survive; members left undefined are dropped. */
function plainJson(document: OpenApiObject): OpenApiObject {
  return JSON.parse(JSON.stringify(document));
}
