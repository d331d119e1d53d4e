export * from './rest-authorizer';
export * from './rest-authorizer-options';
export * from './http-authorizer';
export * from './http-authorizer-options';
export * from './websocket-authorizer';
export * from './websocket-authorizer-options';
export * from './jwt-verification-options';
export * from './jwt-token-use';
