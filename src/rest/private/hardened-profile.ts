import { ArnFormat, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import { Construct } from 'constructs';
import { check } from '../../private/errors';
import { SecureLambdaApiProps } from '../secure-lambda-api-props';

/**
 * The stage cache the hardened profile provisions. Responses are cached for 0 seconds: the cache key of a
 * Lambda proxy route does not include the caller's identity, so a non-zero stage-wide TTL would serve one
 * caller's response to another.
 */
export const HARDENED_CACHE = { clusterSize: '0.5', ttlInSeconds: 0 };

/** Refuses a setting that switches off a control the hardened profile exists to guarantee. */
export function checkHardenedSetting(scope: Construct, condition: boolean, setting: string, control: string): void {
  check(!condition, scope, 'HardenedProfileConflict', () =>
    `hardened is true but ${setting}; the hardened profile requires ${control} (NIST 800-53, HIPAA and PCI DSS checks), so remove the setting or hardened`);
}

/** Refuses API-level props that switch off a control the hardened profile exists to guarantee. */
export function checkHardenedProfile(scope: Construct, props: SecureLambdaApiProps): void {
  const conflict = (condition: boolean, setting: string, control: string) => checkHardenedSetting(scope, condition, setting, control);
  conflict(props.waf?.enabled === false, 'waf.enabled is false', 'a WebACL on the stage');
  conflict(props.tracingEnabled === false, 'tracingEnabled is false', 'X-Ray tracing');
  conflict(props.loggingLevel === apigateway.MethodLoggingLevel.OFF, 'loggingLevel is OFF', 'execution logging (ERROR or INFO)');
  conflict(props.clientCertificate === false, 'clientCertificate is false', 'a client certificate for backends');
}

/** A customer-managed key for the API's log groups, usable by CloudWatch Logs for this account's log groups only. */
export function logEncryptionKey(scope: Construct): kms.Key {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, 'LogEncryptionKey', {
    description: `Encrypts the log groups of ${scope.node.path}`,
    enableKeyRotation: true,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: {
      ArnLike: { 'kms:EncryptionContext:aws:logs:arn': stack.formatArn({ service: 'logs', resource: 'log-group', resourceName: '*', arnFormat: ArnFormat.COLON_RESOURCE_NAME }) },
    },
  }));
  return key;
}
