import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { SecureLambdaApi } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

const vpcIn = (stack: Stack) => new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 0 });
const existingEndpoint = (stack: Stack, id = 'vpce-0123456789abcdef0') =>
  ec2.InterfaceVpcEndpoint.fromInterfaceVpcEndpointAttributes(stack, id, { vpcEndpointId: id, port: 443 });

describe('endpoint types', () => {
  test('an API is REGIONAL by default', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['REGIONAL'] } });
  });

  test('an EDGE API is edge-optimized', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, endpointType: apigateway.EndpointType.EDGE }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { EndpointConfiguration: { Types: ['EDGE'] } });
  });

  test('the default execute-api endpoint can be turned off', () => {
    const { stack } = newApi((handler) => ({ routes: { 'GET /items': { handler } }, disableExecuteApiEndpoint: true }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', { DisableExecuteApiEndpoint: true });
  });
});

describe('a PRIVATE API in a given VPC', () => {
  const { stack, api } = newApi((handler, s) => ({
    routes: { 'GET /items': { handler } },
    endpointType: apigateway.EndpointType.PRIVATE,
    privateEndpoint: { vpc: vpcIn(s) },
  }));
  const template = templateOf(stack);
  const endpointId = stack.resolve(api.vpcEndpoint!.vpcEndpointId);

  test('creates an execute-api interface endpoint with private DNS', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpoint', {
      ServiceName: 'com.amazonaws.eu-west-1.execute-api',
      VpcEndpointType: 'Interface',
      PrivateDnsEnabled: true,
    });
  });

  test('admits HTTPS from the VPC\'s CIDR range only, and nothing out', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: [{ CidrIp: { 'Fn::GetAtt': [Match.stringLikeRegexp('^Vpc'), 'CidrBlock'] }, FromPort: 443, ToPort: 443, IpProtocol: 'tcp' }],
      SecurityGroupEgress: [Match.objectLike({ CidrIp: '255.255.255.255/32' })],
    });
  });

  test('is PRIVATE and associated with the endpoint', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: [endpointId] },
    });
  });

  test('denies every call that does not come through the endpoint', () => {
    template.hasResourceProperties('AWS::ApiGateway::RestApi', {
      Policy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': [endpointId] } } }),
        ]),
      },
    });
  });
});

describe('a PRIVATE API behind existing endpoints', () => {
  test('creates no endpoint and admits calls through the given ones only', () => {
    const { stack, api } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [existingEndpoint(s), existingEndpoint(s, 'vpce-0fedcba9876543210')] },
    }));
    expect(api.vpcEndpoint).toBeUndefined();
    templateOf(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::RestApi', {
      EndpointConfiguration: { Types: ['PRIVATE'], VpcEndpointIds: ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] },
      Policy: {
        Statement: Match.arrayWith([
          Match.objectLike({ Effect: 'Deny', Condition: { StringNotEquals: { 'aws:SourceVpce': ['vpce-0123456789abcdef0', 'vpce-0fedcba9876543210'] } } }),
        ]),
      },
    });
  });
});

describe('endpoint options that do not fit the endpoint type', () => {
  test('a PRIVATE API without endpoint options is rejected', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, endpointType: apigateway.EndpointType.PRIVATE })))
      .toThrow(/\[PrivateApiWithoutEndpoint\].*endpointType is PRIVATE but privateEndpoint is not set; .*give privateEndpoint.vpc/);
  });

  test('a PRIVATE API with empty endpoint options is rejected', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, endpointType: apigateway.EndpointType.PRIVATE, privateEndpoint: { vpcEndpoints: [] } })))
      .toThrow(/privateEndpoint has neither vpc nor vpcEndpoints/);
  });

  test('a VPC and endpoints together are rejected', () => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpc: vpcIn(s), vpcEndpoints: [existingEndpoint(s)] },
    }))).toThrow(/\[PrivateEndpointAmbiguous\].*privateEndpoint has both vpc and vpcEndpoints/);
  });

  test('subnets without a VPC are rejected', () => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [existingEndpoint(s)], subnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED } },
    }))).toThrow(/privateEndpoint.subnets is set without privateEndpoint.vpc/);
  });

  test.each([apigateway.EndpointType.REGIONAL, apigateway.EndpointType.EDGE])('VPC endpoints on a %s API are rejected', (endpointType) => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType,
      privateEndpoint: { vpc: vpcIn(s) },
    }))).toThrow(new RegExp(`\\[PrivateEndpointOnPublicApi\\].*privateEndpoint is set but endpointType is ${endpointType}; VPC endpoints only reach PRIVATE APIs`));
  });

  test('a hand-written policy on a PRIVATE API is rejected, pointing to resourcePolicy', () => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [existingEndpoint(s)] },
      policy: new iam.PolicyDocument(),
    }))).toThrow(/\[PolicyAndGeneratedPolicy\].*policy is set together with endpointType PRIVATE.*restApi.addToResourcePolicy\(\)/);
  });
});

describe('the API\'s custom domain', () => {
  const zone = (stack: Stack) => route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: 'Z0000000000000000000', zoneName: 'example.com' });

  test('serves the stage under the base path, with TLS 1.2, a DNS-validated certificate and an alias record', () => {
    const { stack, api } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      customDomain: { domainName: 'api.example.com', hostedZone: zone(s), basePath: 'orders' },
    }));
    const template = templateOf(stack);
    template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'api.example.com', ValidationMethod: 'DNS' });
    template.hasResourceProperties('AWS::ApiGateway::DomainName', {
      DomainName: 'api.example.com',
      SecurityPolicy: 'TLS_1_2',
      EndpointConfiguration: { Types: ['REGIONAL'] },
    });
    template.hasResourceProperties('AWS::ApiGateway::BasePathMapping', {
      BasePath: 'orders',
      RestApiId: stack.resolve(api.restApi.restApiId),
      Stage: stack.resolve(api.stage.stageName),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'api.example.com.', Type: 'A' });
    expect(api.customDomain!.url).toBe('https://api.example.com/');
  });

  test('follows the API\'s endpoint type', () => {
    const { stack } = newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.EDGE,
      customDomain: {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc'),
      },
    }));
    templateOf(stack).hasResourceProperties('AWS::ApiGateway::DomainName', { EndpointConfiguration: { Types: ['EDGE'] } });
  });

  test('without a certificate or a zone is rejected', () => {
    expect(() => newApi((handler) => ({ routes: { 'GET /items': { handler } }, customDomain: { domainName: 'api.example.com' } })))
      .toThrow(/\[CertificateOrZoneRequired\] TestStack\/Api\/CustomDomain: domainName 'api.example.com' has neither certificate nor hostedZone/);
  });

  test('mutual TLS on an EDGE API is rejected', () => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.EDGE,
      customDomain: {
        domainName: 'api.example.com',
        certificate: acm.Certificate.fromCertificateArn(s, 'Cert', 'arn:aws:acm:us-east-1:123456789012:certificate/abc'),
        mutualTls: { truststoreBucket: s3.Bucket.fromBucketName(s, 'Trust', 'truststore'), truststoreKey: 'ca.pem' },
      },
    }))).toThrow(/mutualTls is set but endpointType is EDGE; API Gateway supports mutual TLS only on REGIONAL custom domains/);
  });

  test('on a PRIVATE API is rejected, pointing to PrivateApiCustomDomain', () => {
    expect(() => newApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [existingEndpoint(s)] },
      customDomain: { domainName: 'api.example.com', hostedZone: zone(s) },
    }))).toThrow(/\[CustomDomainOnPrivateApi\].*customDomain 'api.example.com' creates a public custom domain, and endpointType is PRIVATE; create a PrivateApiCustomDomain/);
  });
});

describe('two PRIVATE APIs in one VPC', () => {
  const firstInVpc = () => newApi((handler, s) => ({
    routes: { 'GET /items': { handler } },
    endpointType: apigateway.EndpointType.PRIVATE,
    privateEndpoint: { vpc: vpcIn(s) },
  }));

  test('a second endpoint in the VPC is rejected, pointing to the first', () => {
    const { stack, api } = firstInVpc();
    const vpc = stack.node.findChild('Vpc') as ec2.Vpc;
    expect(() => new SecureLambdaApi(stack, 'Second', { endpointType: apigateway.EndpointType.PRIVATE, privateEndpoint: { vpc } }))
      .toThrow(new RegExp(`\\[SecondEndpointInVpc\\] TestStack/Second: privateEndpoint.vpc TestStack/Vpc already has the execute-api endpoint ${api.vpcEndpoint!.node.path}, and a VPC can hold only one with private DNS`));
  });

  test('share the first API\'s endpoint', () => {
    const { stack, api, fn } = firstInVpc();
    new SecureLambdaApi(stack, 'Second', {
      endpointType: apigateway.EndpointType.PRIVATE,
      privateEndpoint: { vpcEndpoints: [api.vpcEndpoint!] },
      routes: { 'GET /other': { handler: fn } },
    });
    templateOf(stack).resourceCountIs('AWS::EC2::VPCEndpoint', 1);
  });
});
