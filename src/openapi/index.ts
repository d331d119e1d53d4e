export * from './openapi-document-options';
