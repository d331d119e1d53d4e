export * from './common';
export * from './authorizers';
export * from './logging';
export * from './rest';
export * from './http';
export * from './websocket';
export * from './usage-plans';
export * from './openapi';
