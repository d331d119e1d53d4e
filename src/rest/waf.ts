import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { WafOptions } from './waf-options';
import { checkRange } from '../private/numbers';

const MANAGED_RULE_GROUPS = ['AWSManagedRulesCommonRuleSet', 'AWSManagedRulesKnownBadInputsRuleSet', 'AWSManagedRulesAmazonIpReputationList'];

/** Associates the stage with the given WebACL or a new one; returns the WebACL created, if any. */
export function protectStage(scope: Construct, stage: apigateway.Stage, options: WafOptions = {}): wafv2.CfnWebACL | undefined {
  if (options.enabled === false) {
    return undefined;
  }
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
  const association = new wafv2.CfnWebACLAssociation(scope, 'WebAclAssociation', { resourceArn: stage.stageArn, webAclArn });
  // stageArn is built from names, not a reference, so CloudFormation would not wait for the stage otherwise.
  association.node.addDependency(stage);
  return webAcl;
}

function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, sampledRequestsEnabled: true, metricName };
}
