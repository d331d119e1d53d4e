import { Stack, Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { CustomDomainOptions } from '../../common/custom-domain-options';
import { certificateRegion, parseBasePath, validateDomainInZone, validateDomainName, validateTruststoreKey } from '../../private/custom-domain';
import { check, warn } from '../../private/errors';
import { HttpApiCustomDomain } from '../http-api-custom-domain';

/**
 * Creates the custom domain of one HTTP API stage under `scope` (ids `DomainName`, `Certificate`, `ApiMapping`,
 * `AliasRecord`): HTTP APIs have regional domains only, so the certificate lives in the stack's region.
 */
export function createHttpCustomDomain(
  scope: Construct, options: CustomDomainOptions, httpApi: apigatewayv2.HttpApi, stage: apigatewayv2.HttpStage,
): HttpApiCustomDomain {
  const prop = 'customDomain';
  validateDomainName(scope, `${prop}.domainName`, options.domainName);
  check(options.certificate !== undefined || options.hostedZone !== undefined, scope, 'CertificateOrZoneRequired', () =>
    `${prop}.domainName '${options.domainName}' has neither certificate nor hostedZone; give certificate (an ACM certificate for the domain), or hostedZone to create one validated by DNS`);
  if (options.hostedZone) {
    validateDomainInZone(scope, options.domainName, options.hostedZone.zoneName, `${prop}.hostedZone`);
  }
  const segments = parseBasePath(scope, `${prop}.basePath`, options.basePath);
  validateTruststoreKey(scope, `${prop}.mutualTls.truststoreKey`, options.mutualTls?.truststoreKey);

  const certificate = options.certificate ?? new acm.Certificate(scope, 'Certificate', {
    domainName: options.domainName,
    validation: acm.CertificateValidation.fromDns(options.hostedZone),
  });
  const region = certificateRegion(certificate);
  const stackRegion = Stack.of(scope).region;
  check(region === undefined || Token.isUnresolved(stackRegion) || region === stackRegion, scope, 'RegionalCertificateRegion', () =>
    `${prop}.certificate is in ${region} but the API is in ${stackRegion}; HTTP API custom domains are regional and need a certificate of their own region, so pass a certificate from ${stackRegion}`);

  const domainName = new apigatewayv2.DomainName(scope, 'DomainName', {
    domainName: options.domainName,
    certificate,
    securityPolicy: apigatewayv2.SecurityPolicy.TLS_1_2,
    mtls: options.mutualTls && {
      bucket: options.mutualTls.truststoreBucket,
      key: options.mutualTls.truststoreKey,
      version: options.mutualTls.truststoreVersion,
    },
  });
  const apiMapping = new apigatewayv2.ApiMapping(scope, 'ApiMapping', {
    api: httpApi,
    domainName,
    stage,
    apiMappingKey: options.basePath,
  });
  const aliasRecord = options.hostedZone && new route53.ARecord(scope, 'AliasRecord', {
    zone: options.hostedZone,
    recordName: options.domainName,
    target: route53.RecordTarget.fromAlias(
      new route53Targets.ApiGatewayv2DomainProperties(domainName.regionalDomainName, domainName.regionalHostedZoneId)),
  });
  if (options.mutualTls && !httpApi.disableExecuteApiEndpoint) {
    warn(scope, '@gatewaykit/mtls-default-endpoint-enabled',
      `${prop}.mutualTls requires client certificates on the domain, but the API's default execute-api endpoint is enabled, so clients can call it without a certificate; set disableExecuteApiEndpoint: true, or acknowledge this warning if the API's own authorization is enough.`);
  }
  const url = `https://${options.domainName}/${segments.length ? `${segments.join('/')}/` : ''}`;
  return { domainName, certificate, apiMapping, aliasRecord, url };
}
