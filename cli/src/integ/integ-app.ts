import * as os from 'node:os';
import * as path from 'node:path';
import { LocalAwsEndpoint } from '../aws-endpoint';
import { planAssertions } from './assertion-plan';
import type { AssertionResult } from './assertion-result';
import { runAssertions } from './assertion-runner';
import { HandlerNotes } from './handler-notes';
import { registerLocalServices } from './local-services';
import { LocalStateMachines } from './local-state-machines';
import { RESPONSE_HOST, RESPONSE_PATH, ResponseCollector } from './response-collector';
import type { Sleep } from './state-machine';
import { executeApiHost } from '../gateway/local-endpoints';
import { start } from '../server/start';

export interface IntegAppOptions {
  /** The region of stacks without one. Default `us-east-1`. */
  readonly region?: string;
  /** The account of stacks without one. Default `123456789012`. */
  readonly accountId?: string;
  /** Waits between a waiter's retries. Default: none (the local runtime has nothing to wait for). */
  readonly sleep?: Sleep;
  /** Receives what every handler prints (the app's and the assertion handler's). Default: dropped. */
  readonly onHandlerOutput?: (functionName: string, line: string) => void;
  /** Where the local issuer keeps its key. Default: in the system's temporary folder. */
  readonly issuerKeyFile?: string;
}

const LOCAL_AWS_ENVIRONMENT = (endpointUrl: string) => ({
  AWS_ENDPOINT_URL: endpointUrl,
  AWS_ACCESS_KEY_ID: 'LOCALINTEGACCESSKEY',
  AWS_SECRET_ACCESS_KEY: 'local-integ-secret',
  AWS_SESSION_TOKEN: '',
});

/**
 * Serves a synthesized integ test app with the runtime and runs its `IntegTest` assertions against it, with
 * integ-tests-alpha's own assertion handler in the runtime's Lambda sandboxes: its HTTP calls reach the local
 * listeners, its AWS SDK calls the local AWS endpoint.
 */
export async function runIntegApp(assemblyDir: string, options: IntegAppOptions = {}): Promise<AssertionResult[]> {
  const plan = planAssertions(assemblyDir, options);
  if (plan.assertions.length === 0) return [];
  let unanswered: string[] = [];
  const notes = new HandlerNotes();
  const endpoint = new LocalAwsEndpoint((call) => unanswered.push(call));
  const endpointUrl = await endpoint.listen();
  const collector = new ResponseCollector();
  endpoint.registerUnsigned(RESPONSE_PATH, collector.handler);
  try {
    const running = await start({
      app: assemblyDir,
      port: 0,
      region: options.region,
      accountId: options.accountId,
      quiet: true,
      log: () => undefined,
      issuerKeyFile: options.issuerKeyFile ?? path.join(os.tmpdir(), 'gatewaykit-integ', 'local-issuer.json'),
      outboundOrigins: new Map([[RESPONSE_HOST, endpointUrl]]),
      // The APIs' AWS service integrations (SQS-SendMessage, EventBridge-PutEvents, AwsIntegration) too.
      awsEndpoint: endpointUrl,
      // awsApiCall('APIGateway', ...) is answered from the app's live state.
      controlPlane: { port: 0 },
      // Every function, the assertion handler's and the app's, calls AWS through the local endpoint, with local keys:
      // an integ run never reaches an AWS account.
      extraEnvironment: () => LOCAL_AWS_ENVIRONMENT(endpointUrl),
      onHandlerOutput: (functionName, line) => {
        notes.observe(line);
        options.onHandlerOutput?.(functionName, line);
      },
    });
    try {
      const invoke = (arn: string, event: unknown) => running.lambda.invoke(arn, event);
      const machines = new LocalStateMachines(plan.stateMachines, invoke, options.sleep ?? (async () => undefined));
      registerLocalServices(endpoint, running, plan, machines);
      const region = options.region ?? running.model.region;
      return await runAssertions(plan, {
        invoke,
        machines,
        collector,
        localHosts: new Map(running.apis.map((api) => [
          executeApiHost(api.apiId, region),
          running.model.unsupported
            .filter((item) => item.routes !== undefined && (item.path === api.path || item.path.startsWith(`${api.path}/`)))
            .map((item) => item.reason),
        ])),
        drainUnanswered: () => [unanswered, unanswered = []][0],
        notes,
      });
    } finally {
      await running.stop();
    }
  } finally {
    await endpoint.close();
  }
}
