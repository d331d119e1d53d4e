import { APIGatewayClient } from '@aws-sdk/client-api-gateway';
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { MeteredApi, RestAuthorizer } from '../../../src';
import { SimulatedFault } from '../../src/control-plane';
import { ECHO_HANDLER, nodeFunction, serveApp, ServedTestApp } from '../support/app';

/** The stack, API and construct paths of {@link serveMeteredApp}. */
export const STACK = 'TestStack';
export const API_PATH = 'TestStack/Metered';

/**
 * A MeteredApi with two customers of a tier with a daily quota of 100 (one key generated into a secret, one disabled), a
 * stage `prod` with a canary (50%, variable flags v1 -> v2), served with the local control plane.
 */
export function serveMeteredApp(faults: Record<string, SimulatedFault> = {}): Promise<ServedTestApp> {
  return serveApp((stack) => {
    const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
    new MeteredApi(stack, 'Metered', {
      tiers: { free: { quota: { limit: 100, period: apigateway.Period.DAY } } },
      customers: { acme: { tier: 'free' }, globex: { tier: 'free', enabled: false } },
      authorizer: RestAuthorizer.iam(),
      stages: { prod: { variables: { flags: 'v1' }, canary: { percentTraffic: 50, stageVariableOverrides: { flags: 'v2' } } } },
      routes: { 'GET /orders': { handler, isPublic: true } },
    });
  }, { seed: 7, controlPlane: { port: 0, faults: new Map(Object.entries(faults)) } });
}

const CLIENT_CONFIG = { region: 'eu-west-1', credentials: { accessKeyId: 'local', secretAccessKey: 'local' }, maxAttempts: 1 };

/** The real AWS SDK v3 clients, pointed at the app's control plane with dummy credentials. */
export function clientsOf(app: ServedTestApp) {
  const endpoint = app.running.controlPlaneUrl!;
  return {
    apiGateway: new APIGatewayClient({ ...CLIENT_CONFIG, endpoint }),
    cloudFormation: new CloudFormationClient({ ...CLIENT_CONFIG, endpoint }),
    secretsManager: new SecretsManagerClient({ ...CLIENT_CONFIG, endpoint }),
  };
}

/** The served REST API's id. */
export function restApiId(app: ServedTestApp): string {
  return app.running.apis.find((api) => api.kind === 'REST')!.apiId;
}

/** Synthesizing and serving the MeteredApi app takes seconds, more on a loaded machine than jest's default 5 s. */
export const SERVE_TIMEOUT_MS = 60_000;
