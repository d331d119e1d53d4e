import { CanaryModel, MethodSettingModel, RestStageModel } from '../model';
import { PropertyReader } from './property-reader';
import { TemplateResource } from './resources';
import { UnsupportedReport } from './unsupported';

/**
 * The stages of one REST API: its `AWS::ApiGateway::Stage`s and the stages its deployments create with `StageName`
 * (aws-cdk-lib emits either). A stage whose deployment is not one of the API's (the deployment id read at deploy time
 * by a custom resource, as cdk-gatewaykit's canary stages do) serves the API's deployment: there is one per template.
 */
export function buildRestStages(
  deployments: readonly TemplateResource[],
  stages: readonly TemplateResource[],
  report: UnsupportedReport,
): RestStageModel[] {
  const deploymentIds = deployments.map((deployment) => deployment.ref());
  const served = (deploymentId: string | undefined) =>
    deploymentId !== undefined && deploymentIds.includes(deploymentId) ? deploymentId : deploymentIds[0] ?? deploymentId ?? '';
  const fromStages = stages.map((stage): RestStageModel => {
    const properties = stage.properties();
    const deploymentId = served(properties.optionalString('DeploymentId'));
    const canary = properties.object('CanarySetting');
    return {
      stageName: properties.string('StageName'),
      deploymentId,
      variables: properties.stringMap('Variables'),
      methodSettings: properties.objectList('MethodSettings').map(methodSettingOf),
      canary: canary && canaryOf(canary, served(canary.optionalString('DeploymentId') ?? deploymentId)),
      tracingEnabled: properties.optionalBoolean('TracingEnabled') ?? false,
    };
  });
  const fromDeployments = deployments.flatMap((deployment): RestStageModel[] => {
    const properties = deployment.properties();
    if (properties.has('DeploymentCanarySettings')) {
      report.add(deployment.origin, deployment.type,
        'DeploymentCanarySettings is not applied: its stage serves the deployment without a canary');
    }
    const stageName = properties.optionalString('StageName');
    if (stageName === undefined) return [];
    const description = properties.object('StageDescription') ?? new PropertyReader({}, `${deployment.logicalId}.StageDescription`);
    const canary = description.object('CanarySetting');
    return [{
      stageName,
      deploymentId: deployment.ref(),
      variables: description.stringMap('Variables'),
      methodSettings: [...stageWideThrottle(description), ...description.objectList('MethodSettings').map(methodSettingOf)],
      canary: canary && canaryOf(canary, deployment.ref()),
      tracingEnabled: description.optionalBoolean('TracingEnabled') ?? false,
    }];
  });
  return [...fromStages, ...fromDeployments];
}

/** `ResourcePath` escapes `/` as `~1` after a leading `/`: `/~1items~1{id}` is `/items/{id}`; `/*` and `/` stay. */
export function decodeResourcePath(resourcePath: string): string {
  return resourcePath.startsWith('/~1') ? resourcePath.slice(1).replace(/~1/g, '/') : resourcePath;
}

function methodSettingOf(setting: PropertyReader): MethodSettingModel {
  return {
    resourcePath: decodeResourcePath(setting.optionalString('ResourcePath') ?? '/*'),
    httpMethod: setting.optionalString('HttpMethod')?.toUpperCase() ?? '*',
    throttlingRateLimit: setting.optionalNumber('ThrottlingRateLimit'),
    throttlingBurstLimit: setting.optionalNumber('ThrottlingBurstLimit'),
  };
}

/** A deployment's `StageDescription` sets the stage-wide throttle directly; it reads as the setting for every method. */
function stageWideThrottle(description: PropertyReader): MethodSettingModel[] {
  const throttlingRateLimit = description.optionalNumber('ThrottlingRateLimit');
  const throttlingBurstLimit = description.optionalNumber('ThrottlingBurstLimit');
  if (throttlingRateLimit === undefined && throttlingBurstLimit === undefined) return [];
  return [{ resourcePath: '/*', httpMethod: '*', throttlingRateLimit, throttlingBurstLimit }];
}

function canaryOf(canary: PropertyReader, deploymentId: string): CanaryModel {
  return {
    percentTraffic: canary.optionalNumber('PercentTraffic') ?? 0,
    deploymentId,
    stageVariableOverrides: canary.stringMap('StageVariableOverrides'),
    useStageCache: canary.optionalBoolean('UseStageCache') ?? false,
  };
}
