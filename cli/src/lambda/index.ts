export { LambdaRuntime } from './lambda-runtime';
export type { FunctionStats, InvokeOutcome, InvokeStreamingOutcome, LambdaRuntimeOptions, OutboundResponse, SandboxExtras } from './types';
