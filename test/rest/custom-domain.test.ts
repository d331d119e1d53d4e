import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { ApiCustomDomain, ApiCustomDomainProps, SecureLambdaApi } from '../../src';
import { countOf, newFunction, newStack, templateOf } from '../support/fixtures';
import { fixtureFunction, nagFindings } from '../support/nag';

const ZONE_ID = 'Z0000000000000000000';
const US_EAST_1_CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const EU_WEST_1_CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

function zoneIn(stack: Stack): route53.IHostedZone {
  return route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: ZONE_ID, zoneName: 'example.com' });
}

/** `api.example.com` in the `example.com` zone of a fresh eu-west-1 stack, with `props` on top. */
function newDomain(props: (stack: Stack) => Partial<ApiCustomDomainProps> = () => ({}), stack = newStack()) {
  const domain = new ApiCustomDomain(stack, 'Domain', { domainName: 'api.example.com', hostedZone: zoneIn(stack), ...props(stack) });
  return { stack, domain };
}

function newSecureApi(stack: Stack, id: string): SecureLambdaApi {
  return new SecureLambdaApi(stack, id, { routes: { 'GET /items': { handler: newFunction(stack, `${id}Handler`) } } });
}

function truststore(stack: Stack) {
  return { truststoreBucket: s3.Bucket.fromBucketName(stack, 'Truststore', 'truststore-bucket'), truststoreKey: 'truststore.pem' };
}

function mapped(basePath?: string) {
  const { stack, domain } = newDomain();
  const api = newSecureApi(stack, 'Api');
  const mapping = domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath });
  return { stack, domain, api, mapping };
}

describe('ApiCustomDomain', () => {
  test('creates a REGIONAL domain name with the TLS 1.2 security policy by default', () => {
    const { stack, domain } = newDomain();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      EndpointConfiguration: { Types: ['REGIONAL'] },
      SecurityPolicy: 'TLS_1_2',
      RegionalCertificateArn: stack.resolve(domain.certificate.certificateArn),
      CertificateArn: Match.absent(),
    });
  });

  test('creates a certificate for the domain, validated by DNS in the hosted zone, when none is given', () => {
    const { stack } = newDomain();
    templateOf(stack).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.example.com', HostedZoneId: ZONE_ID }],
    });
  });

  test('uses the certificate given and creates none', () => {
    const { stack } = newDomain((s) => ({ certificate: acm.Certificate.fromCertificateArn(s, 'Cert', EU_WEST_1_CERTIFICATE) }));
    expect(countOf(stack, 'AWS::CertificateManager::Certificate')).toBe(0);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { RegionalCertificateArn: EU_WEST_1_CERTIFICATE });
  });

  test('points an alias A record for the domain at its regional endpoint', () => {
    const { stack, domain } = newDomain();
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      Type: 'A',
      HostedZoneId: ZONE_ID,
      AliasTarget: {
        DNSName: stack.resolve(domain.domainName.domainNameAliasDomainName),
        HostedZoneId: stack.resolve(domain.domainName.domainNameAliasHostedZoneId),
      },
    });
  });

  test('creates no AAAA record, as custom domains answer on IPv4 only by default', () => {
    const { stack } = newDomain();
    expect(countOf(stack, 'AWS::Route53::RecordSet')).toBe(1);
    templateOf(stack).resourcePropertiesCountIs('AWS::Route53::RecordSet', { Type: 'AAAA' }, 0);
  });

  test('creates no DNS record without a hosted zone', () => {
    const stack = newStack();
    const domain = new ApiCustomDomain(stack, 'Domain', {
      domainName: 'api.example.com',
      certificate: acm.Certificate.fromCertificateArn(stack, 'Cert', EU_WEST_1_CERTIFICATE),
    });
    expect(domain.aliasRecord).toBeUndefined();
    expect(countOf(stack, 'AWS::Route53::RecordSet')).toBe(0);
  });

  test('accepts a domain at the apex of the hosted zone', () => {
    const { stack } = newDomain(() => ({ domainName: 'example.com' }));
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', { Name: 'example.com.', Type: 'A' });
  });

  test('accepts a wildcard domain and aliases the wildcard name', () => {
    const { stack } = newDomain(() => ({ domainName: '*.example.com' }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { DomainName: '*.example.com' });
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', { Name: '*.example.com.', Type: 'A' });
  });

  test('exposes the URL of the domain root', () => {
    const { domain } = newDomain();
    expect(domain.url).toBe('https://api.example.com/');
  });

  test('exposes the DomainName L2 as its default child', () => {
    const { domain } = newDomain();
    expect(domain.domainName).toBeInstanceOf(apigateway.DomainName);
    expect(domain.node.defaultChild).toBe(domain.domainName);
  });

  test('an EDGE domain uses a us-east-1 certificate and aliases the CloudFront distribution', () => {
    const { stack } = newDomain((s) => ({
      endpointType: apigateway.EndpointType.EDGE,
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', US_EAST_1_CERTIFICATE),
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      EndpointConfiguration: { Types: ['EDGE'] },
      SecurityPolicy: 'TLS_1_2',
      CertificateArn: US_EAST_1_CERTIFICATE,
      RegionalCertificateArn: Match.absent(),
    });
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', {
      AliasTarget: {
        DNSName: { 'Fn::GetAtt': [Match.anyValue(), 'DistributionDomainName'] },
        HostedZoneId: { 'Fn::GetAtt': [Match.anyValue(), 'DistributionHostedZoneId'] },
      },
    });
  });

  test('an EDGE domain in a us-east-1 stack may create its certificate', () => {
    const app = new App();
    const stack = new Stack(app, 'TestStack', { env: { account: '123456789012', region: 'us-east-1' } });
    newDomain(() => ({ endpointType: apigateway.EndpointType.EDGE }), stack);
    expect(countOf(stack, 'AWS::CertificateManager::Certificate')).toBe(1);
  });

  test('an EDGE domain in an environment-agnostic stack warns that the certificate region cannot be checked', () => {
    const stack = new Stack(new App(), 'TestStack');
    newDomain(() => ({ endpointType: apigateway.EndpointType.EDGE }), stack);
    Annotations.fromStack(stack).hasWarning('/TestStack/Domain', Match.stringLikeRegexp('certificate is not known at synth.*us-east-1'));
  });

  test('a REGIONAL domain in an environment-agnostic stack does not warn about certificate regions', () => {
    const stack = new Stack(new App(), 'TestStack');
    newDomain(() => ({}), stack);
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Domain', Match.anyValue());
  });
});

describe('mutual TLS', () => {
  test('configures the truststore URI and version on the domain', () => {
    const { stack } = newDomain((s) => ({ mutualTls: { ...truststore(s), truststoreVersion: 'v42' } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://truststore-bucket/truststore.pem', TruststoreVersion: 'v42' },
    });
  });

  test('grants nothing on the truststore bucket, which API Gateway reads with the deployer\'s permissions', () => {
    const { stack } = newDomain((s) => ({ mutualTls: { truststoreBucket: new s3.Bucket(s, 'TruststoreBucket'), truststoreKey: 'truststore.pem' } }));
    expect(countOf(stack, 'AWS::S3::BucketPolicy')).toBe(0);
    expect(countOf(stack, 'AWS::IAM::Policy')).toBe(0);
  });

  test('warns when a mapped API keeps its default execute-api endpoint, which bypasses mutual TLS', () => {
    const { stack, domain } = newDomain((s) => ({ mutualTls: truststore(s) }));
    const api = newSecureApi(stack, 'Api');
    domain.addBasePathMapping(api.restApi, { stage: api.stage });
    Annotations.fromStack(stack).hasWarning('/TestStack/Domain', Match.stringLikeRegexp('default execute-api endpoint is enabled.*disableExecuteApiEndpoint: true'));
  });

  test('does not warn for a mapped API whose default endpoint is disabled', () => {
    const { stack, domain } = newDomain((s) => ({ mutualTls: truststore(s) }));
    const api = new apigateway.RestApi(stack, 'Api', { disableExecuteApiEndpoint: true });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    domain.addBasePathMapping(api, { stage: api.deploymentStage });
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Domain', Match.stringLikeRegexp('execute-api'));
  });
});

describe('base path mappings', () => {
  test('maps a stage at the domain root without a base path', () => {
    const { stack, domain, api, mapping } = mapped();
    expect(mapping).toBeInstanceOf(apigateway.CfnBasePathMapping);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      DomainName: stack.resolve(domain.domainName.domainName),
      RestApiId: stack.resolve(api.restApi.restApiId),
      Stage: stack.resolve(api.stage.stageName),
      BasePath: Match.absent(),
    });
  });

  test('maps a stage at a single-level base path', () => {
    const { stack } = mapped('orders');
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'orders' });
  });

  test('maps a multi-level base path with an API Gateway v2 API mapping', () => {
    const { stack, domain, api, mapping } = mapped('orders/v1');
    expect(mapping).toBeInstanceOf(apigatewayv2.CfnApiMapping);
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      DomainName: stack.resolve(domain.domainName.domainName),
      ApiId: stack.resolve(api.restApi.restApiId),
      Stage: stack.resolve(api.stage.stageName),
      ApiMappingKey: 'orders/v1',
    });
    expect(countOf(stack, 'AWS::ApiGateway::BasePathMapping')).toBe(0);
  });

  test('serves several APIs and stages under one domain', () => {
    const { stack, domain } = newDomain();
    const orders = newSecureApi(stack, 'Orders');
    const billing = newSecureApi(stack, 'Billing');
    const beta = new apigateway.Stage(stack, 'OrdersBeta', { deployment: orders.restApi.latestDeployment!, stageName: 'beta' });
    domain.addBasePathMapping(orders.restApi, { stage: orders.stage });
    domain.addBasePathMapping(orders.restApi, { stage: beta, basePath: 'beta' });
    domain.addBasePathMapping(billing.restApi, { stage: billing.stage, basePath: 'billing/v1' });

    const template = templateOf(stack);
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      BasePath: Match.absent(), RestApiId: stack.resolve(orders.restApi.restApiId), Stage: stack.resolve(orders.stage.stageName),
    });
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      BasePath: 'beta', RestApiId: stack.resolve(orders.restApi.restApiId), Stage: stack.resolve(beta.stageName),
    });
    template.hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiMappingKey: 'billing/v1', ApiId: stack.resolve(billing.restApi.restApiId), Stage: stack.resolve(billing.stage.stageName),
    });
  });

  test('derives each mapping\'s logical id from its base path, not from the order of declaration', () => {
    const logicalIdOfOrders = (basePathsBefore: string[]) => {
      const { stack, domain } = newDomain();
      const api = newSecureApi(stack, 'Api');
      basePathsBefore.forEach((basePath) => domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath }));
      return stack.getLogicalId(domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders' }));
    };
    expect(logicalIdOfOrders(['billing', 'billing/v2'])).toBe(logicalIdOfOrders([]));
  });

  test('keeps a mapping\'s logical id when its base path is moved to another API, so it updates in place', () => {
    const logicalIdFor = (apiId: string) => {
      const { stack, domain } = newDomain();
      const api = newSecureApi(stack, apiId);
      return stack.getLogicalId(domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders' }));
    };
    expect(logicalIdFor('Orders')).toBe(logicalIdFor('OrdersV2'));
  });

  test('accepts a stage imported by attributes', () => {
    const { stack, domain } = newDomain();
    const api = apigateway.RestApi.fromRestApiId(stack, 'Imported', 'abc123');
    const stage = apigateway.Stage.fromStageAttributes(stack, 'ImportedStage', { restApi: api, stageName: 'live' });
    domain.addBasePathMapping(api, { stage, basePath: 'legacy' });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMapping', { BasePath: 'legacy', RestApiId: 'abc123', Stage: 'live' });
  });
});

describe('validation', () => {
  test('a mapping without a stage is rejected', () => {
    const { stack, domain } = newDomain();
    const api = newSecureApi(stack, 'Api');
    expect(() => domain.addBasePathMapping(api.restApi, {} as any)).toThrow(
      '[MissingProp] TestStack/Domain: stage is undefined; expected a stage of the mapped API (apigateway.IStage), e.g. api.stage');
  });

  test('a misspelt mapping option is rejected with the closest option', () => {
    const { stack, domain } = newDomain();
    const api = newSecureApi(stack, 'Api');
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage, basepath: 'orders' } as any))
      .toThrow("[UnknownProp] TestStack/Domain: basepath is not a prop of CustomDomainMappingOptions; did you mean 'basePath'?");
  });

  test('a domain without a certificate or a hosted zone is rejected', () => {
    expect(() => new ApiCustomDomain(newStack(), 'Domain', { domainName: 'api.example.com' }))
      .toThrow(/domainName 'api.example.com' has neither certificate nor hostedZone; give certificate .* or hostedZone/);
  });

  test('errors name the construct path and a stable id', () => {
    expect(() => new ApiCustomDomain(newStack(), 'Domain', { domainName: 'api.example.com' }))
      .toThrow(/^\[CertificateOrZoneRequired\] TestStack\/Domain: /);
  });

  test('an uppercase domain name is rejected with its lowercase spelling', () => {
    expect(() => newDomain(() => ({ domainName: 'API.example.com' })))
      .toThrow(/domainName is 'API.example.com' but API Gateway custom domain names must be lowercase; use 'api.example.com'/);
  });

  test.each([
    ['localhost'],
    ['api..example.com'],
    ['api.example.com.'],
    ['-api.example.com'],
    ['api.*.example.com'],
    ['api_v1.example.com'],
  ])('the domain name %s is rejected', (domainName) => {
    expect(() => newDomain(() => ({ domainName }))).toThrow(new RegExp(`\\[InvalidDomainName\\].*domainName is '${domainName.replace(/[.*]/g, '\\$&')}', which is not a DNS name`));
  });

  test('a domain outside the hosted zone is rejected', () => {
    expect(() => newDomain(() => ({ domainName: 'api.example.org' })))
      .toThrow(/domainName 'api.example.org' is not in hostedZone 'example.com'/);
  });

  test('a domain name that merely ends with the zone name is rejected', () => {
    expect(() => newDomain(() => ({ domainName: 'notexample.com' }))).toThrow(/\[DomainNotInZone\]/);
  });

  test('a token domain name skips the name checks', () => {
    const { stack } = newDomain(() => ({ domainName: Lazy.string({ produce: () => 'API.elsewhere.org' }) }));
    expect(countOf(stack, 'AWS::ApiGateway::DomainName')).toBe(1);
  });

  test('PRIVATE endpoints are rejected, pointing to PrivateApiCustomDomain', () => {
    expect(() => newDomain(() => ({ endpointType: apigateway.EndpointType.PRIVATE })))
      .toThrow(/\[PrivateDomainNotSupported\].*endpointType is PRIVATE, and ApiCustomDomain serves public APIs only; use PrivateApiCustomDomain/);
  });

  test('mutual TLS on an EDGE domain is rejected as regional-only', () => {
    expect(() => newDomain((s) => ({
      endpointType: apigateway.EndpointType.EDGE,
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', US_EAST_1_CERTIFICATE),
      mutualTls: truststore(s),
    }))).toThrow(/mutualTls is set but endpointType is EDGE; API Gateway supports mutual TLS only on REGIONAL custom domains/);
  });

  test('a truststore key with a leading slash is rejected', () => {
    expect(() => newDomain((s) => ({ mutualTls: { ...truststore(s), truststoreKey: '/truststore.pem' } })))
      .toThrow(/mutualTls.truststoreKey is '\/truststore.pem'; expected the S3 object key of the truststore without a leading '\/'/);
  });

  test('an EDGE domain that would create its certificate outside us-east-1 is rejected', () => {
    expect(() => newDomain(() => ({ endpointType: apigateway.EndpointType.EDGE })))
      .toThrow(/\[EdgeCertificateRegion\].*created in this stack's region eu-west-1; API Gateway requires an edge-optimized domain's certificate in us-east-1/);
  });

  test('an EDGE domain with a certificate outside us-east-1 is rejected', () => {
    expect(() => newDomain((s) => ({
      endpointType: apigateway.EndpointType.EDGE,
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', EU_WEST_1_CERTIFICATE),
    }))).toThrow(/certificate is in eu-west-1 but endpointType is EDGE; .* pass a us-east-1 certificate/);
  });

  test('a REGIONAL domain with a certificate from another region is rejected', () => {
    expect(() => newDomain((s) => ({ certificate: acm.Certificate.fromCertificateArn(s, 'Cert', US_EAST_1_CERTIFICATE) })))
      .toThrow(/\[RegionalCertificateRegion\].*certificate is in us-east-1 but this REGIONAL domain is in eu-west-1/);
  });

  test('an EDGE domain accepts a certificate created in a us-east-1 stack', () => {
    const app = new App();
    const env = { account: '123456789012' };
    const certificates = new Stack(app, 'Certificates', { env: { ...env, region: 'us-east-1' }, crossRegionReferences: true });
    const certificate = new acm.Certificate(certificates, 'Certificate', { domainName: 'api.example.com' });
    const stack = new Stack(app, 'TestStack', { env: { ...env, region: 'eu-west-1' }, crossRegionReferences: true });
    newDomain(() => ({ endpointType: apigateway.EndpointType.EDGE, certificate }), stack);
    Annotations.fromStack(stack).hasNoWarning('/TestStack/Domain', Match.anyValue());
  });
});

describe('base path validation', () => {
  test.each([
    ['empty', '', /basePath is an empty string; omit basePath to map the domain root/],
    ['with a leading slash', '/orders', /basePath is '\/orders'; a base path has no leading or trailing '\/', write 'orders'/],
    ['with a trailing slash', 'orders/', /basePath is 'orders\/'; a base path has no leading or trailing '\/', write 'orders'/],
    ['with an empty segment', 'orders//v1', /basePath is 'orders\/\/v1', which has an empty segment/],
    ['with a \'?\'', 'orders/v1?x', /segment 'v1\?x' has a character API Gateway does not accept; base paths contain only letters, digits and/],
    ['of 301 characters', 'a'.repeat(301), /basePath is 301 characters long; API Gateway allows at most 300/],
  ])('a base path %s is rejected', (_, basePath, message) => {
    expect(() => mapped(basePath)).toThrow(message);
  });

  test('a token base path is rejected, as mapping ids derive from base paths', () => {
    expect(() => mapped(Lazy.string({ produce: () => 'orders' }))).toThrow(/\[UnresolvedBasePath\].*base paths must be literal strings/);
  });

  test('two mappings at one base path are rejected, naming both stages', () => {
    const { stack, domain } = newDomain();
    const orders = newSecureApi(stack, 'Orders');
    const billing = newSecureApi(stack, 'Billing');
    domain.addBasePathMapping(orders.restApi, { stage: orders.stage, basePath: 'v1' });
    expect(() => domain.addBasePathMapping(billing.restApi, { stage: billing.stage, basePath: 'v1' }))
      .toThrow(/basePath 'v1' is already mapped to TestStack\/Orders\/Api\/DeploymentStage.prod and cannot also be mapped to TestStack\/Billing\/Api\/DeploymentStage.prod/);
  });

  test('two mappings at the domain root are rejected', () => {
    const { stack, domain } = newDomain();
    const orders = newSecureApi(stack, 'Orders');
    const billing = newSecureApi(stack, 'Billing');
    domain.addBasePathMapping(orders.restApi, { stage: orders.stage });
    expect(() => domain.addBasePathMapping(billing.restApi, { stage: billing.stage }))
      .toThrow(/\[DuplicateBasePath\].*the domain root \(no basePath\) is already mapped to TestStack\/Orders/);
  });

  test('a multi-level base path on an EDGE domain is rejected', () => {
    const { stack, domain } = newDomain((s) => ({
      endpointType: apigateway.EndpointType.EDGE,
      certificate: acm.Certificate.fromCertificateArn(s, 'Cert', US_EAST_1_CERTIFICATE),
    }));
    const api = newSecureApi(stack, 'Api');
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders/v1' }))
      .toThrow(/basePath 'orders\/v1' has several levels, which API Gateway supports only on REGIONAL custom domains, and this domain is EDGE/);
  });

  test('a stage of another API is rejected', () => {
    const { stack, domain } = newDomain();
    const orders = newSecureApi(stack, 'Orders');
    const billing = newSecureApi(stack, 'Billing');
    expect(() => domain.addBasePathMapping(orders.restApi, { stage: billing.stage }))
      .toThrow(/\[StageOfAnotherApi\] .*options.stage TestStack\/Billing\/Api\/DeploymentStage.prod belongs to API TestStack\/Billing\/Api, not to the mapped API TestStack\/Orders\/Api/);
  });

  test('an API in another region is rejected', () => {
    const { stack, domain } = newDomain();
    const elsewhere = new Stack(stack.node.scope as App, 'UsStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const api = newSecureApi(elsewhere, 'Api');
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage }))
      .toThrow(/\[ApiInAnotherEnvironment\] .*API UsStack\/Api\/Api is in account 123456789012, region us-east-1, and this domain in account 123456789012, region eu-west-1; API Gateway maps only APIs of the domain's own account and region/);
  });

  test('a PRIVATE API is rejected on a public domain', () => {
    const { stack, domain } = newDomain();
    const api = new apigateway.RestApi(stack, 'PrivateApi', { endpointTypes: [apigateway.EndpointType.PRIVATE] });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    expect(() => domain.addBasePathMapping(api, { stage: api.deploymentStage }))
      .toThrow(/API TestStack\/PrivateApi is PRIVATE, and a REGIONAL custom domain serves public APIs only/);
  });
});

describe('cdk-nag', () => {
  test('reports no unsuppressed finding on a domain with a created certificate and mappings', () => {
    const { stack, domain } = newDomain();
    const api = newSecureApi(stack, 'Api');
    domain.addBasePathMapping(api.restApi, { stage: api.stage });
    domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders/v1' });
    expect(nagFindings(stack, { fixtures: fixtureFunction('ApiHandler') })).toEqual([]);
  });
});
