import { APIGatewayClient, GetStageCommand, Stage, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import {
  CustomResourceRequest,
  CustomResourceResponse,
  putResponse,
  readRequest,
  ResponseSender,
  shortReason,
} from './cfn-response.lambda-shared';
import { createLogger, errorFields, errorNameOf, LogFields, LogLevel, messageOf } from './log.lambda-shared';
import {
  BASELINE_DEPLOYMENT_ID_ATTRIBUTE,
  CANARY_REMOVED_ATTRIBUTE,
  InvalidRequestError,
  parseStageBaselineProperties,
  parseStageCanaryRemovalProperties,
  STAGE_BASELINE_RESOURCE_TYPE,
  STAGE_CANARY_REMOVAL_RESOURCE_TYPE,
  stageBaselinePhysicalId,
  stageCanaryRemovalPhysicalId,
} from './stage-canary-properties.lambda-shared';

/**
 * Serves the two canary custom resources of REST API stages (`Custom::GatewayKitStageBaseline` and
 * `Custom::GatewayKitStageCanaryRemoval`). CloudFormation invokes it directly and waits for the response at the
 * pre-signed URL, so every request with a usable URL gets a response, FAILED with a short reason on any error.
 */
export interface StageCanaryHandlerDependencies {
  readonly client: APIGatewayClient;
  readonly send: ResponseSender;
}

export type StageCanaryHandler = (event: unknown) => Promise<void>;

/** One resource type's work on Create and Update: the physical id is known before any call is made. */
interface Action {
  readonly physicalResourceId: string;
  run(client: APIGatewayClient): Promise<Record<string, string>>;
}

const logger = createLogger('gatewaykit-stage-canary');

export function handlerWith(dependencies: StageCanaryHandlerDependencies): StageCanaryHandler {
  return async (event) => {
    const request = readRequest(event);
    if (request.responseUrl === undefined) {
      log('ERROR', request, { reason: 'ResponseURL is missing or not an https URL, so no response can be sent' });
      return;
    }
    const response = await respond(request, dependencies.client);
    log(response.Status === 'SUCCESS' ? 'INFO' : 'ERROR', request, {
      status: response.Status,
      physicalResourceId: response.PhysicalResourceId,
      reason: response.Reason,
      data: response.Data,
    });
    try {
      await dependencies.send(request.responseUrl, JSON.stringify(response));
    } catch (error) {
      log('ERROR', request, { reason: 'the response could not be delivered', ...errorFields(error) });
      // Thrown after the attempt, never before: Lambda retries the asynchronous invocation, and both operations are
      // idempotent, so a retry can still deliver a response before CloudFormation gives up on the resource.
      throw new Error(`the response to CloudFormation could not be delivered (${errorNameOf(error)})`);
    }
  };
}

export const handler: StageCanaryHandler = handlerWith({
  // API Gateway's control plane throttles hard (TooManyRequestsException) when many stages update at once.
  client: new APIGatewayClient({ maxAttempts: 8 }),
  send: putResponse,
});

async function respond(request: CustomResourceRequest, client: APIGatewayClient): Promise<CustomResourceResponse> {
  const envelope = { StackId: request.stackId, RequestId: request.requestId, LogicalResourceId: request.logicalResourceId };
  const fallbackId = request.physicalResourceId ?? `${request.logicalResourceId || 'resource'}/invalid-request`;
  if (request.requestType === 'Delete') {
    // Neither resource owns anything to delete. Succeeding whatever the properties hold keeps a rollback or a stack
    // deletion from getting stuck on a resource whose Create was refused.
    return { Status: 'SUCCESS', PhysicalResourceId: fallbackId, ...envelope };
  }
  let physicalResourceId = fallbackId;
  try {
    if (request.requestType !== 'Create' && request.requestType !== 'Update') {
      throw new InvalidRequestError(`RequestType must be Create, Update or Delete, got '${request.requestType}'`);
    }
    const action = actionOf(request);
    // A failed Update reports the id it had, so that the failure cannot look like a replacement.
    physicalResourceId = request.requestType === 'Create' ? action.physicalResourceId : fallbackId;
    const data = await action.run(client);
    return { Status: 'SUCCESS', PhysicalResourceId: action.physicalResourceId, ...envelope, Data: data };
  } catch (error) {
    return { Status: 'FAILED', Reason: shortReason(reasonOf(error)), PhysicalResourceId: physicalResourceId, ...envelope };
  }
}

function actionOf(request: CustomResourceRequest): Action {
  switch (request.resourceType) {
    case STAGE_BASELINE_RESOURCE_TYPE: {
      const properties = parseStageBaselineProperties(request.resourceProperties);
      return {
        physicalResourceId: stageBaselinePhysicalId(properties),
        run: async (client) => {
          const stage = await getStage(client, properties.RestApiId, properties.StageName);
          if (stage === undefined) {
            return { [BASELINE_DEPLOYMENT_ID_ATTRIBUTE]: properties.FallbackDeploymentId };
          }
          if (!stage.deploymentId) {
            throw new Error(`stage '${properties.StageName}' of REST API ${properties.RestApiId} reports no deploymentId`);
          }
          return { [BASELINE_DEPLOYMENT_ID_ATTRIBUTE]: stage.deploymentId };
        },
      };
    }
    case STAGE_CANARY_REMOVAL_RESOURCE_TYPE: {
      const properties = parseStageCanaryRemovalProperties(request.resourceProperties);
      return {
        physicalResourceId: stageCanaryRemovalPhysicalId(properties),
        run: async (client) => {
          const { RestApiId: restApiId, StageName: stageName } = properties;
          const stage = await getStage(client, restApiId, stageName);
          if (stage === undefined) {
            throw new Error(`stage '${stageName}' of REST API ${restApiId} does not exist, so its canary cannot be checked`);
          }
          if (stage.canarySettings === undefined || stage.canarySettings === null) {
            return { [CANARY_REMOVED_ATTRIBUTE]: 'false' };
          }
          await call('UpdateStage', () => client.send(new UpdateStageCommand({
            restApiId,
            stageName,
            patchOperations: [{ op: 'remove', path: '/canarySettings' }],
          })));
          return { [CANARY_REMOVED_ATTRIBUTE]: 'true' };
        },
      };
    }
    default:
      throw new InvalidRequestError(
        `ResourceType must be ${STAGE_BASELINE_RESOURCE_TYPE} or ${STAGE_CANARY_REMOVAL_RESOURCE_TYPE}, got '${request.resourceType}'`);
  }
}

/** The stage, or `undefined` when API Gateway reports it (or its API) does not exist. */
async function getStage(client: APIGatewayClient, restApiId: string, stageName: string): Promise<Stage | undefined> {
  try {
    return await client.send(new GetStageCommand({ restApiId, stageName }));
  } catch (error) {
    if (errorNameOf(error) === 'NotFoundException') {
      return undefined;
    }
    throw new AwsCallError('GetStage', error);
  }
}

async function call<T>(operation: string, send: () => Promise<T>): Promise<T> {
  try {
    return await send();
  } catch (error) {
    throw new AwsCallError(operation, error);
  }
}

/** An SDK error with the operation that raised it, e.g. `GetStage failed: AccessDeniedException: ...`. */
class AwsCallError extends Error {
  constructor(operation: string, cause: unknown) {
    super(`${operation} failed: ${errorNameOf(cause)}: ${messageOf(cause)}`);
    this.name = errorNameOf(cause);
  }
}

/** The handler's own errors carry a complete reason; anything else is prefixed with its class. */
function reasonOf(error: unknown): string {
  const own = error instanceof InvalidRequestError || error instanceof AwsCallError || (error instanceof Error && error.constructor === Error);
  return own ? messageOf(error) : `${errorNameOf(error)}: ${messageOf(error)}`;
}

/**
 * One JSON line per event. The request fields logged are ids CloudFormation generates; the ResponseURL, a
 * pre-signed credential, and the resource properties are never written.
 */
function log(level: LogLevel, request: CustomResourceRequest, fields: LogFields): void {
  logger(level, {
    requestType: request.requestType,
    resourceType: request.resourceType,
    logicalResourceId: request.logicalResourceId,
    requestId: request.requestId,
    ...fields,
  });
}
