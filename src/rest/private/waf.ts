import { ArnFormat, Aws, Fn, Names, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { check } from '../../private/errors';
import { checkRange } from '../../private/numbers';
import { WafOptions } from '../waf-options';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];
/** AWS WAF delivers logs only to log groups whose name starts with this. */
const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';
/** The settings of `WafOptions` besides `enabled`. */
const WAF_SETTINGS = ['webAclArn', 'rateLimitPerIp', 'logging', 'logRetention'] as const;
/** The settings of the WebACL the API creates, which an imported WebACL does not take. */
const CREATED_WEB_ACL_SETTINGS = ['rateLimitPerIp', 'logging', 'logRetention'] as const;
/** A WAFv2 ARN: `arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/name/id`. */
const ARN = /^arn:[a-z-]+:([a-z0-9-]+):([a-z0-9-]*):(\d{12})?:(.+)$/;
const EXPECTED_WEB_ACL_ARN = 'the ARN of a regional AWS WAF web ACL, arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>';
/** Credentials must not reach the logs. */
const REDACTED_HEADERS = ['authorization', 'cookie'];

/** What protects a stage: the WebACL and log group created for it, if any. */
export interface StageProtection {
  readonly webAcl?: wafv2.CfnWebACL;
  readonly logGroup?: logs.LogGroup;
}

/**
 * Associates every stage with the given WebACL or one new WebACL; the primary stage keeps the single-stage ids.
 * @param hardened whether the hardened profile asks for the logs of the WebACL the API creates
 */
export function protectStages(
  scope: Construct, stages: { [stageName: string]: apigateway.Stage }, primaryStageName: string,
  options: WafOptions = {}, hardened: boolean, logKey?: kms.IKey,
): StageProtection {
  if (options.enabled === false) {
    const settings = WAF_SETTINGS.filter((setting) => options[setting] !== undefined);
    check(settings.length === 0, scope, 'WafDisabledWithSettings', () =>
      `waf.enabled is false but ${settings.map((setting) => `waf.${setting}`).join(' and ')} ${settings.length > 1 ? 'are' : 'is'} set; remove ${settings.length > 1 ? 'them' : 'it'} or enable WAF`);
    return {};
  }
  if (options.webAclArn !== undefined) {
    checkWebAclArn(scope, options.webAclArn);
    const settings = CREATED_WEB_ACL_SETTINGS.filter((setting) => options[setting] !== undefined && options[setting] !== false);
    check(settings.length === 0, scope, 'WafSettingOnImportedWebAcl', () =>
      `${settings.map((setting) => `waf.${setting} is ${JSON.stringify(options[setting])}`).join(' and ')} with waf.webAclArn '${options.webAclArn}'; ${settings.length > 1 ? 'they configure' : 'it configures'} the WebACL this API creates, and webAclArn imports one instead: set ${settings.length > 1 ? 'them' : 'it'} where that WebACL is defined, or drop webAclArn to let this API create its own`);
  }
  const logging = options.logging ?? (hardened && options.webAclArn === undefined);
  check(options.logRetention === undefined || logging, scope, 'WafLogRetentionWithoutLogging', () =>
    `waf.logRetention is ${options.logRetention} days but WAF logging is off; set waf.logging: true, or remove waf.logRetention`);
  const rateLimit = options.rateLimitPerIp ?? 2000;
  checkRange(scope, 'waf.rateLimitPerIp', rateLimit, 10, 2_000_000_000, true);
  const webAcl = options.webAclArn ? undefined : new wafv2.CfnWebACL(scope, 'WebAcl', {
    scope: 'REGIONAL',
    defaultAction: { allow: {} },
    visibilityConfig: visibility('WebAcl'),
    rules: [
      ...MANAGED_RULE_GROUPS.map((name, index) => ({
        name,
        priority: index,
        overrideAction: { none: {} },
        statement: { managedRuleGroupStatement: { vendorName: 'AWS', name } },
        visibilityConfig: visibility(name),
      })),
      {
        name: 'RateLimitPerIp',
        priority: MANAGED_RULE_GROUPS.length,
        action: { block: {} },
        statement: { rateBasedStatement: { limit: rateLimit, aggregateKeyType: 'IP' } },
        visibilityConfig: visibility('RateLimitPerIp'),
      },
    ],
  });
  const webAclArn = options.webAclArn ?? webAcl!.attrArn;
  for (const [stageName, stage] of Object.entries(stages)) {
    const id = stageName === primaryStageName ? 'WebAclAssociation' : `WebAclAssociation-${stageName}`;
    new wafv2.CfnWebACLAssociation(scope, id, { resourceArn: stage.stageArn, webAclArn });
  }
  const logGroup = webAcl && logging ? logWebAcl(scope, webAcl, options, logKey) : undefined;
  return { webAcl, logGroup };
}

function logWebAcl(scope: Construct, webAcl: wafv2.CfnWebACL, options: WafOptions, encryptionKey?: kms.IKey): logs.LogGroup {
  // The log group is retained with its logs, so its name ends with the stack's id: a stack deleted and deployed
  // again gets a new log group instead of failing on the retained one's name.
  const stackUuid = Fn.select(2, Fn.split('/', Aws.STACK_ID));
  const logGroupName = `${WAF_LOG_GROUP_PREFIX}${Names.uniqueResourceName(scope, { maxLength: 200, separator: '-' })}-${stackUuid}`;
  const logGroup = new logs.LogGroup(scope, 'WafLogs', {
    logGroupName,
    retention: options.logRetention ?? logs.RetentionDays.ONE_YEAR,
    encryptionKey,
  });
  // WAF wants the log group ARN without the ':*' suffix that LogGroup.logGroupArn carries.
  const destination = Stack.of(scope).formatArn({ service: 'logs', resource: 'log-group', resourceName: logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME });
  const logging = new wafv2.CfnLoggingConfiguration(scope, 'WafLogging', {
    resourceArn: webAcl.attrArn,
    logDestinationConfigs: [destination],
    redactedFields: REDACTED_HEADERS.map((name) => ({ singleHeader: { Name: name } })),
  });
  logging.node.addDependency(logGroup);
  return logGroup;
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}

/**
 * A stage is associated with a WAFv2 web ACL of REGIONAL scope in its own region, also behind an EDGE endpoint, whose
 * CloudFront distribution AWS manages. Anything else fails the deployment of the association.
 */
function checkWebAclArn(scope: Construct, arn: string): void {
  if (Token.isUnresolved(arn)) {
    return;
  }
  const parts = ARN.exec(arn);
  check(parts !== null, scope, 'InvalidWebAclArn', () => `waf.webAclArn is '${arn}'; expected ${EXPECTED_WEB_ACL_ARN}`);
  const [, service, region, , resource] = parts;
  check(service === 'wafv2', scope, 'InvalidWebAclArn', () => service.startsWith('waf')
    ? `waf.webAclArn is '${arn}', a web ACL of AWS WAF Classic, which the stage's AWS::WAFv2::WebACLAssociation cannot use; migrate it to AWS WAF (WAFv2) and give the new ARN, ${EXPECTED_WEB_ACL_ARN}`
    : `waf.webAclArn is '${arn}', an ARN of ${service}; expected ${EXPECTED_WEB_ACL_ARN}`);
  const [resourceScope, type] = resource.split('/');
  check(type === 'webacl', scope, 'InvalidWebAclArn', () =>
    `waf.webAclArn is '${arn}', a WAFv2 ${type ?? resource}, not a web ACL; expected ${EXPECTED_WEB_ACL_ARN}`);
  check(resourceScope === 'regional', scope, 'InvalidWebAclArn', () =>
    `waf.webAclArn is '${arn}', a web ACL of ${resourceScope === 'global' ? 'CLOUDFRONT scope, which protects CloudFront distributions only' : `the scope '${resourceScope}'`}; API Gateway stages take a REGIONAL web ACL of the API's region, also behind an EDGE endpoint`);
  const apiRegion = Stack.of(scope).region;
  check(Token.isUnresolved(apiRegion) || region === apiRegion, scope, 'InvalidWebAclArn', () =>
    `waf.webAclArn is '${arn}', a web ACL of ${region}, and the API is in ${apiRegion}; a web ACL protects resources of its own region, so give one of ${apiRegion}`);
}
