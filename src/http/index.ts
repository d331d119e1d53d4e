export * from './secure-http-api-props';
export * from './secure-http-api';
export * from './http-api-custom-domain';
export * from '../authorizers/http-authorizer';
export * from '../authorizers/http-authorizer-options';
