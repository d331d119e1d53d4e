// The entry point of the helper that Lambda functions behind a SecureWebSocketApi import
// (`cdk-gatewaykit/lib/websocket-runtime`); not part of the construct API, so not exported from index.ts.
export * from './websocket/websocket-runtime';
