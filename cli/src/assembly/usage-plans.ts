import { ApiKeyModel, QuotaModel, ThrottleModel, UsagePlanModel } from '../model';
import { isOneOf } from './json';
import { PropertyReader } from './property-reader';
import { ResourceIndex, TemplateResource } from './resources';
import { ALPHANUMERIC, stableToken } from './stable-ids';
import { UnsupportedReport } from './unsupported';

const QUOTA_PERIODS: ReadonlyArray<QuotaModel['period']> = ['DAY', 'WEEK', 'MONTH'];

/** Every usage plan with its stages, limits and the API keys `AWS::ApiGateway::UsagePlanKey`s bind to it. */
export function buildUsagePlans(index: ResourceIndex, report: UnsupportedReport): UsagePlanModel[] {
  const apiKeys = new Map(index.ofType('AWS::ApiGateway::ApiKey').flatMap((key) => {
    const model = report.serveOrReport(key.origin, key.type, `the API key ${key.logicalId}`, () => buildApiKey(key));
    return model ? [[model.apiKeyId, model] as const] : [];
  }));
  const planKeys = index.ofType('AWS::ApiGateway::UsagePlanKey').filter((planKey) =>
    report.serveOrReport(planKey.origin, planKey.type, `the usage plan key ${planKey.logicalId}`, () => planKey.properties()) !== undefined);
  return index.ofType('AWS::ApiGateway::UsagePlan').flatMap((plan) => {
    const model = report.serveOrReport(plan.origin, plan.type, `the usage plan ${plan.logicalId}`, () => buildUsagePlan(plan, apiKeys, planKeys, report));
    return model ? [model] : [];
  });
}

function buildUsagePlan(
  plan: TemplateResource, apiKeys: ReadonlyMap<string, ApiKeyModel>, planKeys: readonly TemplateResource[], report: UnsupportedReport,
): UsagePlanModel {
  const usagePlanId = plan.ref();
  const properties = plan.properties();
  const throttle = properties.object('Throttle');
  const quota = properties.object('Quota');
  return {
    origin: plan.origin,
    usagePlanId,
    name: properties.optionalString('UsagePlanName') ?? plan.logicalId,
    apiStages: properties.objectList('ApiStages').map((stage) => ({
      apiId: stage.string('ApiId'),
      stageName: stage.string('Stage'),
      throttle: Object.fromEntries(stage.objectEntries('Throttle').map(([methodPath, limits]) => [methodPath, throttleOf(limits)])),
    })),
    throttle: throttle && throttleOf(throttle),
    quota: quota && quotaOf(plan, quota),
    apiKeys: planKeys
      .filter((planKey) => planKey.properties().string('UsagePlanId') === usagePlanId)
      .flatMap((planKey) => {
        const keyId = planKey.properties().string('KeyId');
        const key = apiKeys.get(keyId);
        if (!key) {
          report.add(planKey.origin, planKey.type, `binds the API key ${keyId}, which is not defined in the cloud assembly, to the usage plan ${usagePlanId}; that key is not accepted`);
        }
        return key ? [key] : [];
      }),
  };
}

/**
 * A key without a `Value`, or whose value is a dynamic reference to a secret, gets a 40-character value derived from
 * its stack and logical id, the same on every run.
 */
function buildApiKey(key: TemplateResource): ApiKeyModel {
  const properties = key.properties();
  const value = properties.optionalString('Value');
  const generatedValue = value === undefined || value.includes('{{resolve:');
  return {
    origin: key.origin,
    apiKeyId: key.ref(),
    value: generatedValue ? stableToken([key.stack.stackName, key.logicalId, 'api-key-value'], 40, ALPHANUMERIC) : value,
    generatedValue,
    enabled: properties.optionalBoolean('Enabled') ?? true,
    stageKeys: properties.objectList('StageKeys').map((stageKey) => `${stageKey.string('RestApiId')}/${stageKey.string('StageName')}`),
  };
}

function throttleOf(limits: PropertyReader): ThrottleModel {
  return { rateLimit: limits.optionalNumber('RateLimit'), burstLimit: limits.optionalNumber('BurstLimit') };
}

function quotaOf(plan: TemplateResource, quota: PropertyReader): QuotaModel {
  const period = quota.string('Period').toUpperCase();
  if (!isOneOf(period, QUOTA_PERIODS)) {
    throw plan.error(`has Quota.Period ${period}; expected DAY, WEEK or MONTH`);
  }
  return { limit: quota.number('Limit'), period, offset: quota.optionalNumber('Offset') ?? 0 };
}
