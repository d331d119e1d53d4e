import { serveAwsService } from './aws-service';
import { serveHttp } from './http';
import type { IntegrationCall } from './integration-call';
import { serveLambdaCustom } from './lambda-custom';
import { serveLambdaProxy } from './lambda-proxy';
import { serveMock } from './mock';
import type { HandledRequest } from '../../gateway/api-request';
import type { RestIntegrationModel } from '../../model';

export type { IntegrationCall, RestIntegrationDeps } from './integration-call';

/** Calls the method's integration, by its type. */
export function serveIntegration(integration: RestIntegrationModel, call: IntegrationCall): Promise<HandledRequest> {
  switch (integration.type) {
    case 'AWS_PROXY':
      return serveLambdaProxy(integration, call);
    case 'AWS':
      return integration.functionArn !== undefined ? serveLambdaCustom(integration, call) : serveAwsService(integration, call);
    case 'MOCK':
      return serveMock(integration, call);
    case 'HTTP':
    case 'HTTP_PROXY':
      return serveHttp(integration, call);
    case 'UNSUPPORTED':
      return Promise.resolve(call.fail({ type: 'API_CONFIGURATION_ERROR', note: `${integration.integrationType} integrations are not served by gatewaykit` }));
  }
}
