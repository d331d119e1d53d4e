import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as logs from 'aws-cdk-lib/aws-logs';
import { restAccessLogFormat } from './access-log-format';
import { StageSettings } from './stage-settings';

/** The aws-cdk-lib stage options of one resolved stage; method settings are rendered separately, late. */
export function stageOptionsFor(settings: StageSettings, accessLogGroup: logs.ILogGroup, clientCertificateId?: string): apigateway.StageOptions {
  return {
    stageName: settings.name,
    description: settings.description,
    accessLogDestination: new apigateway.LogGroupLogDestination(accessLogGroup),
    accessLogFormat: restAccessLogFormat(),
    tracingEnabled: settings.tracingEnabled,
    clientCertificateId,
    cacheClusterEnabled: settings.cache ? true : undefined,
    cacheClusterSize: settings.cache?.clusterSize,
    variables: Object.keys(settings.variables).length ? settings.variables : undefined,
  };
}
