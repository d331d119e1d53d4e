export * from './secure-websocket-api';
export * from './secure-websocket-api-props';
