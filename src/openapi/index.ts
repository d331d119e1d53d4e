export * from './openapi-definition';
export * from './openapi-document-options';
export * from './openapi-import-options';
