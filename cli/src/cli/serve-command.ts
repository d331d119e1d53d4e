import { integerOption, optionValue, parseArgs, UsageError } from './args';
import { SIMULATED_FAULTS, SimulatedFault } from '../control-plane';
import { start } from '../server/start';
import { watchApp } from '../watch/watch-mode';

export const SERVE_USAGE = `usage: gatewaykit serve [--app DIR] [--port 3000] [--host 127.0.0.1] [--stage NAME]
                       [--credentials ACCESS_KEY_ID:SECRET]... [--region R] [--account ID]
                       [--account-throttle 10000:5000] [--max-workers 4] [--seed N] [--aws-endpoint URL]
                       [--dynamodb-endpoint URL] [--watch] [--quiet]
                       [--control-plane-port N] [--control-plane-fault OPERATION=AccessDenied|Throttling]...
  Serves the REST, HTTP and WebSocket APIs of a CDK app on localhost, one port per API from --port on, running the real
  handlers. Without --app, runs 'cdk synth' in the current folder (the folder of cdk.json) and serves its output.
  --credentials  accept SigV4 (IAM) requests signed with this key (repeatable)
  --stage        serve only this stage of each API
  --seed         make the canary traffic split reproducible
  --aws-endpoint send AWS service integrations (AwsIntegration, SQS-SendMessage, ...) there, e.g. a local emulator,
                 signed with AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY from the environment, else local dummy keys
  --dynamodb-endpoint  give handlers this DynamoDB (e.g. DynamoDB Local's http://localhost:8000) with the app's
                 tables created in it, instead of the embedded in-memory one
  --account-throttle  the account's limit, RATE:BURST requests per second (API Gateway's default 10000:5000)
  --watch        re-synthesize on every change to the app (cdk.json's watch include/exclude) and serve the new app
                 on the same ports; a synth error keeps the last good app serving
  --quiet        no line per request
  --control-plane-port  where the local control plane (API Gateway's management API over the served app, for the
                 operations commands, any AWS SDK or the AWS CLI with --endpoint-url) listens; default: the port after
                 the APIs' ports, or a free one when that is taken
  --control-plane-fault  answer OPERATION (UpdateStage, GetUsage, ...) with that error, to try callers' error paths`;

/** The options `gatewaykit serve` accepts: with a value, and switches. */
export const SERVE_OPTIONS = {
  valued: ['app', 'port', 'host', 'stage', 'credentials', 'region', 'account', 'account-throttle', 'max-workers', 'seed', 'aws-endpoint', 'dynamodb-endpoint', 'control-plane-port', 'control-plane-fault'],
  switches: ['quiet', 'watch'],
} as const;

/** `gatewaykit serve`: starts the runtime and keeps it running until SIGINT or SIGTERM. */
export async function serveCommand(argv: readonly string[]): Promise<void> {
  const parsed = parseArgs(argv, SERVE_OPTIONS.valued, SERVE_OPTIONS.switches, SERVE_USAGE);
  const credentials = (parsed.options.get('credentials') ?? []).map((pair) => {
    const [accessKeyId, ...secret] = pair.split(':');
    if (!accessKeyId || secret.length === 0 || secret.join(':') === '') {
      throw new UsageError(`--credentials expects ACCESS_KEY_ID:SECRET_ACCESS_KEY, got '${pair}'\n${SERVE_USAGE}`);
    }
    return { accessKeyId, secretAccessKey: secret.join(':') };
  });
  if (parsed.flags.has('watch') && parsed.options.has('app')) {
    throw new UsageError(`--watch synthesizes the app in the current folder; it cannot watch an assembly given with --app\n${SERVE_USAGE}`);
  }
  const startOptions = {
    app: optionValue(parsed, 'app'),
    port: integerOption(parsed, 'port', 0, 65535, SERVE_USAGE),
    host: optionValue(parsed, 'host'),
    stage: optionValue(parsed, 'stage'),
    credentials,
    region: optionValue(parsed, 'region'),
    accountId: optionValue(parsed, 'account'),
    accountThrottle: accountThrottleOption(optionValue(parsed, 'account-throttle')),
    maxWorkersPerFunction: integerOption(parsed, 'max-workers', 1, 256, SERVE_USAGE),
    seed: integerOption(parsed, 'seed', 0, 2 ** 32 - 1, SERVE_USAGE),
    awsEndpoint: optionValue(parsed, 'aws-endpoint'),
    dynamoDbEndpoint: optionValue(parsed, 'dynamodb-endpoint'),
    quiet: parsed.flags.has('quiet'),
    controlPlane: { port: integerOption(parsed, 'control-plane-port', 0, 65535, SERVE_USAGE), faults: controlPlaneFaults(parsed.options.get('control-plane-fault') ?? []) },
  };
  const running = parsed.flags.has('watch') ? await watchApp(startOptions) : await start(startOptions);
  await new Promise<void>((resolve) => {
    const stop = () => resolve();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await running.stop();
}

function accountThrottleOption(text: string | undefined): { rateLimit: number; burstLimit: number } | undefined {
  if (text === undefined) {
    return undefined;
  }
  const match = /^(\d+):(\d+)$/.exec(text);
  if (!match) {
    throw new UsageError(`--account-throttle expects RATE:BURST in requests per second, e.g. 10000:5000, got '${text}'\n${SERVE_USAGE}`);
  }
  return { rateLimit: Number(match[1]), burstLimit: Number(match[2]) };
}

function controlPlaneFaults(pairs: readonly string[]): Map<string, SimulatedFault> {
  return new Map(pairs.map((pair) => {
    const [operation, fault] = pair.split('=');
    if (!operation || !SIMULATED_FAULTS.includes(fault as SimulatedFault)) {
      throw new UsageError(`--control-plane-fault expects OPERATION=${SIMULATED_FAULTS.join('|')}, e.g. UpdateStage=AccessDenied, got '${pair}'\n${SERVE_USAGE}`);
    }
    return [operation, fault as SimulatedFault];
  }));
}
