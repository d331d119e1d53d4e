import type { Duration } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type * as acm from 'aws-cdk-lib/aws-certificatemanager';
import type * as ec2 from 'aws-cdk-lib/aws-ec2';
import type * as iam from 'aws-cdk-lib/aws-iam';
import type * as kms from 'aws-cdk-lib/aws-kms';
import type * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import type * as route53 from 'aws-cdk-lib/aws-route53';
import type * as s3 from 'aws-cdk-lib/aws-s3';
import {
  BOOLEAN, construct, instanceOf, like, listOf, mapOf, NUMBER, object, oneOf, PropsSchema, required, STRING, STRINGS, struct, StructSchema,
} from './prop-types';
import { ApiKeySource } from '../common/api-key-source';
import type { CorsOptions } from '../common/cors';
import type { CustomDomainOptions, MutualTlsOptions } from '../common/custom-domain-options';
import type { ThrottleSettings } from '../common/throttle';
import type { PrivateEndpointOptions } from '../rest/private-endpoint-options';
import type { ResourcePolicyOptions } from '../rest/resource-policy-options';
import {
  CacheClusterSize, type CanaryAlarmOptions, type CanaryOptions, type RestStageOptions, type StageCachingOptions,
} from '../rest/stage-options';
import type { WafOptions } from '../rest/waf-options';
import { CustomerApiKey } from '../usage-plans/customer-api-key';
import type { QuotaOptions, TierOptions } from '../usage-plans/tier-options';
import type { CustomerOptions } from '../usage-plans/usage-customer';

/*
 * The option structs users write by hand and the values of aws-cdk-lib they hold, as runtime checks (see
 * prop-types.ts), shared by the props of the constructs (prop-schemas.ts) and the options of the authorizers. It
 * imports no module of a construct or an authorizer: those import the schemas, which read these values as they load.
 */

// Values of aws-cdk-lib, recognised by members every implementation has.
export const DURATION = like<Duration>('a Duration, e.g. Duration.minutes(5)', 'toSeconds');
export const FUNCTION = construct<lambda.IFunction>('a Lambda function (lambda.IFunction)', 'functionArn', 'grantInvoke');
export const RETENTION = oneOf(logs.RetentionDays, 'logs.RetentionDays');
export const LOGGING_LEVEL = oneOf(apigateway.MethodLoggingLevel, 'apigateway.MethodLoggingLevel');
export const CERTIFICATE = construct<acm.ICertificate>('an ACM certificate (acm.ICertificate)', 'certificateArn');
export const HOSTED_ZONE = construct<route53.IHostedZone>('a Route 53 hosted zone (route53.IHostedZone)', 'hostedZoneId', 'zoneName');
export const VPC = construct<ec2.IVpc>('a VPC (ec2.IVpc)', 'vpcId');
export const VPC_ENDPOINT = construct<ec2.IInterfaceVpcEndpoint>('an interface VPC endpoint (ec2.IInterfaceVpcEndpoint)', 'vpcEndpointId');
export const VPC_ENDPOINTS = listOf(VPC_ENDPOINT, 'a list of interface VPC endpoints (ec2.IInterfaceVpcEndpoint)');
export const KEY = construct<kms.IKey>('a KMS key (kms.IKey)', 'keyArn');

export const THROTTLE = struct<ThrottleSettings>({ name: 'ThrottleSettings', props: { rateLimit: NUMBER, burstLimit: NUMBER } });

export const CORS = struct<CorsOptions>({
  name: 'CorsOptions',
  props: {
    allowOrigins: required(STRINGS, { errorId: 'CorsNoOrigin', expected: "the origins allowed to call the API, e.g. ['https://app.example.com']" }),
    allowHeaders: STRINGS,
    allowMethods: STRINGS,
    allowCredentials: BOOLEAN,
    maxAge: DURATION,
    exposeHeaders: STRINGS,
  },
});

export const MUTUAL_TLS = struct<MutualTlsOptions>({
  name: 'MutualTlsOptions',
  props: {
    truststoreBucket: required(construct<s3.IBucket>('an S3 bucket (s3.IBucket)', 'bucketName')),
    truststoreKey: required(STRING),
    truststoreVersion: STRING,
  },
});

export const CUSTOM_DOMAIN_PROPS = {
  domainName: required(STRING),
  certificate: CERTIFICATE,
  hostedZone: HOSTED_ZONE,
  mutualTls: MUTUAL_TLS,
};

export const CUSTOM_DOMAIN = struct<CustomDomainOptions>({ name: 'CustomDomainOptions', props: { ...CUSTOM_DOMAIN_PROPS, basePath: STRING } });

export const CANARY_ALARMS = struct<CanaryAlarmOptions>({
  name: 'CanaryAlarmOptions',
  props: { serverErrorRatePercent: NUMBER, latencyP99: DURATION, period: DURATION, evaluationPeriods: NUMBER },
});

export const CANARY_PROPS: PropsSchema<CanaryOptions> = {
  percentTraffic: required(NUMBER, { errorId: 'CanaryPercentTraffic', expected: 'the percentage (0 to 100) of requests the canary serves' }),
  stageVariableOverrides: mapOf(STRING, 'an object of stage variable values by name'),
  useStageCache: BOOLEAN,
  alarms: CANARY_ALARMS,
};

export const STAGE = struct<RestStageOptions>({
  name: 'RestStageOptions',
  props: {
    description: STRING,
    variables: mapOf(STRING, 'an object of stage variable values by name'),
    throttle: THROTTLE,
    loggingLevel: LOGGING_LEVEL,
    tracingEnabled: BOOLEAN,
    accessLogRetention: RETENTION,
    caching: struct<StageCachingOptions>({
      name: 'StageCachingOptions',
      props: { enabled: BOOLEAN, clusterSize: oneOf(CacheClusterSize, 'CacheClusterSize'), ttl: DURATION, encrypted: BOOLEAN },
    }),
    canary: struct<CanaryOptions>({ name: 'CanaryOptions', props: CANARY_PROPS }),
  },
});

export const WAF = struct<WafOptions>({
  name: 'WafOptions',
  props: { enabled: BOOLEAN, webAclArn: STRING, rateLimitPerIp: NUMBER, logging: BOOLEAN, logRetention: RETENTION },
});

export const RESOURCE_POLICY = struct<ResourcePolicyOptions>({
  name: 'ResourcePolicyOptions',
  props: {
    allowedSourceIps: STRINGS,
    deniedSourceIps: STRINGS,
    allowedVpcs: listOf(VPC, 'a list of VPCs (ec2.IVpc)'),
    allowedVpcEndpoints: VPC_ENDPOINTS,
    allowedAccounts: STRINGS,
    allowedPrincipals: listOf(like<iam.IPrincipal>('an IAM principal (iam.IPrincipal)', 'policyFragment'), 'a list of IAM principals (iam.IPrincipal)'),
  },
});

export const PRIVATE_ENDPOINT = struct<PrivateEndpointOptions>({
  name: 'PrivateEndpointOptions',
  props: { vpcEndpoints: VPC_ENDPOINTS, vpc: VPC, subnets: object<ec2.SubnetSelection>('an ec2.SubnetSelection') },
});

export const TIER_OPTIONS: StructSchema<TierOptions> = {
  name: 'TierOptions',
  props: {
    throttle: THROTTLE,
    quota: struct<QuotaOptions>({
      name: 'QuotaOptions',
      props: {
        limit: required(NUMBER, {
          errorId: 'QuotaLimitMissing',
          expected: 'the number of requests allowed per period, e.g. { limit: 10000, period: Period.MONTH }. Add a limit, or remove the quota for unlimited requests',
        }),
        period: required(oneOf(apigateway.Period, 'apigateway.Period', 'InvalidQuotaPeriod'), {
          errorId: 'QuotaPeriodMissing',
          expected: 'Period.DAY, Period.WEEK or Period.MONTH: the period the limit applies to',
        }),
        offset: NUMBER,
      },
    }),
    routeThrottles: mapOf(THROTTLE, 'an object of ThrottleSettings by route key'),
    description: STRING,
  },
};

export const CUSTOMER_OPTIONS: StructSchema<CustomerOptions> = {
  name: 'CustomerOptions',
  props: {
    tier: required(STRING, { errorId: 'UnknownTier', expected: 'the name of the tier whose throttle and quota apply to the customer, e.g. { tier: \'free\' }' }),
    apiKey: instanceOf(() => CustomerApiKey, 'a CustomerApiKey: CustomerApiKey.generate(), fromSecret() or fromApiKeyId()'),
    enabled: BOOLEAN,
    description: STRING,
  },
};

export const TIERS = mapOf(object<TierOptions>('an object of TierOptions'), 'an object of tiers by name, e.g. { free: { quota: { limit: 1000, period: Period.DAY } } }');
export const CUSTOMERS = mapOf(object<CustomerOptions>('an object of CustomerOptions'), "an object of customers by id, e.g. { acme: { tier: 'free' } }");
export const API_KEY_SOURCE = oneOf(ApiKeySource, 'ApiKeySource');
export const STAGE_VARIABLES = mapOf(STRING, 'an object of stage variable values by name');

