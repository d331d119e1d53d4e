import { ArnFormat, Aws, Fn, Names, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { WafOptions } from './waf-options';
import { check } from '../private/errors';
import { checkRange } from '../private/numbers';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];
/** AWS WAF delivers logs only to log groups whose name starts with this. */
const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';
/** Credentials must not reach the logs. */
const REDACTED_HEADERS = ['authorization', 'cookie'];

/** What protects a stage: the WebACL and log group created for it, if any. */
export interface StageProtection {
  readonly webAcl?: wafv2.CfnWebACL;
  readonly logGroup?: logs.LogGroup;
}

/** Associates every stage with the given WebACL or one new WebACL; the primary stage keeps the single-stage ids. */
export function protectStages(
  scope: Construct, stages: { [stageName: string]: apigateway.Stage }, primaryStageName: string, options: WafOptions = {}, logKey?: kms.IKey,
): StageProtection {
  if (options.enabled === false) {
    check(!options.webAclArn && !options.logging, scope, 'WafDisabledWithSettings', () =>
      `waf.enabled is false but waf.${options.webAclArn ? 'webAclArn' : 'logging'} is set; remove the setting or enable WAF`);
    return {};
  }
  check(!(options.webAclArn && options.logging), scope, 'WafLoggingOnImportedWebAcl', () =>
    `waf.logging is true with waf.webAclArn '${options.webAclArn}'; logging is configured on the WebACL, so turn it on where that WebACL is defined, or drop webAclArn to let this API create and log its own`);
  const rateLimit = options.rateLimitPerIp ?? 2000;
  checkRange(scope, 'waf.rateLimitPerIp', rateLimit, 10, 2_000_000_000);
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
  const logGroup = webAcl && options.logging ? logWebAcl(scope, webAcl, options, logKey) : undefined;
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
