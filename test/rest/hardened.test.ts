import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { RestAuthorizer, SecureLambdaApiProps } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

const hardened = (extra: Partial<SecureLambdaApiProps> = {}) =>
  newApi((handler: lambda.IFunction) => ({ routes: { 'GET /items': { handler, throttle: { rateLimit: 5 } } }, hardened: true, ...extra }));

describe('client certificate', () => {
  test('one prop creates a client certificate and attaches it to the stage', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, clientCertificate: true }));
    templateOf(stack).resourceCountIs('AWS::ApiGateway::ClientCertificate', 1);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { ClientCertificateId: stack.resolve(api.clientCertificate!.ref) });
  });

  test('is off by default', () => {
    const { stack, api } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).resourceCountIs('AWS::ApiGateway::ClientCertificate', 0);
    expect(api.clientCertificate).toBeUndefined();
  });
});

describe('hardened profile', () => {
  test('attaches a client certificate', () => {
    const { stack, api } = hardened();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { ClientCertificateId: stack.resolve(api.clientCertificate!.ref) });
  });

  test('provisions the smallest stage cache', () => {
    const { stack } = hardened();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { CacheClusterEnabled: true, CacheClusterSize: '0.5' });
  });

  test('encrypts cached data on every method, route settings included, with a TTL of 0 so no caller gets another\'s response', () => {
    const { stack } = hardened();
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0];
    expect(stage.Properties.MethodSettings).toHaveLength(2);
    for (const setting of stage.Properties.MethodSettings) {
      expect(setting).toMatchObject({ CachingEnabled: true, CacheDataEncrypted: true, CacheTtlInSeconds: 0 });
    }
  });

  test('keeps WAF, X-Ray and execution logging on', () => {
    const { stack } = hardened();
    templateOf(stack).resourceCountIs('AWS::WAFv2::WebACLAssociation', 1);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::Stage', { TracingEnabled: true });
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0];
    expect(stage.Properties.MethodSettings[0]).toMatchObject({ ResourcePath: '/*', HttpMethod: '*', LoggingLevel: 'ERROR' });
  });

  test('the default stage has no cache', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    const stage = Object.values(templateOf(stack).findResources('AWS::ApiGateway::Stage'))[0];
    expect(stage.Properties.CacheClusterEnabled).toBeUndefined();
    expect(stage.Properties.MethodSettings[0].CachingEnabled).toBeUndefined();
  });

  test.each<[string, Partial<SecureLambdaApiProps>, RegExp]>([
    ['WAF off', { waf: { enabled: false } }, /hardened is true but waf.enabled is false; the hardened profile requires a WebACL on the stage/],
    ['X-Ray off', { tracingEnabled: false }, /hardened is true but tracingEnabled is false; the hardened profile requires X-Ray tracing/],
    ['execution logging off', { loggingLevel: apigateway.MethodLoggingLevel.OFF }, /hardened is true but loggingLevel is OFF; .*requires execution logging/],
    ['the client certificate off', { clientCertificate: false }, /hardened is true but clientCertificate is false/],
  ])('with %s is rejected', (_, props, message) => {
    expect(() => hardened(props)).toThrow(message);
    expect(() => hardened(props)).toThrow(/\[HardenedProfileConflict\]/);
  });

  test('encrypts the access and WAF log groups with a rotated customer-managed key', () => {
    const { stack, api } = hardened();
    templateOf(stack).hasResourceProperties('AWS::KMS::Key', { EnableKeyRotation: true });
    const keyArn = stack.resolve(api.logEncryptionKey!.keyArn);
    const logGroups = Object.entries(templateOf(stack).findResources('AWS::Logs::LogGroup'))
      .filter(([id]) => id.startsWith('Api')).map(([, logGroup]) => logGroup);
    expect(logGroups).toHaveLength(2);
    for (const logGroup of logGroups) {
      expect(logGroup.Properties.KmsKeyId).toEqual(keyArn);
    }
  });

  test('encrypts the log group of the bundled JWT authorizer with the same key', () => {
    const { stack, api } = hardened({ authorizer: RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] }) });
    const logGroup = api.node.findChild('DefaultAuthorizerFunctionLogs') as logs.LogGroup;
    const template = templateOf(stack).toJSON();
    expect(template.Resources[stack.resolve((logGroup.node.defaultChild as logs.CfnLogGroup).logicalId)].Properties.KmsKeyId)
      .toEqual(stack.resolve(api.logEncryptionKey!.keyArn));
  });

  test('encrypts the stack\'s stage canary handler log group with a key of the handler and reserves its concurrency', () => {
    const { stack } = hardened();
    const handler = stack.node.findChild('GatewayKitStageCanaryHandler');
    const key = handler.node.findChild('LogEncryptionKey') as kms.Key;
    templateOf(stack).hasResourceProperties('AWS::Logs::LogGroup', { KmsKeyId: stack.resolve(key.keyArn), RetentionInDays: 365 });
    templateOf(stack).hasResourceProperties('AWS::Lambda::Function', {
      Description: Match.stringLikeRegexp('lingering canary'),
      ReservedConcurrentExecutions: 2,
    });
  });

  test('without it, library functions have no reserved concurrency and their log groups no customer-managed key', () => {
    const { stack } = newApi((handler) => ({
      routes: { 'GET /items': { handler } },
      authorizer: RestAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] }),
    }));
    templateOf(stack).resourceCountIs('AWS::KMS::Key', 0);
    expect(Object.values(templateOf(stack).findResources('AWS::Lambda::Function')).map((fn) => fn.Properties.ReservedConcurrentExecutions))
      .toEqual([undefined, undefined, undefined]);
  });

  test('lets CloudWatch Logs use the key for this account\'s log groups only', () => {
    const { stack } = hardened();
    templateOf(stack).hasResourceProperties('AWS::KMS::Key', {
      KeyPolicy: {
        Statement: Match.arrayWith([Match.objectLike({
          Principal: { Service: 'logs.eu-west-1.amazonaws.com' },
          Condition: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:eu-west-1:123456789012:log-group:*']] } } },
        })]),
      },
    });
  });

  test('logs the WebACL\'s requests', () => {
    const { stack, api } = hardened();
    templateOf(stack).hasResourceProperties('AWS::WAFv2::LoggingConfiguration', { ResourceArn: stack.resolve(api.webAcl!.attrArn) });
  });

  test('does not try to log a WebACL defined elsewhere', () => {
    const { stack } = hardened({ waf: { webAclArn: 'arn:aws:wafv2:eu-west-1:123456789012:regional/webacl/shared/abc' } });
    templateOf(stack).resourceCountIs('AWS::WAFv2::LoggingConfiguration', 0);
  });
});
