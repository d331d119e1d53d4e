import { applyStagePatch } from '../../src/control-plane/stage-patch';
import { RestStageModel } from '../../src/model';

const STAGE: RestStageModel = {
  stageName: 'prod',
  deploymentId: 'old111',
  variables: { flags: 'v1', region: 'eu' },
  methodSettings: [],
  tracingEnabled: false,
  canary: { percentTraffic: 10, deploymentId: 'new222', stageVariableOverrides: { flags: 'v2' }, useStageCache: false },
};
const DEPLOYMENTS = ['old111', 'new222'];

describe('UpdateStage patch operations of the local control plane', () => {
  test('the copies of API Gateway\'s promotion guide give the stage the canary deployment and overrides', () => {
    const promoted = applyStagePatch(STAGE, [
      { op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' },
      { op: 'copy', from: '/canarySettings/stageVariableOverrides', path: '/variables' },
      { op: 'replace', path: '/canarySettings/percentTraffic', value: '0.0' },
    ], DEPLOYMENTS);
    expect(promoted).toMatchObject({ deploymentId: 'new222', variables: { flags: 'v2', region: 'eu' }, canary: { percentTraffic: 0 } });
  });

  test('remove /canarySettings leaves the deployment and variables as they are', () => {
    expect(applyStagePatch(STAGE, [{ op: 'remove', path: '/canarySettings' }], DEPLOYMENTS)).toEqual({ ...STAGE, canary: undefined });
  });

  test('a stage variable is replaced, added and removed by its path', () => {
    const patched = applyStagePatch(STAGE, [
      { op: 'replace', path: '/variables/flags', value: 'v3' },
      { op: 'add', path: '/variables/tier', value: 'gold' },
      { op: 'remove', path: '/variables/region' },
    ], DEPLOYMENTS);
    expect(patched.variables).toEqual({ flags: 'v3', tier: 'gold' });
  });

  test('a deployment id the API does not have is refused', () => {
    expect(() => applyStagePatch(STAGE, [{ op: 'replace', path: '/deploymentId', value: 'zzz999' }], DEPLOYMENTS)).toThrow(/^Invalid deployment identifier specified: zzz999$/);
  });

  test('a canary share outside 0 to 100 is refused', () => {
    expect(() => applyStagePatch(STAGE, [{ op: 'replace', path: '/canarySettings/percentTraffic', value: '150' }], DEPLOYMENTS)).toThrow(/^Invalid percentTraffic '150'/);
  });

  test('a path the control plane does not patch is refused rather than ignored', () => {
    expect(() => applyStagePatch(STAGE, [{ op: 'replace', path: '/tracingEnabled', value: 'true' }], DEPLOYMENTS)).toThrow(/^Invalid patch path '\/tracingEnabled' for op 'replace'/);
  });

  test('copying from the canary of a stage without one is refused', () => {
    expect(() => applyStagePatch({ ...STAGE, canary: undefined }, [{ op: 'copy', from: '/canarySettings/deploymentId', path: '/deploymentId' }], DEPLOYMENTS))
      .toThrow(/^Cannot copy to \/deploymentId: stage 'prod' has no canary settings$/);
  });
});
