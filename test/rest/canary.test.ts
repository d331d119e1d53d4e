import { Duration } from 'aws-cdk-lib';
import { CanaryOptions, CanaryRelease, SecureLambdaApi } from '../../src';
import { countOf, newApi, templateOf } from '../support/fixtures';

const BASELINE = 'Custom::GatewayKitStageBaseline';
const REMOVAL = 'Custom::GatewayKitStageCanaryRemoval';

function apiWithCanary(canary: CanaryOptions = { percentTraffic: 10, stageVariableOverrides: { version: 'v2' } }, then?: (api: SecureLambdaApi) => void) {
  const result = newApi((handler) => ({
    routes: { 'GET /items': { handler } },
    stages: { prod: { variables: { version: 'v1', region: 'eu' }, canary }, dev: {} },
  }));
  then?.(result.api);
  const stages = templateOf(result.stack).findResources('AWS::ApiGateway::Stage', { Properties: { StageName: 'prod' } });
  return { ...result, prodStage: Object.values(stages)[0].Properties };
}

describe('canary releases', () => {
  describe('without a canary', () => {
    test('serves the current deployment and has no canary settings', () => {
      const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
      templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
        DeploymentId: stack.resolve(api.restApi.latestDeployment!.deploymentId),
      });
      const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0].Properties;
      expect(stage.CanarySetting).toBeUndefined();
    });

    test('removes a canary left on the deployed stage, after the stage is updated', () => {
      const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
      const removals = templateOf(stack).findResources(REMOVAL);
      expect(Object.keys(removals)).toHaveLength(1);
      const [removal] = Object.values(removals);
      expect(removal.Properties).toMatchObject({
        RestApiId: stack.resolve(api.restApi.restApiId),
        StageName: 'prod',
        StageDeploymentId: stack.resolve(api.restApi.latestDeployment!.deploymentId),
      });
      expect(removal.DependsOn).toContain(stack.getLogicalId(api.stage.node.defaultChild as any));
    });
  });

  describe('with a canary', () => {
    test('sends percentTraffic of the requests to the current deployment with the variable overrides', () => {
      const { stack, api, prodStage } = apiWithCanary();
      expect(prodStage.CanarySetting).toEqual({
        DeploymentId: stack.resolve(api.restApi.latestDeployment!.deploymentId),
        PercentTraffic: 10,
        StageVariableOverrides: { version: 'v2' },
        UseStageCache: false,
      });
    });

    test('keeps the stage on the deployment it served before, read at deploy time', () => {
      const { stack, prodStage } = apiWithCanary();
      const [baselineId] = Object.keys(templateOf(stack).findResources(BASELINE));
      expect(prodStage.DeploymentId).toEqual({ 'Fn::GetAtt': [baselineId, 'DeploymentId'] });
    });

    test('leaves stages without a canary on the current deployment', () => {
      const { stack, api } = apiWithCanary();
      templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', {
        StageName: 'dev',
        DeploymentId: stack.resolve(api.restApi.latestDeployment!.deploymentId),
      });
    });

    test('does not remove the canary of its stage while it is active', () => {
      const { stack } = apiWithCanary();
      const removals = Object.values(templateOf(stack).findResources(REMOVAL));
      expect(removals.map((removal) => removal.Properties.StageName)).toEqual(['dev']);
    });

    test('can let canary requests use the stage cache', () => {
      const { prodStage } = apiWithCanary({ percentTraffic: 5, useStageCache: true });
      expect(prodStage.CanarySetting.UseStageCache).toBe(true);
    });

    test('exposes the canary of each stage by name', () => {
      const { api } = apiWithCanary();
      expect(Object.keys(api.canaries)).toEqual(['prod']);
      expect(api.canaries.prod.release).toBe(CanaryRelease.ACTIVE);
    });
  });

  describe('after promotion', () => {
    const promoted = () => apiWithCanary(undefined, (api) => api.promoteCanary('prod'));

    test('serves the canary\'s deployment and has no canary settings', () => {
      const { stack, api, prodStage } = promoted();
      expect(prodStage.DeploymentId).toEqual(stack.resolve(api.restApi.latestDeployment!.deploymentId));
      expect(prodStage.CanarySetting).toBeUndefined();
      expect(countOf(stack, BASELINE)).toBe(0);
    });

    test('merges the canary\'s variable overrides into the stage variables', () => {
      const { prodStage } = promoted();
      expect(prodStage.Variables).toEqual({ version: 'v2', region: 'eu' });
    });

    test('removes the canary from the deployed stage', () => {
      const { stack } = promoted();
      const removal = Object.values(templateOf(stack).findResources(REMOVAL, { Properties: { StageName: 'prod' } }));
      expect(removal).toHaveLength(1);
      expect(removal[0].Properties.Trigger).toBe(CanaryRelease.PROMOTED);
    });
  });

  describe('after rollback', () => {
    const rolledBack = () => apiWithCanary(undefined, (api) => api.rollBackCanary('prod'));

    test('keeps the stage on the deployment and variables it served before', () => {
      const { stack, prodStage } = rolledBack();
      const [baselineId] = Object.keys(templateOf(stack).findResources(BASELINE));
      expect(prodStage.DeploymentId).toEqual({ 'Fn::GetAtt': [baselineId, 'DeploymentId'] });
      expect(prodStage.Variables).toEqual({ version: 'v1', region: 'eu' });
      expect(prodStage.CanarySetting).toBeUndefined();
    });

    test('removes the canary from the deployed stage', () => {
      const { stack } = rolledBack();
      const removal = Object.values(templateOf(stack).findResources(REMOVAL, { Properties: { StageName: 'prod' } }));
      expect(removal[0].Properties.Trigger).toBe(CanaryRelease.ROLLED_BACK);
    });
  });

  describe('alarms', () => {
    const withAlarms = () => apiWithCanary({ percentTraffic: 10, alarms: { serverErrorRatePercent: 2, latencyP99: Duration.millis(1500) } });

    test('alarm on the canary\'s 5XX rate, computed from canary requests in the access logs', () => {
      const { stack, api } = withAlarms();
      const alarms = templateOf(stack).findResources('AWS::CloudWatch::Alarm', { Properties: { Threshold: 2 } });
      const alarm = Object.values(alarms)[0].Properties;
      expect(alarm).toMatchObject({ ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching' });
      expect(alarm.Metrics[0].Expression).toBe('100 * FILL(errors, 0) / requests');
      const names = Object.fromEntries(alarm.Metrics.slice(1).map((m: any) => [m.Id, m.MetricStat.Metric.MetricName]));
      expect(names).toEqual({ errors: 'CanaryServerErrors', requests: 'CanaryRequests' });
      expect(api.canaries.prod.serverErrorRateAlarm).toBeDefined();
    });

    test('alarm on the canary\'s p99 latency in milliseconds', () => {
      const { stack } = withAlarms();
      templateOf(stack).hasResourceProperties('AWS::CloudWatch::Alarm', {
        MetricName: 'CanaryLatency',
        ExtendedStatistic: 'p99',
        Threshold: 1500,
      });
    });

    test('count canary requests and 5XX answers from the stage\'s access logs', () => {
      const { stack, api } = withAlarms();
      templateOf(stack).hasResourceProperties('AWS::Logs::MetricFilter', {
        LogGroupName: stack.resolve(api.accessLogGroups.prod.logGroupName),
        FilterPattern: '{ ($.isCanaryRequest = "true") && ($.status = "5*") }',
      });
    });

    test('are absent unless asked for', () => {
      const { stack } = apiWithCanary();
      expect(countOf(stack, 'AWS::CloudWatch::Alarm')).toBe(0);
    });
  });

  describe('bad input', () => {
    test('refuses percentTraffic above 100', () => {
      expect(() => apiWithCanary({ percentTraffic: 150 }))
        .toThrow(/stages\['prod'\]\.canary\.percentTraffic must be between 0 and 100 \(a percentage of the stage's requests\), got 150/);
    });

    test('refuses a negative percentTraffic', () => {
      expect(() => apiWithCanary({ percentTraffic: -1 })).toThrow(/canary\.percentTraffic must be between 0 and 100 .* got -1/);
    });

    test('refuses a fractional number of evaluation periods', () => {
      expect(() => apiWithCanary({ percentTraffic: 10, alarms: { evaluationPeriods: 2.5 } }))
        .toThrow("[NegativeOrFractional] TestStack/Api: stages['prod'].canary.alarms.evaluationPeriods must be a whole number, got 2.5");
    });

    test('refuses a canary without percentTraffic', () => {
      expect(() => apiWithCanary({} as CanaryOptions)).toThrow(/\[CanaryPercentTraffic\] .*stages\['prod'\]\.canary\.percentTraffic is undefined; expected the percentage \(0 to 100\) of requests the canary serves/);
    });

    test('refuses promoting the canary of a stage that does not exist', () => {
      expect(() => apiWithCanary(undefined, (api) => api.promoteCanary('beta')))
        .toThrow(/promoteCanary: stageName 'beta' is not a stage of this API; stages are prod, dev/);
    });

    test('refuses promoting a stage that has no canary', () => {
      expect(() => apiWithCanary(undefined, (api) => api.promoteCanary('dev')))
        .toThrow(/promoteCanary\('dev'\): stage 'dev' has no canary; add stages\['dev'\]\.canary first \(stages with a canary: prod\)/);
    });

    test('refuses ending a release twice', () => {
      expect(() => apiWithCanary(undefined, (api) => { api.promoteCanary('prod'); api.rollBackCanary('prod'); }))
        .toThrow(/the canary of stage 'prod' is already promoted; call promoteCanary\(\) or rollBackCanary\(\) once/);
    });

    test('refuses an invalid canary variable override', () => {
      expect(() => apiWithCanary({ percentTraffic: 10, stageVariableOverrides: { 'a b': 'x' } }))
        .toThrow(/stages\['prod'\]\.canary\.stageVariableOverrides has the variable name 'a b'/);
    });

    test('refuses a canary alarm rate above 100 percent', () => {
      expect(() => apiWithCanary({ percentTraffic: 10, alarms: { serverErrorRatePercent: 120 } }))
        .toThrow(/stages\['prod'\]\.canary\.alarms\.serverErrorRatePercent must be between 0 and 100, got 120/);
    });
  });
});
