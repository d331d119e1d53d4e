export * from './api-key-source';
export * from './cors';
export * from './custom-domain-options';
export * from './throttle';
export * from './monitoring-options';
