import { badRequest } from './errors';
import { ApiKeyRecord } from './key-store';
import { epochSeconds, items, OperationRequest, RouteDefinition } from './operation';
import { PatchOperation } from './stage-patch';
import { UsagePlanModel } from '../model';

/** The API key, usage plan and usage operations: what `keys` and `usage` use. */
export const KEY_ROUTES: readonly RouteDefinition[] = [
  {
    name: 'GetApiKeys',
    method: 'GET',
    path: '/apikeys',
    operation: (state, r) => {
      const nameQuery = r.query.get('name');
      const customerId = r.query.get('customerId');
      const keys = state.keys.allKeys()
        .filter((key) => (!nameQuery || key.name.startsWith(nameQuery)) && (!customerId || key.customerId === customerId));
      return items(keys.map((key) => apiKeyJson(key, r.query.get('includeValues') === 'true')));
    },
  },
  {
    name: 'GetApiKey',
    method: 'GET',
    path: '/apikeys/{apiKey}',
    operation: (state, r) => ({ json: apiKeyJson(state.keys.key(r.params.apiKey), r.query.get('includeValue') === 'true') }),
  },
  {
    name: 'CreateApiKey',
    method: 'POST',
    path: '/apikeys',
    operation: (state, r) => {
      const value = optionalString(r, 'value');
      if (value !== undefined && !/^[A-Za-z0-9]{20,128}$/.test(value)) {
        throw badRequest('API Key value should be at least 20 characters');
      }
      const key = state.keys.create({
        name: optionalString(r, 'name'), value, enabled: r.body.enabled === true, description: optionalString(r, 'description'), customerId: optionalString(r, 'customerId'),
      });
      return { status: 201, json: apiKeyJson(key, true) };
    },
  },
  {
    name: 'UpdateApiKey',
    method: 'PATCH',
    path: '/apikeys/{apiKey}',
    operation: (state, r) => {
      let key = state.keys.key(r.params.apiKey);
      for (const operation of (Array.isArray(r.body.patchOperations) ? r.body.patchOperations : []) as PatchOperation[]) {
        if (operation.op !== 'replace' || operation.path !== '/enabled' || (operation.value !== 'true' && operation.value !== 'false')) {
          throw badRequest(`Invalid patch operation '${operation.op} ${operation.path}'; the local control plane patches 'replace /enabled' with 'true' or 'false'`);
        }
        key = state.keys.setEnabled(key.id, operation.value === 'true');
      }
      return { json: apiKeyJson(key, false) };
    },
  },
  {
    name: 'GetUsagePlans',
    method: 'GET',
    path: '/usageplans',
    operation: (state, r) => {
      const keyId = r.query.get('keyId');
      const plans = state.keys.allPlans().filter((plan) => !keyId || state.keys.keysOf(plan.usagePlanId).includes(keyId));
      return items(plans.map(usagePlanJson));
    },
  },
  { name: 'GetUsagePlan', method: 'GET', path: '/usageplans/{usagePlanId}', operation: (state, r) => ({ json: usagePlanJson(state.keys.plan(r.params.usagePlanId)) }) },
  {
    name: 'GetUsagePlanKeys',
    method: 'GET',
    path: '/usageplans/{usagePlanId}/keys',
    operation: (state, r) => items(state.keys.keysOf(r.params.usagePlanId).map((id) => usagePlanKeyJson(state.keys.key(id)))),
  },
  {
    name: 'CreateUsagePlanKey',
    method: 'POST',
    path: '/usageplans/{usagePlanId}/keys',
    operation: (state, r) => {
      if (r.body.keyType !== 'API_KEY' || typeof r.body.keyId !== 'string') {
        throw badRequest('keyId and keyType API_KEY are required');
      }
      return { status: 201, json: usagePlanKeyJson(state.keys.attach(r.params.usagePlanId, r.body.keyId)) };
    },
  },
  {
    name: 'DeleteUsagePlanKey',
    method: 'DELETE',
    path: '/usageplans/{usagePlanId}/keys/{keyId}',
    operation: (state, r) => (state.keys.detach(r.params.usagePlanId, r.params.keyId), { status: 202, json: {} }),
  },
  {
    name: 'GetUsage',
    method: 'GET',
    path: '/usageplans/{usagePlanId}/usage',
    operation: (state, r) => {
      const plan = state.keys.plan(r.params.usagePlanId);
      const [startDate, endDate] = [r.query.get('startDate'), r.query.get('endDate')];
      if (!startDate || !endDate) {
        throw badRequest('startDate and endDate are required');
      }
      const keyId = r.query.get('keyId');
      const keyIds = keyId ? [state.keys.key(keyId).id] : state.keys.keysOf(plan.usagePlanId);
      return { json: { usagePlanId: plan.usagePlanId, startDate, endDate, values: state.usage.usage(plan, keyIds, startDate, endDate) } };
    },
  },
];

function apiKeyJson(key: ApiKeyRecord, includeValue: boolean): unknown {
  return {
    id: key.id,
    name: key.name,
    value: includeValue ? key.value : undefined,
    enabled: key.enabled,
    description: key.description,
    customerId: key.customerId,
    createdDate: epochSeconds(key.createdDate),
    lastUpdatedDate: epochSeconds(key.lastUpdatedDate),
  };
}

function usagePlanKeyJson(key: ApiKeyRecord): unknown {
  return { id: key.id, type: 'API_KEY', name: key.name, value: key.value };
}

function usagePlanJson(plan: UsagePlanModel): unknown {
  return {
    id: plan.usagePlanId,
    name: plan.name,
    apiStages: plan.apiStages.map((stage) => ({ apiId: stage.apiId, stage: stage.stageName, throttle: stage.throttle })),
    throttle: plan.throttle,
    quota: plan.quota,
  };
}

function optionalString(request: OperationRequest, name: string): string | undefined {
  const value = request.body[name];
  return typeof value === 'string' ? value : undefined;
}
