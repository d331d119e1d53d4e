export * from './proxy-event';
export * from './proxy-result';
export * from './result-values';
