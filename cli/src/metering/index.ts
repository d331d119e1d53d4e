export * from './token-bucket';
export * from './quota';
export * from './throttle-chain';
