import { CfnResource, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { ApiCustomDomainOptions } from '../common/custom-domain-options';
import {
  BasePathRegistry, certificateRegion, cfnRestApiOf, describeBasePath, endpointTypesOf, parseBasePath, validateDomainInZone, validateDomainName,
  validateMappingTarget, validateTruststoreKey,
} from '../private/custom-domain';
import { check, warn } from '../private/errors';
import { API_CUSTOM_DOMAIN, CUSTOM_DOMAIN_MAPPING_OPTIONS } from '../private/prop-schemas';
import { checkConstructProps, checkStruct, declareConstructProps } from '../private/prop-types';

/** The only region whose certificates an edge-optimized custom domain (served by CloudFront) can use. */
const EDGE_CERTIFICATE_REGION = 'us-east-1';

/** Properties of an `ApiCustomDomain`. */
export interface ApiCustomDomainProps extends ApiCustomDomainOptions {
  /**
   * REGIONAL, or EDGE (served through CloudFront, with a certificate in us-east-1). For PRIVATE APIs, use
   * `PrivateApiCustomDomain`.
   * @default apigateway.EndpointType.REGIONAL
   */
  readonly endpointType?: apigateway.EndpointType;
}

/** Where and which stage of an API a custom domain serves. */
export interface CustomDomainMappingOptions {
  /** The stage to serve; it must belong to the mapped API. */
  readonly stage: apigateway.IStage;
  /**
   * The path under the domain that serves the stage, e.g. `orders` or `orders/v1` (multi-level paths need a
   * REGIONAL domain). API Gateway strips it before routing: `https://<domain>/orders/items` calls `/items`.
   * @default - the root of the domain: requests that match no other base path
   */
  readonly basePath?: string;
}

/**
 * A custom domain name for REST APIs (API Gateway v1): TLS 1.2, a certificate given or validated by DNS, an alias
 * record in the hosted zone, optional mutual TLS, and base path mappings to stages of one or several APIs.
 */
export class ApiCustomDomain extends Construct {
  /** The API Gateway domain name. */
  public readonly domainName: apigateway.DomainName;
  /** The certificate the domain serves, given or created. */
  public readonly certificate: acm.ICertificate;
  /** The alias record pointing the domain at API Gateway; undefined without a hosted zone. */
  public readonly aliasRecord?: route53.ARecord;
  /** The URL of the domain's root, `https://<domainName>/`. */
  public readonly url: string;

  private readonly endpointType: apigateway.EndpointType;
  private readonly mutualTls: boolean;
  private readonly basePaths = new BasePathRegistry();

  constructor(scope: Construct, id: string, props: ApiCustomDomainProps) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    this.endpointType = props.endpointType ?? apigateway.EndpointType.REGIONAL;
    this.mutualTls = props.mutualTls !== undefined;
    this.validate(props);

    this.certificate = props.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(props.hostedZone),
    });
    this.validateCertificateRegion(props.certificate === undefined);

    this.domainName = new apigateway.DomainName(this, 'DomainName', {
      domainName: props.domainName,
      certificate: this.certificate,
      endpointType: this.endpointType,
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
      mtls: props.mutualTls && {
        bucket: props.mutualTls.truststoreBucket,
        key: props.mutualTls.truststoreKey,
        version: props.mutualTls.truststoreVersion,
      },
    });
    this.node.defaultChild = this.domainName;
    this.url = `https://${props.domainName}/`;

    if (props.hostedZone) {
      this.aliasRecord = new route53.ARecord(this, 'AliasRecord', {
        zone: props.hostedZone,
        recordName: props.domainName,
        target: route53.RecordTarget.fromAlias(new route53Targets.ApiGatewayDomain(this.domainName)),
      });
    }
  }

  /**
   * Serves a stage of `api` under `options.basePath` of this domain. Several APIs and stages can share the domain,
   * each under its own base path.
   * @returns the mapping: an `AWS::ApiGateway::BasePathMapping`, or an `AWS::ApiGatewayV2::ApiMapping` for a
   * multi-level base path such as `orders/v1`
   */
  public addBasePathMapping(api: apigateway.IRestApi, options: CustomDomainMappingOptions): CfnResource {
    checkStruct(this, '', options, CUSTOM_DOMAIN_MAPPING_OPTIONS, true);
    const { stage, basePath } = options;
    const segments = parseBasePath(this, 'basePath', basePath);
    this.validateMapping(api, stage, basePath, segments);

    // The id depends on the base path alone: retargeting a path to another API or stage updates the mapping in place,
    // where a new logical id would create the replacement first and collide with the path still mapped. '/' is
    // reserved in construct ids and '|' is not a base path character.
    const id = basePath === undefined ? 'RootMapping' : `Mapping:${segments.join('|')}`;
    if (segments.length < 2) {
      return new apigateway.CfnBasePathMapping(this, id, {
        domainName: this.domainName.domainName,
        restApiId: api.restApiId,
        stage: stage.stageName,
        basePath,
      });
    }
    // Only the v2 API accepts multi-level base paths.
    return new apigatewayv2.CfnApiMapping(this, id, {
      domainName: this.domainName.domainName,
      apiId: api.restApiId,
      stage: stage.stageName,
      apiMappingKey: basePath,
    });
  }

  private validate(props: ApiCustomDomainProps): void {
    validateDomainName(this, 'domainName', props.domainName);
    check(this.endpointType !== apigateway.EndpointType.PRIVATE, this, 'PrivateDomainNotSupported', () =>
      'endpointType is PRIVATE, and ApiCustomDomain serves public APIs only; use PrivateApiCustomDomain for a private custom domain name (reached through VPC endpoints), or endpointType REGIONAL or EDGE here');
    check(props.certificate !== undefined || props.hostedZone !== undefined, this, 'CertificateOrZoneRequired', () =>
      `domainName '${props.domainName}' has neither certificate nor hostedZone; give certificate (an ACM certificate for the domain), or hostedZone to create one validated by DNS`);
    if (props.hostedZone) {
      validateDomainInZone(this, props.domainName, props.hostedZone.zoneName);
    }
    if (props.mutualTls) {
      check(this.endpointType === apigateway.EndpointType.REGIONAL, this, 'MutualTlsRequiresRegional', () =>
        `mutualTls is set but endpointType is ${this.endpointType}; API Gateway supports mutual TLS only on REGIONAL custom domains, so use endpointType REGIONAL or remove mutualTls`);
      validateTruststoreKey(this, 'mutualTls.truststoreKey', props.mutualTls.truststoreKey);
    }
  }

  private validateMapping(api: apigateway.IRestApi, stage: apigateway.IStage, basePath: string | undefined, segments: string[]): void {
    const where = describeBasePath(basePath);
    this.basePaths.reserve(this, basePath, stage);
    validateMappingTarget(this, api, stage);
    check(!endpointTypesOf(api)?.includes(apigateway.EndpointType.PRIVATE), this, 'PrivateApiOnPublicDomain', () =>
      `API ${api.node.path} is PRIVATE, and a ${this.endpointType} custom domain serves public APIs only; map it on a PrivateApiCustomDomain, or map a REGIONAL or EDGE API`);
    check(segments.length < 2 || this.endpointType === apigateway.EndpointType.REGIONAL, this, 'MultiLevelBasePathOnEdge', () =>
      `${where} has several levels, which API Gateway supports only on REGIONAL custom domains, and this domain is ${this.endpointType}; use a single-level basePath or endpointType REGIONAL`);
    if (this.mutualTls && executeApiEndpointEnabled(api)) {
      warn(this, '@gatewaykit/mtls-default-endpoint-enabled',
        `API ${api.node.path} is mapped to a domain that requires mutual TLS but its default execute-api endpoint is enabled, so clients can call it without a certificate; set disableExecuteApiEndpoint: true on the API, or acknowledge this warning if the API's own authorization is enough.`);
    }
  }

  private validateCertificateRegion(created: boolean): void {
    const stackRegion = Stack.of(this).region;
    const region = certificateRegion(this.certificate);
    const edge = this.endpointType === apigateway.EndpointType.EDGE;
    if (created) {
      check(!edge || Token.isUnresolved(stackRegion) || stackRegion === EDGE_CERTIFICATE_REGION, this, 'EdgeCertificateRegion', () =>
        `endpointType is EDGE and no certificate is given, so one would be created in this stack's region ${stackRegion}; API Gateway requires an edge-optimized domain's certificate in ${EDGE_CERTIFICATE_REGION}. Create it in a ${EDGE_CERTIFICATE_REGION} stack (with crossRegionReferences: true) and pass it as certificate, or use endpointType REGIONAL`);
    } else if (region !== undefined) {
      check(!edge || region === EDGE_CERTIFICATE_REGION, this, 'EdgeCertificateRegion', () =>
        `certificate is in ${region} but endpointType is EDGE; API Gateway requires an edge-optimized domain's certificate in ${EDGE_CERTIFICATE_REGION}, so pass a ${EDGE_CERTIFICATE_REGION} certificate or use endpointType REGIONAL`);
      check(edge || Token.isUnresolved(stackRegion) || region === stackRegion, this, 'RegionalCertificateRegion', () =>
        `certificate is in ${region} but this REGIONAL domain is in ${stackRegion}; API Gateway requires a regional domain's certificate in the domain's own region, so pass a certificate from ${stackRegion}`);
    }
    if (edge && (created ? Token.isUnresolved(stackRegion) : region === undefined)) {
      warn(this, '@gatewaykit/edge-certificate-region-unknown',
        `endpointType is EDGE and the region of the ${created ? 'created' : 'given'} certificate is not known at synth, so it cannot be checked; API Gateway requires an edge-optimized domain's certificate in ${EDGE_CERTIFICATE_REGION}. Deploy to ${EDGE_CERTIFICATE_REGION} or pass a ${EDGE_CERTIFICATE_REGION} certificate, then acknowledge this warning.`);
    }
  }
}

/** Whether an API defined in this app keeps its default execute-api endpoint (unknown for imported APIs: false). */
function executeApiEndpointEnabled(api: apigateway.IRestApi): boolean {
  const cfnApi = cfnRestApiOf(api);
  return cfnApi !== undefined && !Token.isUnresolved(cfnApi.disableExecuteApiEndpoint) && cfnApi.disableExecuteApiEndpoint !== true;
}

declareConstructProps(ApiCustomDomain, () => API_CUSTOM_DOMAIN);
