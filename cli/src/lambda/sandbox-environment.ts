import type { FunctionModel } from '../model';
import { RUNTIME_MODULES_DIR } from './runtime-modules';

/** The developer's credentials reach handlers that call AWS, as with SAM local; nothing else of the host does. */
const HOST_CREDENTIAL_VARIABLES = ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_SESSION_TOKEN', 'AWS_PROFILE'] as const;

/** Variables Lambda defines that a function may override. */
const LAMBDA_DEFAULTS: Readonly<Record<string, string>> = {
  LANG: 'en_US.UTF-8',
  PATH: '/var/lang/bin:/usr/local/bin:/usr/bin/:/bin:/opt/bin',
  TZ: ':UTC',
  ...(RUNTIME_MODULES_DIR === undefined ? {} : { NODE_PATH: RUNTIME_MODULES_DIR }),
};

export interface SandboxIdentity {
  readonly region: string;
  readonly codeDir: string;
  readonly logGroupName: string;
  readonly logStreamName: string;
}

/**
 * The environment of one sandbox: Lambda's defaults, the runtime's local service variables, the function's variables, Lambda's reserved variables (which
 * a function cannot set), then the host's AWS credential variables that are set.
 *
 * TZ is set as in Lambda, but a worker thread's time zone is the process's: Date follows the server's TZ.
 */
export function sandboxEnvironment(
  fn: FunctionModel, sandbox: SandboxIdentity, hostEnv: NodeJS.ProcessEnv, runtimeDefaults: Readonly<Record<string, string>> = {},
): Record<string, string> {
  const environment: Record<string, string> = {
    ...LAMBDA_DEFAULTS,
    ...runtimeDefaults,
    ...fn.environment,
    AWS_REGION: sandbox.region,
    AWS_DEFAULT_REGION: sandbox.region,
    AWS_LAMBDA_FUNCTION_NAME: fn.functionName,
    AWS_LAMBDA_FUNCTION_VERSION: '$LATEST',
    AWS_LAMBDA_FUNCTION_MEMORY_SIZE: String(fn.memorySizeMb),
    AWS_LAMBDA_LOG_GROUP_NAME: sandbox.logGroupName,
    AWS_LAMBDA_LOG_STREAM_NAME: sandbox.logStreamName,
    AWS_LAMBDA_INITIALIZATION_TYPE: 'on-demand',
    AWS_EXECUTION_ENV: `AWS_Lambda_${fn.runtime}`,
    LAMBDA_TASK_ROOT: sandbox.codeDir,
    LAMBDA_RUNTIME_DIR: '/var/runtime',
    _HANDLER: fn.handler,
  };
  for (const name of HOST_CREDENTIAL_VARIABLES) {
    const value = hostEnv[name];
    if (value !== undefined && value !== '') {
      environment[name] = value;
    }
  }
  return environment;
}

export function logGroupNameOf(fn: FunctionModel): string {
  return `/aws/lambda/${fn.functionName}`;
}

/** Lambda's stream name format: `yyyy/mm/dd/[$LATEST]` and 32 hex digits naming the sandbox. */
export function logStreamNameFor(sandboxId: string, now: Date): string {
  const date = now.toISOString().slice(0, 10).replace(/-/g, '/');
  return `${date}/[$LATEST]${sandboxId}`;
}
