export { LambdaRuntime } from './lambda-runtime';
export type { FunctionStats, InvokeOutcome, LambdaRuntimeOptions, OutboundResponse } from './types';
