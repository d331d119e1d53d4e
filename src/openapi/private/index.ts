/** What the API constructs call to export their OpenAPI document and to be built from one. */
export { httpApiDocument, restApiDocument } from './api-documents';
export { writeDocumentAtSynth } from './assembly-file';
export { httpRoutesWithDocument } from './http-import';
export { withDocumentProps } from './imported-document';
export { routesWithDocument } from './rest-import';
