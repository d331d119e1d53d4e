import { badRequest } from './errors';
import { items, OperationRequest, RouteDefinition } from './operation';
import { applyStagePatch, PatchOperation } from './stage-patch';
import { RestApiModel, RestStageModel } from '../model';

/** The REST API, stage and deployment operations: what `canary` and `cache` use, and what resolves names to ids. */
export const STAGE_ROUTES: readonly RouteDefinition[] = [
  { name: 'GetRestApis', method: 'GET', path: '/restapis', operation: (state) => items(state.restApis.list().map(restApiJson)) },
  { name: 'GetRestApi', method: 'GET', path: '/restapis/{restApiId}', operation: (state, r) => ({ json: restApiJson(state.restApis.api(r.params.restApiId)) }) },
  {
    name: 'GetStages',
    method: 'GET',
    path: '/restapis/{restApiId}/stages',
    operation: (state, r) => ({ json: { item: state.restApis.stagesOf(r.params.restApiId).map(stageJson) } }),
  },
  {
    name: 'GetStage',
    method: 'GET',
    path: '/restapis/{restApiId}/stages/{stageName}',
    operation: (state, r) => ({ json: stageJson(state.restApis.stage(r.params.restApiId, r.params.stageName)) }),
  },
  {
    name: 'UpdateStage',
    method: 'PATCH',
    path: '/restapis/{restApiId}/stages/{stageName}',
    operation: (state, r) => {
      const { restApiId, stageName } = r.params;
      const stage = state.restApis.stage(restApiId, stageName);
      const known = [...state.restApis.api(restApiId).deploymentIds, ...state.restApis.stagesOf(restApiId).flatMap(deploymentsOf)];
      const updated = applyStagePatch(stage, patchOperations(r), known);
      state.restApis.update(restApiId, updated);
      return { json: stageJson(updated) };
    },
  },
  {
    name: 'GetDeployments',
    method: 'GET',
    path: '/restapis/{restApiId}/deployments',
    operation: (state, r) => items(state.restApis.api(r.params.restApiId).deploymentIds.map((id) => ({ id }))),
  },
  {
    // The runtime keeps no stage cache (it serves every request from the integration), so there is nothing to flush.
    name: 'FlushStageCache',
    method: 'DELETE',
    path: '/restapis/{restApiId}/stages/{stageName}/cache/data',
    operation: (state, r) => (state.restApis.stage(r.params.restApiId, r.params.stageName), { status: 202, json: {} }),
  },
  {
    name: 'FlushStageAuthorizersCache',
    method: 'DELETE',
    path: '/restapis/{restApiId}/stages/{stageName}/cache/authorizers',
    operation: (state, r) => {
      state.restApis.stage(r.params.restApiId, r.params.stageName);
      state.restApis.flushAuthorizerCaches(r.params.restApiId);
      return { status: 202, json: {} };
    },
  },
];

function restApiJson(api: RestApiModel): unknown {
  return {
    id: api.apiId,
    name: api.name,
    apiKeySource: api.apiKeySource,
    binaryMediaTypes: api.binaryMediaTypes,
    disableExecuteApiEndpoint: api.disableExecuteApiEndpoint,
    endpointConfiguration: { types: ['REGIONAL'] },
  };
}

/** A stage as `GetStage` answers: deployment, variables, canary settings, throttling method settings. */
export function stageJson(stage: RestStageModel): unknown {
  const methodSettings = Object.fromEntries(stage.methodSettings.map((setting) => [
    `${setting.resourcePath.replace(/^\//, '') || '*'}/${setting.httpMethod}`,
    { throttlingRateLimit: setting.throttlingRateLimit, throttlingBurstLimit: setting.throttlingBurstLimit },
  ]));
  return {
    stageName: stage.stageName,
    deploymentId: stage.deploymentId,
    variables: stage.variables,
    methodSettings,
    tracingEnabled: stage.tracingEnabled,
    cacheClusterEnabled: false,
    canarySettings: stage.canary && {
      percentTraffic: stage.canary.percentTraffic,
      deploymentId: stage.canary.deploymentId,
      stageVariableOverrides: stage.canary.stageVariableOverrides,
      useStageCache: stage.canary.useStageCache,
    },
  };
}

function deploymentsOf(stage: RestStageModel): string[] {
  return stage.canary ? [stage.deploymentId, stage.canary.deploymentId] : [stage.deploymentId];
}

function patchOperations(request: OperationRequest): PatchOperation[] {
  const operations = request.body.patchOperations;
  if (!Array.isArray(operations)) {
    throw badRequest('patchOperations must be a list of {op, path, value, from}');
  }
  return operations as PatchOperation[];
}
