export * from './secure-http-api';
export * from './secure-http-api-props';
export * from './http-api-custom-domain';
