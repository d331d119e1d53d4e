import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { WafOptions } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

describe('WAF', () => {
  test('a WebACL with AWS managed rules and a per-IP rate limit protects the stage by default', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'REGIONAL',
      Rules: Match.arrayWith([
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' } } }),
        Match.objectLike({ Statement: { ManagedRuleGroupStatement: { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' } } }),
        Match.objectLike({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 2000, AggregateKeyType: 'IP' } } }),
      ]),
    });
    templateOf(stack).hasResourceProperties('AWS::WAFv2::WebACLAssociation', {
      ResourceArn: stack.resolve(api.stage.stageArn),
      WebACLArn: stack.resolve(api.webAcl!.attrArn),
    });
  });

  test('an existing WebACL is associated instead of creating one', () => {
    const arn = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc';
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { webAclArn: arn } }));
    templateOf(stack).resourceCountIs('AWS::WAFv2::WebACL', 0);
    templateOf(stack).hasResourceProperties('AWS::WAFv2::WebACLAssociation', { WebACLArn: arn });
  });

  test('WAF can be turned off', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { enabled: false } }));
    templateOf(stack).resourceCountIs('AWS::WAFv2::WebACLAssociation', 0);
  });
});

/** The LogGroupName the template gives the WAF log group. */
const wafLogGroupName = (stack: Stack) => Object.entries(templateOf(stack).findResources('AWS::Logs::LogGroup'))
  .find(([logicalId]) => logicalId.startsWith('ApiWafLogs'))![1].Properties.LogGroupName;

describe('WAF logging', () => {
  const logged = newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { logging: true } }));

  test('sends the WebACL\'s logs to a log group whose name has the prefix AWS WAF requires', () => {
    const name = wafLogGroupName(logged.stack);
    expect(name['Fn::Join'][1][0]).toMatch(/^aws-waf-logs-/);
    templateOf(logged.stack).hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: name, RetentionInDays: 365 });
    expect(logged.stack.resolve(logged.api.wafLogGroup!.logGroupName)).toEqual({ Ref: expect.stringMatching(/^ApiWafLogs/) });
    templateOf(logged.stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      ResourceArn: logged.stack.resolve(logged.api.webAcl!.attrArn),
      LogDestinationConfigs: [{ 'Fn::Join': ['', Match.arrayWith([Match.stringLikeRegexp(':log-group:aws-waf-logs-')])] }],
    });
  });

  test('points WAF at the log group ARN without the ":*" suffix WAF rejects', () => {
    const config = Object.values(templateOf(logged.stack).findResources('AWS::WAFv2::LoggingConfiguration'))[0];
    expect(JSON.stringify(config.Properties.LogDestinationConfigs)).not.toMatch(/:\*/);
  });

  test('redacts the authorization and cookie headers', () => {
    templateOf(logged.stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', {
      RedactedFields: [{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }],
    });
  });

  test('ends the log group name with the stack\'s id, so a stack deployed again does not collide with the retained group', () => {
    const name = wafLogGroupName(logged.stack);
    expect(name['Fn::Join'][1][1]).toEqual({ 'Fn::Select': [2, { 'Fn::Split': ['/', { Ref: 'AWS::StackId' }] }] });
  });

  test('is off by default', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
    expect(api.wafLogGroup).toBeUndefined();
  });

  test('keeps logs for the retention given', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { logging: true, logRetention: logs.RetentionDays.ONE_MONTH } }));
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { LogGroupName: wafLogGroupName(stack), RetentionInDays: 30 });
  });
});

describe('WAF option errors', () => {
  const withWaf = (waf: WafOptions) => () => newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf }));
  const SHARED = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc';

  test('settings on a disabled WAF are rejected', () => {
    expect(withWaf({ enabled: false, logging: true })).toThrow(/\[WafDisabledWithSettings\].*waf.enabled is false but waf.logging is set/);
  });

  test('every setting on a disabled WAF is listed, whatever its value', () => {
    expect(withWaf({ enabled: false, rateLimitPerIp: 100, logging: false, logRetention: logs.RetentionDays.ONE_WEEK })).toThrow(
      '[WafDisabledWithSettings] TestStack/Api: waf.enabled is false but waf.rateLimitPerIp and waf.logging and waf.logRetention are set; remove them or enable WAF');
  });

  test('logging on a WebACL defined elsewhere is rejected', () => {
    expect(withWaf({ webAclArn: SHARED, logging: true }))
      .toThrow(/\[WafSettingOnImportedWebAcl\].*waf.logging is true with waf.webAclArn .*set it where that WebACL is defined, or drop webAclArn/);
  });

  test('a rate limit for a WebACL defined elsewhere is rejected', () => {
    expect(withWaf({ webAclArn: SHARED, rateLimitPerIp: 500 })).toThrow(
      `[WafSettingOnImportedWebAcl] TestStack/Api: waf.rateLimitPerIp is 500 with waf.webAclArn '${SHARED}'; it configures the WebACL this API creates, and webAclArn imports one instead: set it where that WebACL is defined, or drop webAclArn to let this API create its own`);
  });

  test('a fractional rate limit is rejected: WAF counts requests', () => {
    expect(withWaf({ rateLimitPerIp: 100.5 })).toThrow('[NegativeOrFractional] TestStack/Api: waf.rateLimitPerIp must be a whole number, got 100.5');
  });

  test('a log retention without logging is rejected', () => {
    expect(withWaf({ logRetention: logs.RetentionDays.ONE_WEEK })).toThrow(
      '[WafLogRetentionWithoutLogging] TestStack/Api: waf.logRetention is 7 days but WAF logging is off; set waf.logging: true, or remove waf.logRetention');
  });

  test.each([
    ['garbage', 'not-an-arn', /waf\.webAclArn is 'not-an-arn'; expected the ARN of a regional AWS WAF web ACL, arn:aws:wafv2:<region>:<account>:regional\/webacl\/<name>\/<id>$/],
    ['a WAF Classic regional web ACL', 'arn:aws:waf-regional:eu-west-1:123456789012:webacl/abc', /a web ACL of AWS WAF Classic, which the stage's AWS::WAFv2::WebACLAssociation cannot use; migrate it to AWS WAF \(WAFv2\)/],
    ['a WAF Classic global web ACL', 'arn:aws:waf::123456789012:webacl/abc', /a web ACL of AWS WAF Classic/],
    ['a WAFv2 IP set', 'arn:aws:wafv2:eu-west-1:123456789012:regional/ipset/office/abc', /'arn:aws:wafv2:eu-west-1:123456789012:regional\/ipset\/office\/abc', a WAFv2 ipset, not a web ACL/],
    ['a CloudFront web ACL', 'arn:aws:wafv2:us-east-1:123456789012:global/webacl/cdn/abc', /a web ACL of CLOUDFRONT scope, which protects CloudFront distributions only; API Gateway stages take a REGIONAL web ACL of the API's region/],
    ['a web ACL of another region', 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/abc', /a web ACL of us-east-1, and the API is in eu-west-1; a web ACL protects resources of its own region/],
    ['the ARN of another service', 'arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/abc', /an ARN of elasticloadbalancing; expected the ARN of a regional AWS WAF web ACL/],
  ])('%s as webAclArn is rejected', (_, webAclArn, message) => {
    expect(withWaf({ webAclArn })).toThrow(/^\[InvalidWebAclArn\] TestStack\/Api: /);
    expect(withWaf({ webAclArn })).toThrow(message);
  });

  test('a web ACL ARN that is a token is accepted', () => {
    expect(() => newApi((handler, stack) => ({
      routes: { 'GET /items': { handler } },
      waf: { webAclArn: new wafv2.CfnWebACL(stack, 'Shared', { scope: 'REGIONAL', defaultAction: { allow: {} }, visibilityConfig: VISIBILITY }).attrArn },
    }))).not.toThrow();
  });
});

const VISIBILITY = { cloudWatchMetricsEnabled: false, sampledRequestsEnabled: false, metricName: 'shared' };
