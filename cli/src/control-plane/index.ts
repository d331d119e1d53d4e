import { ControlPlaneServer } from './control-plane-server';
import { deployedStacks } from './deployed-stacks';
import { FaultPlan } from './faults';
import { KeyStore } from './key-store';
import { RestApiStates } from './rest-api-states';
import { SecretStore } from './secret-store';
import { UsageLedger } from './usage-ledger';
import { Clock } from '../clock';
import { AppModel } from '../model';
import { parseSecretReference, secretStringOf } from '../ops/secret-reference';
import { RestApiHandler } from '../rest/rest-api-handler';
import { UsageMetering } from '../rest/usage-metering';
import type { InFlight } from '../server/in-flight';
import type { ListenerSet } from '../server/listener-set';
import { ServedApiPlan } from '../server/served-apis';

export type { SimulatedFault } from './faults';
export { SIMULATED_FAULTS } from './faults';

/** Where the control plane listens and how it fails on purpose. */
export interface ControlPlaneSettings {
  /** Its port. Default: the one after the APIs' ports, or a free one when that is taken or the APIs take free ports. */
  readonly port?: number;
  /** Operations answered with a simulated AccessDenied or Throttling error. Default: none. */
  readonly faults?: FaultPlan;
}

/** What the control plane needs of the running app. */
export interface ServedApp {
  readonly assemblyDir: string;
  readonly model: AppModel;
  readonly region: string;
  readonly accountId: string;
  readonly metering: UsageMetering;
  readonly plans: readonly ServedApiPlan[];
  readonly clock: Clock;
  readonly host: string;
  /** The port to listen on unless the settings give one: the one after the APIs' ports (0: a free port). */
  readonly defaultPort: number;
  readonly log: (line: string) => void;
  /** Where the control plane's listener is kept (watch mode's next app answers on it), and the app it answers for. */
  readonly listeners: ListenerSet;
  readonly inFlight: InFlight;
}

/** The running control plane: its URL (its listener is closed with the others of `listeners`). */
export interface RunningControlPlane {
  readonly url: string;
}

/**
 * Starts the local control plane of a running app: API Gateway's management API over the app's live state (stages and
 * canaries, usage plans, keys and metered usage, exports, SDK stubs), and the CloudFormation and Secrets Manager calls
 * the operations commands make to find ids and key values.
 */
export async function startControlPlane(settings: ControlPlaneSettings, options: ServedApp): Promise<RunningControlPlane> {
  const stacks = deployedStacks(options.assemblyDir, { region: options.region, accountId: options.accountId });
  const usage = new UsageLedger();
  options.metering.onUsage((metered) => usage.record(metered));
  const secrets = new SecretStore();
  for (const key of options.model.usagePlans.flatMap((plan) => plan.apiKeys)) {
    const reference = parseSecretReference(stacks.find((s) => s.stackName === key.origin.stackName)?.property(key.origin.logicalId, 'Value'));
    if (reference) {
      secrets.add(reference.secretId, secretStringOf(key.value, reference.jsonField), options.clock.now());
    }
  }
  const restHandlers = new Map(options.plans.flatMap(({ handler, model }) =>
    (handler instanceof RestApiHandler ? [[model.apiId, handler] as const] : [])));
  const apiGateway = {
    restApis: new RestApiStates(options.model, restHandlers, options.accountId),
    keys: new KeyStore(options.model, stacks, options.metering, options.clock),
    usage,
    metering: options.metering,
    region: options.region,
  };
  const services = { apiGateway, stacks, secrets, faults: settings.faults ?? new Map() };
  const listen = (port: number) => options.listeners.listen('control plane', services, options.inFlight, (s) => new ControlPlaneServer(s, (error) =>
    options.log(`gatewaykit: internal error of the control plane: ${error instanceof Error ? error.stack : String(error)}`)), port, options.host);
  const { port } = settings.port !== undefined
    ? await listen(settings.port)
    // The default port, taken by something else, gives way to a free one: the startup report says which.
    : await listen(options.defaultPort).catch(() => listen(0));
  const host = options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return { url: `http://${host.includes(':') ? `[${host}]` : host}:${port}` };
}
