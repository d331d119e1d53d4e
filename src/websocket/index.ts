export * from './secure-websocket-api-props';
export * from './secure-websocket-api';
export * from '../authorizers/websocket-authorizer';
export * from '../authorizers/websocket-authorizer-options';
