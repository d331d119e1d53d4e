import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { optionValue, ParsedArgs, UsageError } from '../cli/args';

/** The options every operations command takes: how to reach AWS, which API, and the output format. */
export const COMMON_VALUED = ['stack', 'api', 'api-id', 'endpoint-url', 'region', 'profile'];
export const COMMON_SWITCHES = ['json'];

export const COMMON_USAGE = `  The API: --stack STACK --api CONSTRUCT_PATH (the construct path, with or without the stack name, e.g. Metered or
  MyStack/Metered; resolved through CloudFormation), or --api-id ID.
  AWS: credentials, region and profile from the AWS SDK's standard chain; --profile NAME, --region R override it.
  --endpoint-url URL sends every call there, e.g. the control plane 'gatewaykit serve' reports (local dummy
  credentials are used when none are configured). --json prints JSON instead of a table.`;

/** The AWS SDK clients of one command run. */
export interface AwsClients {
  readonly apiGateway: APIGatewayClient;
  readonly cloudFormation: CloudFormationClient;
  readonly secretsManager: SecretsManagerClient;
}

/** Which API the command acts on. */
export interface ApiSelector {
  readonly stack?: string;
  readonly api?: string;
  readonly apiId?: string;
}

/**
 * The clients for the parsed options: the SDK's standard credential and region chain, with `--profile`, `--region` and
 * `--endpoint-url` (which also gets dummy credentials and a default region when none are configured, since a local
 * control plane checks neither).
 */
export function awsClients(parsed: Omit<ParsedArgs, 'command'>, env: NodeJS.ProcessEnv = process.env): AwsClients {
  const endpoint = optionValue(parsed, 'endpoint-url');
  const profile = optionValue(parsed, 'profile');
  const hasCredentials = profile !== undefined || env.AWS_ACCESS_KEY_ID !== undefined || env.AWS_PROFILE !== undefined;
  const config = {
    endpoint,
    profile,
    region: optionValue(parsed, 'region') ?? (endpoint !== undefined && env.AWS_REGION === undefined && env.AWS_DEFAULT_REGION === undefined ? 'us-east-1' : undefined),
    credentials: endpoint !== undefined && !hasCredentials ? { accessKeyId: 'local', secretAccessKey: 'local' } : undefined,
  };
  return {
    apiGateway: new APIGatewayClient(config),
    cloudFormation: new CloudFormationClient(config),
    secretsManager: new SecretsManagerClient(config),
  };
}

/** `--stack` with `--api`, or `--api-id`; anything else is a usage error. */
export function apiSelector(parsed: Omit<ParsedArgs, 'command'>, usage: string): ApiSelector {
  const selector = { stack: optionValue(parsed, 'stack'), api: optionValue(parsed, 'api'), apiId: optionValue(parsed, 'api-id') };
  const byName = selector.stack !== undefined && selector.api !== undefined;
  if (byName === (selector.apiId !== undefined) || (!byName && (selector.stack !== undefined || selector.api !== undefined))) {
    throw new UsageError(`name the API with --stack STACK --api CONSTRUCT_PATH, or with --api-id ID (one of the two)\n${usage}`);
  }
  return selector;
}
