import { App, Lazy, Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { PrivateApiCustomDomain, PrivateApiCustomDomainProps, SecureLambdaApi } from '../../src';
import { countOf, newFunction, newStack, templateOf } from '../support/fixtures';
import { fixtureFunction, nagFindings } from '../support/nag';

const ENDPOINT_ID = 'vpce-0123456789abcdef0';
const OTHER_ENDPOINT_ID = 'vpce-0fedcba9876543210';
const PUBLIC_ZONE_ID = 'Z0000000000000000000';
const PRIVATE_ZONE_ID = 'Z1111111111111111111';
const EU_WEST_1_CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const US_EAST_1_CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/** The endpoint imported as `id` into the stack, imported on first use. */
function importedEndpoint(stack: Stack, id = 'E', vpcEndpointId = ENDPOINT_ID): ec2.IInterfaceVpcEndpoint {
  return stack.node.tryFindChild(id) as ec2.IInterfaceVpcEndpoint | undefined
    ?? ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, id, { vpcEndpointId, port: 443 });
}

function certificateIn(stack: Stack, arn = EU_WEST_1_CERTIFICATE): acm.ICertificate {
  return acm.Certificate.fromCertificateArn(stack, 'Cert', arn);
}

/** `api.internal.example.com` in a fresh eu-west-1 stack, with a given certificate and one imported endpoint, `props` on top. */
function newDomain(props: (stack: Stack) => Partial<PrivateApiCustomDomainProps> = () => ({}), stack = newStack()) {
  const overrides = props(stack);
  const domain = new PrivateApiCustomDomain(stack, 'Domain', {
    domainName: 'api.internal.example.com',
    certificate: 'certificate' in overrides ? overrides.certificate : certificateIn(stack),
    vpcEndpoints: overrides.vpcEndpoints ?? [importedEndpoint(stack)],
    ...overrides,
  });
  return { stack, domain };
}

/** A private SecureLambdaApi reached through `endpoint`, by default the imported endpoint `E`. */
function newPrivateApi(stack: Stack, id = 'Api', endpoint = importedEndpoint(stack)): SecureLambdaApi {
  return new SecureLambdaApi(stack, id, {
    endpointType: apigateway.EndpointType.PRIVATE,
    privateEndpoint: { vpcEndpoints: [endpoint] },
    routes: { 'GET /items': { handler: newFunction(stack, `${id}Handler`), isPublic: true } },
  });
}

function mapped(basePath?: string) {
  const { stack, domain } = newDomain();
  const api = newPrivateApi(stack);
  const mapping = domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath });
  return { stack, domain, api, mapping };
}

/** A VPC endpoint for execute-api created in the stack, whose DNS entries are known. */
function createdEndpoint(stack: Stack, id = 'Endpoint'): ec2.InterfaceVpcEndpoint {
  const vpc = stack.node.tryFindChild('Vpc') as ec2.Vpc | undefined ?? new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
  return new ec2.InterfaceVpcEndpoint(stack, id, { vpc, service: ec2.InterfaceVpcEndpointAwsService.APIGATEWAY });
}

function privateZoneIn(stack: Stack): route53.IPrivateHostedZone {
  return route53.PrivateHostedZone.fromPrivateHostedZoneAttributes(stack, 'PrivateZone', { hostedZoneId: PRIVATE_ZONE_ID, zoneName: 'internal.example.com' });
}

describe('PrivateApiCustomDomain', () => {
  test('creates a PRIVATE domain name with the TLS 1.2 security policy and the given certificate', () => {
    const { stack } = newDomain();
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainNameV2', {
      DomainName: 'api.internal.example.com',
      EndpointConfiguration: { Types: ['PRIVATE'] },
      SecurityPolicy: 'TLS_1_2',
      CertificateArn: EU_WEST_1_CERTIFICATE,
    });
    expect(countOf(stack, 'AWS::CertificateManager::Certificate')).toBe(0);
  });

  test('allows invoking the domain only through the listed VPC endpoints, with an explicit Deny', () => {
    const { stack } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s), importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainNameV2', {
      Policy: {
        Version: '2012-10-17',
        Statement: [
          { Sid: 'AllowInvoke', Effect: 'Allow', Principal: '*', Action: 'execute-api:Invoke', Resource: 'execute-api:/*', Condition: Match.absent() },
          {
            Sid: 'DenyOtherVpcEndpoints',
            Effect: 'Deny',
            Principal: '*',
            Action: 'execute-api:Invoke',
            Resource: 'execute-api:/*',
            Condition: { StringNotEquals: { 'aws:SourceVpce': [ENDPOINT_ID, OTHER_ENDPOINT_ID] } },
          },
        ],
      },
    });
  });

  test('associates each VPC endpoint with the domain', () => {
    const { stack, domain } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s), importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    const template = templateOf(stack);
    for (const endpointId of [ENDPOINT_ID, OTHER_ENDPOINT_ID]) {
      template.hasResourceProperties('AWS::ApiGateway::DomainNameAccessAssociation', {
        DomainNameArn: stack.resolve(domain.domainNameArn),
        AccessAssociationSource: endpointId,
        AccessAssociationSourceType: 'VPCE',
      });
    }
    expect(domain.accessAssociations).toHaveLength(2);
  });

  test('names each access association after its endpoint, not its position in the list', () => {
    const logicalIdOfOther = (endpointIds: string[]) => {
      const { stack, domain } = newDomain((s) => ({ vpcEndpoints: endpointIds.map((id) => importedEndpoint(s, id, `vpce-${id.toLowerCase()}`)) }));
      return stack.getLogicalId(domain.accessAssociations[endpointIds.indexOf('Other')]);
    };
    expect(logicalIdOfOther(['First', 'Other'])).toBe(logicalIdOfOther(['Other']));
  });

  test('creates a certificate for the domain, validated by DNS in the public hosted zone, when none is given', () => {
    const { stack, domain } = newDomain((s) => ({
      certificate: undefined,
      publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(s, 'PublicZone', { hostedZoneId: PUBLIC_ZONE_ID, zoneName: 'example.com' }),
    }));
    templateOf(stack).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.internal.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.internal.example.com', HostedZoneId: PUBLIC_ZONE_ID }],
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainNameV2', { CertificateArn: stack.resolve(domain.certificate.certificateArn) });
  });

  test('points an alias A record in the private hosted zone at the VPC endpoint\'s regional DNS name', () => {
    const stack = newStack();
    const endpoint = createdEndpoint(stack);
    const { domain } = newDomain((s) => ({ vpcEndpoints: [endpoint], privateHostedZone: privateZoneIn(s) }), stack);
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.internal.example.com.',
      Type: 'A',
      HostedZoneId: PRIVATE_ZONE_ID,
      AliasTarget: {
        DNSName: { 'Fn::Select': [1, { 'Fn::Split': [':', { 'Fn::Select': [0, stack.resolve(endpoint.vpcEndpointDnsEntries)] }] }] },
        HostedZoneId: { 'Fn::Select': [0, { 'Fn::Split': [':', { 'Fn::Select': [0, stack.resolve(endpoint.vpcEndpointDnsEntries)] }] }] },
      },
    });
    expect(domain.aliasRecord).toBeInstanceOf(route53.ARecord);
  });

  test('creates no DNS record without a private hosted zone', () => {
    const { stack, domain } = newDomain();
    expect(domain.aliasRecord).toBeUndefined();
    expect(countOf(stack, 'AWS::Route53::RecordSet')).toBe(0);
  });

  test('exposes the domain ARN, id and URL', () => {
    const { stack, domain } = newDomain();
    expect(stack.resolve(domain.domainNameArn)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(domain.domainName), 'DomainNameArn'] });
    expect(stack.resolve(domain.domainNameId)).toEqual({ 'Fn::GetAtt': [stack.getLogicalId(domain.domainName), 'DomainNameId'] });
    expect(domain.url).toBe('https://api.internal.example.com/');
  });

  test('exposes the CfnDomainNameV2 as its default child', () => {
    const { domain } = newDomain();
    expect(domain.domainName).toBeInstanceOf(apigateway.CfnDomainNameV2);
    expect(domain.node.defaultChild).toBe(domain.domainName);
  });
});

describe('base path mappings', () => {
  test('maps a stage of a private API at the domain root without a base path', () => {
    const { stack, domain, api, mapping } = mapped();
    expect(mapping).toBeInstanceOf(apigateway.CfnBasePathMappingV2);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', {
      DomainNameArn: stack.resolve(domain.domainNameArn),
      RestApiId: stack.resolve(api.restApi.restApiId),
      Stage: stack.resolve(api.stage.stageName),
      BasePath: Match.absent(),
    });
  });

  test('maps a stage at a single-level base path', () => {
    const { stack } = mapped('orders');
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', { BasePath: 'orders' });
  });

  test('serves several private APIs under one domain', () => {
    const { stack, domain } = newDomain();
    const orders = newPrivateApi(stack, 'Orders');
    const billing = newPrivateApi(stack, 'Billing');
    domain.addBasePathMapping(orders.restApi, { stage: orders.stage, basePath: 'orders' });
    domain.addBasePathMapping(billing.restApi, { stage: billing.stage, basePath: 'billing' });
    const template = templateOf(stack);
    template.hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', { BasePath: 'orders', RestApiId: stack.resolve(orders.restApi.restApiId) });
    template.hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', { BasePath: 'billing', RestApiId: stack.resolve(billing.restApi.restApiId) });
  });

  test('keeps a mapping\'s logical id when its base path is moved to another API, so it updates in place', () => {
    const logicalIdFor = (apiId: string) => {
      const { stack, domain } = newDomain();
      const api = newPrivateApi(stack, apiId);
      return stack.getLogicalId(domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders' }));
    };
    expect(logicalIdFor('Orders')).toBe(logicalIdFor('OrdersV2'));
  });

  test('accepts an imported API, whose endpoint type and policy cannot be checked', () => {
    const { stack, domain } = newDomain();
    const api = apigateway.RestApi.fromRestApiId(stack, 'Imported', 'abc123');
    const stage = apigateway.Stage.fromStageAttributes(stack, 'ImportedStage', { restApi: api, stageName: 'live' });
    domain.addBasePathMapping(api, { stage, basePath: 'legacy' });
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::BasePathMappingV2', { BasePath: 'legacy', RestApiId: 'abc123', Stage: 'live' });
  });

  test('accepts an API that admits the domain\'s endpoint through resourcePolicy.allowedVpcEndpoints', () => {
    const { stack, domain } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    const api = new SecureLambdaApi(stack, 'Api', {
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [importedEndpoint(stack)] },
      resourcePolicy: { allowedVpcEndpoints: domain.vpcEndpoints },
      routes: { 'GET /items': { handler: newFunction(stack), isPublic: true } },
    });
    domain.addBasePathMapping(api.restApi, { stage: api.stage });
    expect(countOf(stack, 'AWS::ApiGateway::BasePathMappingV2')).toBe(1);
  });
  test('accepts an API that admits whole VPCs, as the domain\'s endpoint may be in one of them', () => {
    const { stack, domain } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    const api = new SecureLambdaApi(stack, 'Api', {
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [importedEndpoint(stack)] },
      resourcePolicy: { allowedVpcs: [ec2.Vpc.fromVpcAttributes(stack, 'ConsumerVpc', { vpcId: 'vpc-0123456789abcdef0', availabilityZones: ['eu-west-1a'] })] },
      routes: { 'GET /items': { handler: newFunction(stack), isPublic: true } },
    });
    domain.addBasePathMapping(api.restApi, { stage: api.stage });
    expect(countOf(stack, 'AWS::ApiGateway::BasePathMappingV2')).toBe(1);
  });
});

describe('validation', () => {
  test('a domain without a certificate or a public hosted zone is rejected', () => {
    expect(() => newDomain(() => ({ certificate: undefined })))
      .toThrow(/^\[CertificateOrZoneRequired\] TestStack\/Domain: domainName 'api.internal.example.com' has neither certificate nor publicHostedZone/);
  });

  test('a wildcard domain name is rejected', () => {
    expect(() => newDomain(() => ({ domainName: '*.internal.example.com' })))
      .toThrow(/\[PrivateWildcardDomain\].*domainName is '\*.internal.example.com', but API Gateway does not support wildcard private custom domain names/);
  });

  test('an uppercase domain name is rejected with its lowercase spelling', () => {
    expect(() => newDomain(() => ({ domainName: 'API.internal.example.com' })))
      .toThrow(/domainName is 'API.internal.example.com' but API Gateway custom domain names must be lowercase; use 'api.internal.example.com'/);
  });

  test('a domain name that is not a DNS name is rejected', () => {
    expect(() => newDomain(() => ({ domainName: 'localhost' }))).toThrow(/\[InvalidDomainName\].*domainName is 'localhost', which is not a DNS name/);
  });

  test('a token domain name skips the name checks', () => {
    const { stack } = newDomain(() => ({ domainName: Lazy.string({ produce: () => '*.API.elsewhere.org' }) }));
    expect(countOf(stack, 'AWS::ApiGateway::DomainNameV2')).toBe(1);
  });

  test('a domain outside the public hosted zone is rejected', () => {
    expect(() => newDomain((s) => ({
      certificate: undefined,
      publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(s, 'PublicZone', { hostedZoneId: PUBLIC_ZONE_ID, zoneName: 'example.org' }),
    }))).toThrow(/\[DomainNotInZone\].*domainName 'api.internal.example.com' is not in publicHostedZone 'example.org'; the certificate's validation record is written to that zone/);
  });

  test('a domain outside the private hosted zone is rejected', () => {
    const stack = newStack();
    const endpoint = createdEndpoint(stack);
    expect(() => newDomain((s) => ({ domainName: 'api.example.org', vpcEndpoints: [endpoint], privateHostedZone: privateZoneIn(s) }), stack))
      .toThrow(/domainName 'api.example.org' is not in privateHostedZone 'internal.example.com'; the alias record is written to that zone/);
  });

  test('no VPC endpoint is rejected', () => {
    expect(() => newDomain(() => ({ vpcEndpoints: [] })))
      .toThrow(/\[NoVpcEndpoints\].*vpcEndpoints is empty; a private custom domain name is invoked only through interface VPC endpoints/);
  });

  test('an endpoint listed twice is rejected', () => {
    expect(() => newDomain((s) => {
      const endpoint = importedEndpoint(s);
      return { vpcEndpoints: [endpoint, endpoint] };
    })).toThrow(/\[DuplicateVpcEndpoint\].*vpcEndpoints lists TestStack\/E twice/);
  });

  test('two endpoints with the same construct id, as two private SecureLambdaApis create, each get an association', () => {
    const { stack } = newDomain((s) => {
      const nested = new Stack(s.node.scope as App, 'Other', { env: { account: '123456789012', region: 'eu-west-1' } });
      return { vpcEndpoints: [importedEndpoint(s), importedEndpoint(nested, 'E', OTHER_ENDPOINT_ID)] };
    });
    expect(countOf(stack, 'AWS::ApiGateway::DomainNameAccessAssociation')).toBe(2);
  });

  test('a certificate from another region is rejected', () => {
    expect(() => newDomain((s) => ({ certificate: certificateIn(s, US_EAST_1_CERTIFICATE) })))
      .toThrow(/\[PrivateCertificateRegion\].*certificate is in us-east-1 but this private domain is in eu-west-1/);
  });

  test('a private hosted zone with only imported endpoints is rejected, as their DNS name is unknown', () => {
    expect(() => newDomain((s) => ({ privateHostedZone: privateZoneIn(s) })))
      .toThrow(/\[PrivateZoneEndpointUnknown\].*privateHostedZone is set but no endpoint of vpcEndpoints was created in this app/);
  });

  test('a private hosted zone with several created endpoints is rejected as ambiguous', () => {
    const stack = newStack();
    const endpoints = [createdEndpoint(stack, 'A'), createdEndpoint(stack, 'B')];
    expect(() => newDomain((s) => ({ vpcEndpoints: endpoints, privateHostedZone: privateZoneIn(s) }), stack))
      .toThrow(/privateHostedZone is set and vpcEndpoints has 2 endpoints created in this app \(TestStack\/A, TestStack\/B\), so it is ambiguous/);
  });
});

describe('base path validation', () => {
  test('a multi-level base path is rejected', () => {
    expect(() => mapped('orders/v1'))
      .toThrow(/\[MultiLevelBasePathOnPrivateDomain\].*basePath 'orders\/v1' has several levels, which API Gateway does not support on private custom domain names/);
  });

  test('a base path with a leading slash is rejected', () => {
    expect(() => mapped('/orders')).toThrow(/basePath is '\/orders'; a base path has no leading or trailing '\/', write 'orders'/);
  });

  test('two mappings at the domain root are rejected', () => {
    const { stack, domain } = newDomain();
    const orders = newPrivateApi(stack, 'Orders');
    const billing = newPrivateApi(stack, 'Billing');
    domain.addBasePathMapping(orders.restApi, { stage: orders.stage });
    expect(() => domain.addBasePathMapping(billing.restApi, { stage: billing.stage }))
      .toThrow(/\[DuplicateBasePath\].*the domain root \(no basePath\) is already mapped to TestStack\/Orders\/Api\/DeploymentStage.prod and cannot also be mapped to TestStack\/Billing/);
  });

  test('a stage of another API is rejected', () => {
    const { stack, domain } = newDomain();
    const orders = newPrivateApi(stack, 'Orders');
    const billing = newPrivateApi(stack, 'Billing');
    expect(() => domain.addBasePathMapping(orders.restApi, { stage: billing.stage }))
      .toThrow(/\[StageOfAnotherApi\].*options.stage TestStack\/Billing\/Api\/DeploymentStage.prod belongs to API TestStack\/Billing\/Api, not to the mapped API TestStack\/Orders\/Api/);
  });

  test('an API in another region is rejected', () => {
    const { stack, domain } = newDomain();
    const elsewhere = new Stack(stack.node.scope as App, 'UsStack', { env: { account: '123456789012', region: 'us-east-1' } });
    const api = newPrivateApi(elsewhere);
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage }))
      .toThrow(/\[ApiInAnotherEnvironment\].*API UsStack\/Api\/Api is in account 123456789012, region us-east-1/);
  });

  test('a REGIONAL API is rejected', () => {
    const { stack, domain } = newDomain();
    const api = new SecureLambdaApi(stack, 'Api', { routes: { 'GET /items': { handler: newFunction(stack) } } });
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage }))
      .toThrow(/\[PublicApiOnPrivateDomain\].*API TestStack\/Api\/Api is REGIONAL, and a private custom domain name serves PRIVATE APIs only/);
  });

  test('a RestApi without an endpoint configuration is rejected as EDGE', () => {
    const { stack, domain } = newDomain();
    const api = new apigateway.RestApi(stack, 'EdgeApi');
    api.root.addMethod('GET', new apigateway.MockIntegration());
    expect(() => domain.addBasePathMapping(api, { stage: api.deploymentStage }))
      .toThrow(/API TestStack\/EdgeApi is EDGE, and a private custom domain name serves PRIVATE APIs only/);
  });

  test('an API whose resource policy denies the domain\'s endpoint is rejected', () => {
    const { stack, domain } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    const api = newPrivateApi(stack, 'Api', importedEndpoint(stack));
    expect(() => domain.addBasePathMapping(api.restApi, { stage: api.stage }))
      .toThrow(/\[VpcEndpointDeniedByApi\].*API TestStack\/Api\/Api has a resource policy that denies calls through TestStack\/Other, which this domain admits, so calls through the domain would be refused; .*resourcePolicy.allowedVpcEndpoints/);
  });

  test('an API restricted by RestApi.grantInvokeFromVpcEndpointsOnly to other endpoints is rejected', () => {
    const { stack, domain } = newDomain((s) => ({ vpcEndpoints: [importedEndpoint(s, 'Other', OTHER_ENDPOINT_ID)] }));
    const api = new apigateway.RestApi(stack, 'PrivateApi', { endpointTypes: [apigateway.EndpointType.PRIVATE] });
    api.root.addMethod('GET', new apigateway.MockIntegration());
    api.grantInvokeFromVpcEndpointsOnly([importedEndpoint(stack)]);
    expect(() => domain.addBasePathMapping(api, { stage: api.deploymentStage })).toThrow(/\[VpcEndpointDeniedByApi\]/);
  });
});

describe('cdk-nag', () => {
  test('reports no unsuppressed finding on a domain with a created certificate, an alias record and a mapping', () => {
    const stack = newStack();
    const endpoint = createdEndpoint(stack);
    const { domain } = newDomain((s) => ({
      certificate: undefined,
      publicHostedZone: route53.PublicHostedZone.fromPublicHostedZoneAttributes(s, 'PublicZone', { hostedZoneId: PUBLIC_ZONE_ID, zoneName: 'example.com' }),
      vpcEndpoints: [endpoint],
      privateHostedZone: privateZoneIn(s),
    }), stack);
    const api = newPrivateApi(stack, 'Api', endpoint);
    domain.addBasePathMapping(api.restApi, { stage: api.stage, basePath: 'orders' });
    expect(nagFindings(stack, { fixtures: [...fixtureFunction('ApiHandler'), 'Vpc', 'Endpoint'] })).toEqual([]);
  });
});
