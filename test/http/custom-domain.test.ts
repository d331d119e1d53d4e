import { Stack } from 'aws-cdk-lib';
import { Annotations, Match } from 'aws-cdk-lib/assertions';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { newHttpApi } from './support';
import { CustomDomainOptions } from '../../src';
import { countOf, templateOf } from '../support/fixtures';

const ZONE_ID = 'Z0000000000000000000';
const EU_WEST_1_CERTIFICATE = 'arn:aws:acm:eu-west-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';
const US_EAST_1_CERTIFICATE = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

const zoneIn = (stack: Stack) => route53.HostedZone.fromHostedZoneAttributes(stack, 'Zone', { hostedZoneId: ZONE_ID, zoneName: 'example.com' });
const truststore = (stack: Stack) => ({ truststoreBucket: s3.Bucket.fromBucketName(stack, 'Truststore', 'truststore-bucket'), truststoreKey: 'truststore.pem' });

/** An API on `api.example.com` in the `example.com` zone, with `options` on top. */
function withDomain(options: (stack: Stack) => Partial<CustomDomainOptions> = () => ({}), extra: { disableExecuteApiEndpoint?: boolean } = {}) {
  return newHttpApi((handler, stack) => ({
    customDomain: { domainName: 'api.example.com', hostedZone: zoneIn(stack), ...options(stack) },
    routes: { 'GET /items': { handler } },
    ...extra,
  }));
}

describe('custom domain', () => {
  test('creates a regional domain name with TLS 1.2 and a DNS-validated certificate in the hosted zone', () => {
    const { stack, api } = withDomain();
    templateOf(stack).hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'api.example.com',
      ValidationMethod: 'DNS',
      DomainValidationOptions: [{ DomainName: 'api.example.com', HostedZoneId: ZONE_ID }],
    });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: 'api.example.com',
      DomainNameConfigurations: [{
        CertificateArn: stack.resolve(api.customDomain!.certificate.certificateArn),
        EndpointType: 'REGIONAL',
        SecurityPolicy: 'TLS_1_2',
      }],
      MutualTlsAuthentication: Match.absent(),
    });
  });

  test('maps the stage at the domain root, or under basePath as the API mapping key', () => {
    const { stack, api } = withDomain();
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', {
      ApiId: stack.resolve(api.httpApi.apiId),
      Stage: stack.resolve(api.stage.stageName),
      DomainName: stack.resolve(api.customDomain!.domainName.name),
      ApiMappingKey: Match.absent(),
    });
    expect(api.customDomain!.url).toBe('https://api.example.com/');
    const { stack: nested, api: nestedApi } = withDomain(() => ({ basePath: 'orders/v1' }));
    templateOf(nested).hasResourceProperties('AWS::ApiGatewayV2::ApiMapping', { ApiMappingKey: 'orders/v1' });
    expect(nestedApi.customDomain!.url).toBe('https://api.example.com/orders/v1/');
  });

  test('points an alias A record at the regional domain name', () => {
    const { stack, api } = withDomain();
    templateOf(stack).hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'api.example.com.',
      Type: 'A',
      HostedZoneId: ZONE_ID,
      AliasTarget: {
        DNSName: stack.resolve(api.customDomain!.domainName.regionalDomainName),
        HostedZoneId: stack.resolve(api.customDomain!.domainName.regionalHostedZoneId),
      },
    });
    expect(api.customDomain!.aliasRecord).toBeInstanceOf(route53.ARecord);
  });

  test('uses the certificate given, and creates no record without a hosted zone', () => {
    const { stack, api } = newHttpApi((handler, s) => ({
      routes: { 'GET /items': { handler } },
      customDomain: { domainName: 'api.example.com', certificate: acm.Certificate.fromCertificateArn(s, 'Cert', EU_WEST_1_CERTIFICATE) },
    }));
    expect(countOf(stack, 'AWS::CertificateManager::Certificate')).toBe(0);
    expect(countOf(stack, 'AWS::Route53::RecordSet')).toBe(0);
    expect(api.customDomain!.aliasRecord).toBeUndefined();
  });

  test('requires client certificates with mutual TLS, and warns while the default endpoint stays enabled', () => {
    const { stack } = withDomain((s) => ({ mutualTls: { ...truststore(s), truststoreVersion: 'v1' } }));
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      MutualTlsAuthentication: { TruststoreUri: 's3://truststore-bucket/truststore.pem', TruststoreVersion: 'v1' },
    });
    expect(Annotations.fromStack(stack).findWarning('/TestStack/Api/CustomDomain', Match.stringLikeRegexp('mtls-default-endpoint-enabled'))).toHaveLength(1);
  });

  test('disableExecuteApiEndpoint turns off the default endpoint, and the warning with it; url is the domain\'s', () => {
    const { stack, api } = withDomain((s) => ({ mutualTls: truststore(s) }), { disableExecuteApiEndpoint: true });
    templateOf(stack).hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    expect(api.url).toBe('https://api.example.com/');
    expect(Annotations.fromStack(stack).findWarning('*', Match.stringLikeRegexp('mtls-default-endpoint-enabled'))).toEqual([]);
  });

  test.each<[string, (stack: Stack) => Partial<CustomDomainOptions>, RegExp]>([
    ['an uppercase domain name', () => ({ domainName: 'API.example.com' }), /\[UppercaseDomainName\] .*customDomain\.domainName is 'API\.example\.com'/],
    ['a domain outside the hosted zone', () => ({ domainName: 'api.example.org' }), /\[DomainNotInZone\] .*domainName 'api\.example\.org' is not in customDomain\.hostedZone 'example\.com'/],
    ['neither certificate nor hosted zone', () => ({ hostedZone: undefined }), /\[CertificateOrZoneRequired\] .*customDomain\.domainName 'api\.example\.com' has neither certificate nor hostedZone/],
    ['a base path with a leading slash', () => ({ basePath: '/orders' }), /\[InvalidBasePath\] .*customDomain\.basePath is '\/orders'/],
    ['a certificate of another region', (s) => ({ certificate: acm.Certificate.fromCertificateArn(s, 'Cert', US_EAST_1_CERTIFICATE) }),
      /\[RegionalCertificateRegion\] .*customDomain\.certificate is in us-east-1 but the API is in eu-west-1/],
    ['a truststore key with a leading slash', (s) => ({ mutualTls: { ...truststore(s), truststoreKey: '/truststore.pem' } }),
      /\[InvalidTruststoreKey\] .*customDomain\.mutualTls\.truststoreKey is '\/truststore\.pem'/],
  ])('%s is rejected', (_, options, message) => {
    expect(() => withDomain(options)).toThrow(message);
  });
});
