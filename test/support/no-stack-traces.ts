import * as cxapi from 'aws-cdk-lib/cx-api';

/**
 * Jest's setupFiles, the library's and the CLI's: the apps tests synthesize record no stack traces. aws-cdk-lib captures
 * one for every CfnElement it creates, and jest's source maps rewrite every captured stack: that was a third of the CPU
 * time of the test files that synthesize most. No test reads them.
 */
process.env[cxapi.CONTEXT_ENV] = JSON.stringify({
  ...JSON.parse(process.env[cxapi.CONTEXT_ENV] ?? '{}'),
  [cxapi.DISABLE_CREATION_STACK_TRACES]: true,
  [cxapi.DISABLE_METADATA_STACK_TRACE]: true,
});
