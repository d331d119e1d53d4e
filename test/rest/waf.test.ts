import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as logs from 'aws-cdk-lib/aws-logs';
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
  test('settings on a disabled WAF are rejected', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { enabled: false, logging: true } })))
      .toThrow(/\[WafDisabledWithSettings\].*waf.enabled is false but waf.logging is set/);
  });

  test('logging on a WebACL defined elsewhere is rejected', () => {
    const arn = 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc';
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, waf: { webAclArn: arn, logging: true } })))
      .toThrow(/\[WafLoggingOnImportedWebAcl\].*waf.logging is true with waf.webAclArn .*turn it on where that WebACL is defined/);
  });
});

