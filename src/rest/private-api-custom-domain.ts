import { Names, Stack, Token } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { CustomDomainMappingOptions } from './api-custom-domain';
import {
  BasePathRegistry, certificateRegion, cfnRestApiOf, describeBasePath, endpointTypesOf, parseBasePath, validateDomainInZone, validateDomainName,
  validateMappingTarget,
} from '../private/custom-domain';
import { check } from '../private/errors';
import { PRIVATE_API_CUSTOM_DOMAIN, CUSTOM_DOMAIN_MAPPING_OPTIONS } from '../private/prop-schemas';
import { checkConstructProps, checkStruct, declareConstructProps } from '../private/prop-types';

const INVOKE = 'execute-api:Invoke';
/**
 * Every path of the resource the policy is attached to (the domain, or an API), in the short form API Gateway's own
 * examples use.
 */
const WHOLE_RESOURCE = 'execute-api:/*';

/** Properties of a `PrivateApiCustomDomain`. */
export interface PrivateApiCustomDomainProps {
  /**
   * The custom domain name, lowercase, e.g. `api.internal.example.com`. API Gateway does not support wildcard private
   * custom domain names (a wildcard certificate is fine).
   */
  readonly domainName: string;
  /**
   * An ACM certificate covering `domainName`, in the stack's region: RSA 2048-bit, or ECDSA 256- or 384-bit.
   * @default - a public certificate for `domainName`, validated by DNS in `publicHostedZone`
   */
  readonly certificate?: acm.ICertificate;
  /**
   * The public hosted zone that contains `domainName`, used only to validate the certificate created when
   * `certificate` is not given: ACM validates a public certificate through public DNS, which a private zone is not.
   * Unused when `certificate` is given.
   * @default - no certificate is created, and `certificate` is required
   */
  readonly publicHostedZone?: route53.IPublicHostedZone;
  /**
   * The interface VPC endpoints for `execute-api` that may invoke the domain. Each gets a domain name access
   * association, and the domain's policy denies calls through any other endpoint. Do not list an endpoint that
   * also serves public custom domain names: API Gateway advises against it.
   */
  readonly vpcEndpoints: ec2.IInterfaceVpcEndpoint[];
  /**
   * A private hosted zone, associated with the endpoint's VPC, that contains `domainName`; an alias A record for the
   * domain, pointing at the regional DNS name of the VPC endpoint, is created in it. It needs the endpoint's DNS
   * name, so `vpcEndpoints` must hold exactly one endpoint created in this app (an `ec2.InterfaceVpcEndpoint`).
   * An imported zone must know its name (`PrivateHostedZone.fromPrivateHostedZoneAttributes`). For an IPv6 or
   * dual-stack endpoint, add the AAAA record yourself.
   * @default - no DNS record: resolve the domain to the VPC endpoint's regional DNS name yourself
   */
  readonly privateHostedZone?: route53.IPrivateHostedZone;
}

/**
 * A custom domain name for PRIVATE REST APIs (API Gateway v1), reachable only through the listed interface VPC
 * endpoints: a TLS 1.2 `AWS::ApiGateway::DomainNameV2`, a policy that denies every other endpoint, a domain name
 * access association per endpoint, an optional alias record in a private hosted zone, and base path mappings to
 * stages of private APIs.
 *
 * A call through the domain must also pass the mapped API's own resource policy: it must allow the domain's VPC
 * endpoints (`aws:SourceVpce`). A `SecureLambdaApi` does when they are among its `privateEndpoint` endpoints or
 * its `resourcePolicy.allowedVpcEndpoints`.
 */
export class PrivateApiCustomDomain extends Construct {
  /** The API Gateway private custom domain name. */
  public readonly domainName: apigateway.CfnDomainNameV2;
  /** The ARN of the domain, `arn:<partition>:apigateway:<region>:<account>:/domainnames/<domainName>+<domainNameId>`. */
  public readonly domainNameArn: string;
  /** The identifier API Gateway gives the domain, which tells it apart from other domains of the same name. */
  public readonly domainNameId: string;
  /** The certificate the domain serves, given or created. */
  public readonly certificate: acm.ICertificate;
  /** The VPC endpoints that may invoke the domain; admit them in the mapped APIs' resource policies. */
  public readonly vpcEndpoints: ec2.IInterfaceVpcEndpoint[];
  /** The domain name access associations, one per VPC endpoint, in the order of `vpcEndpoints`. */
  public readonly accessAssociations: apigateway.CfnDomainNameAccessAssociation[];
  /** The alias record pointing the domain at the VPC endpoint; undefined without a private hosted zone. */
  public readonly aliasRecord?: route53.ARecord;
  /** The URL of the domain's root, `https://<domainName>/`. */
  public readonly url: string;

  private readonly basePaths = new BasePathRegistry();

  constructor(scope: Construct, id: string, props: PrivateApiCustomDomainProps) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    this.validate(props);
    this.vpcEndpoints = [...props.vpcEndpoints];

    this.certificate = props.certificate ?? new acm.Certificate(this, 'Certificate', {
      domainName: props.domainName,
      validation: acm.CertificateValidation.fromDns(props.publicHostedZone),
    });
    if (props.certificate) {
      this.validateCertificateRegion(props.certificate);
    }

    this.domainName = new apigateway.CfnDomainNameV2(this, 'DomainName', {
      domainName: props.domainName,
      certificateArn: this.certificate.certificateArn,
      endpointConfiguration: { types: [apigateway.EndpointType.PRIVATE] },
      // The only security policy API Gateway offers for private custom domain names.
      securityPolicy: apigateway.SecurityPolicy.TLS_1_2,
      policy: this.domainPolicy(),
    });
    this.node.defaultChild = this.domainName;
    this.domainNameArn = this.domainName.attrDomainNameArn;
    this.domainNameId = this.domainName.attrDomainNameId;
    this.url = `https://${props.domainName}/`;

    // An association is created before the one it replaces is deleted, and API Gateway allows one per endpoint and
    // domain, so its id must not move when the list is reordered: it comes from the endpoint's construct id.
    this.accessAssociations = this.vpcEndpoints.map((endpoint) => new apigateway.CfnDomainNameAccessAssociation(this, `Access:${Names.nodeUniqueId(endpoint.node)}`, {
      domainNameArn: this.domainNameArn,
      accessAssociationSource: endpoint.vpcEndpointId,
      accessAssociationSourceType: 'VPCE',
    }));

    if (props.privateHostedZone) {
      this.aliasRecord = new route53.ARecord(this, 'AliasRecord', {
        zone: props.privateHostedZone,
        recordName: props.domainName,
        target: route53.RecordTarget.fromAlias(new route53Targets.InterfaceVpcEndpointTarget(this.dnsEndpoint())),
      });
    }
  }

  /**
   * Serves a stage of a PRIVATE `api` under `options.basePath` of this domain. Several private APIs and stages can
   * share the domain, each under its own single-level base path.
   *
   * The API's resource policy must allow calls through this domain's `vpcEndpoints` (`aws:SourceVpce`); a mapping
   * to an API of this app whose policy denies one of them is rejected.
   * @returns the `AWS::ApiGateway::BasePathMappingV2`
   */
  public addBasePathMapping(api: apigateway.IRestApi, options: CustomDomainMappingOptions): apigateway.CfnBasePathMappingV2 {
    checkStruct(this, '', options, CUSTOM_DOMAIN_MAPPING_OPTIONS, true);
    const { stage, basePath } = options;
    const segments = parseBasePath(this, 'basePath', basePath);
    this.validateMapping(api, stage, basePath, segments);

    // The id depends on the base path alone: retargeting a path to another API or stage updates the mapping in place,
    // where a new logical id would create the replacement first and collide with the path still mapped.
    const id = basePath === undefined ? 'RootMapping' : `Mapping:${basePath}`;
    return new apigateway.CfnBasePathMappingV2(this, id, {
      domainNameArn: this.domainNameArn,
      restApiId: api.restApiId,
      stage: stage.stageName,
      basePath,
    });
  }

  /**
   * Allow `execute-api:Invoke` on the whole domain, then deny it to calls through any endpoint not listed. The Deny
   * binds every caller, whatever its identity policy, where a conditional Allow alone would not.
   */
  private domainPolicy(): iam.PolicyDocument {
    const endpointIds = this.vpcEndpoints.map((endpoint) => endpoint.vpcEndpointId);
    return new iam.PolicyDocument({
      minimize: false,
      statements: [
        new iam.PolicyStatement({
          sid: 'AllowInvoke',
          effect: iam.Effect.ALLOW,
          principals: [new iam.StarPrincipal()],
          actions: [INVOKE],
          resources: [WHOLE_RESOURCE],
        }),
        new iam.PolicyStatement({
          sid: 'DenyOtherVpcEndpoints',
          effect: iam.Effect.DENY,
          principals: [new iam.StarPrincipal()],
          actions: [INVOKE],
          resources: [WHOLE_RESOURCE],
          conditions: { StringNotEquals: { 'aws:SourceVpce': endpointIds } },
        }),
      ],
    });
  }

  private validate(props: PrivateApiCustomDomainProps): void {
    validateDomainName(this, 'domainName', props.domainName);
    check(Token.isUnresolved(props.domainName) || !props.domainName.startsWith('*.'), this, 'PrivateWildcardDomain', () =>
      `domainName is '${props.domainName}', but API Gateway does not support wildcard private custom domain names; give one domain per name, e.g. '${props.domainName.slice(2)}' (a wildcard certificate can cover several)`);
    check(props.certificate !== undefined || props.publicHostedZone !== undefined, this, 'CertificateOrZoneRequired', () =>
      `domainName '${props.domainName}' has neither certificate nor publicHostedZone; give certificate (an ACM certificate for the domain), or publicHostedZone to create one validated by DNS`);
    if (props.publicHostedZone) {
      validateDomainInZone(this, props.domainName, props.publicHostedZone.zoneName, 'publicHostedZone', "the certificate's validation record is");
    }
    if (props.privateHostedZone) {
      validateDomainInZone(this, props.domainName, props.privateHostedZone.zoneName, 'privateHostedZone', 'the alias record is');
    }
    check(props.vpcEndpoints.length > 0, this, 'NoVpcEndpoints', () =>
      'vpcEndpoints is empty; a private custom domain name is invoked only through interface VPC endpoints for execute-api, so list at least one');
    const seen = new Set<ec2.IInterfaceVpcEndpoint>();
    for (const endpoint of props.vpcEndpoints) {
      check(!seen.has(endpoint), this, 'DuplicateVpcEndpoint', () => `vpcEndpoints lists ${endpoint.node.path} twice; list each endpoint once`);
      seen.add(endpoint);
    }
  }

  /** The endpoint the alias record points at: the only one created in this app, whose DNS entries are known. */
  private dnsEndpoint(): ec2.InterfaceVpcEndpoint {
    const created = this.vpcEndpoints.filter((endpoint): endpoint is ec2.InterfaceVpcEndpoint => endpoint instanceof ec2.InterfaceVpcEndpoint);
    check(created.length === 1, this, 'PrivateZoneEndpointUnknown', () => created.length === 0
      ? 'privateHostedZone is set but no endpoint of vpcEndpoints was created in this app, so the DNS name to alias the domain to is unknown; pass an ec2.InterfaceVpcEndpoint of this app, or leave privateHostedZone out and create the record with the endpoint\'s regional DNS name yourself'
      : `privateHostedZone is set and vpcEndpoints has ${created.length} endpoints created in this app (${created.map((endpoint) => endpoint.node.path).join(', ')}), so it is ambiguous which one the alias record points at; leave privateHostedZone out and create one record per VPC's private zone yourself`);
    return created[0];
  }

  private validateCertificateRegion(certificate: acm.ICertificate): void {
    const stackRegion = Stack.of(this).region;
    const region = certificateRegion(certificate);
    check(region === undefined || Token.isUnresolved(stackRegion) || region === stackRegion, this, 'PrivateCertificateRegion', () =>
      `certificate is in ${region} but this private domain is in ${stackRegion}; API Gateway uses a certificate of the domain's own region, so pass a certificate from ${stackRegion}`);
  }

  private validateMapping(api: apigateway.IRestApi, stage: apigateway.IStage, basePath: string | undefined, segments: string[]): void {
    const where = describeBasePath(basePath);
    this.basePaths.reserve(this, basePath, stage);
    check(segments.length < 2, this, 'MultiLevelBasePathOnPrivateDomain', () =>
      `${where} has several levels, which API Gateway does not support on private custom domain names; use a single-level basePath such as '${segments.join('-')}'`);
    validateMappingTarget(this, api, stage);
    const types = knownEndpointTypes(api);
    check(types === undefined || types.includes(apigateway.EndpointType.PRIVATE), this, 'PublicApiOnPrivateDomain', () =>
      `API ${api.node.path} is ${types!.join(', ')}, and a private custom domain name serves PRIVATE APIs only; map a PRIVATE API, or use ApiCustomDomain for a public one`);
    const denied = this.vpcEndpoints.filter((endpoint) => deniedByApiPolicy(api, endpoint));
    check(denied.length === 0, this, 'VpcEndpointDeniedByApi', () =>
      `API ${api.node.path} has a resource policy that denies calls through ${denied.map((endpoint) => endpoint.node.path).join(', ')}, which this domain admits, so calls through the domain would be refused; add them to the API's allowed endpoints (resourcePolicy.allowedVpcEndpoints on a SecureLambdaApi), or remove them from vpcEndpoints`);
  }
}

/** The endpoint types of an API of this app (EDGE when it has no endpoint configuration); undefined when unknown. */
function knownEndpointTypes(api: apigateway.IRestApi): string[] | undefined {
  const cfnApi = cfnRestApiOf(api);
  if (cfnApi === undefined) {
    return undefined;
  }
  return cfnApi.endpointConfiguration === undefined ? [apigateway.EndpointType.EDGE] : endpointTypesOf(api);
}

/**
 * Whether the resource policy of an API of this app denies calls through the endpoint: a Deny whose only condition
 * is `StringNotEquals` on `aws:SourceVpce` without the endpoint. Another condition key (such as `aws:SourceVpc`)
 * may admit the call by another way, so such statements are not judged.
 */
function deniedByApiPolicy(api: apigateway.IRestApi, endpoint: ec2.IInterfaceVpcEndpoint): boolean {
  const cfnApi = cfnRestApiOf(api);
  if (cfnApi?.policy === undefined) {
    return false;
  }
  const stack = Stack.of(api);
  const document = stack.resolve(cfnApi.policy);
  const endpointId = JSON.stringify(stack.resolve(endpoint.vpcEndpointId));
  const statements: unknown[] = Array.isArray(document?.Statement) ? document.Statement : [];
  return statements.some((statement) => {
    const { Effect: effect, Action: action, Resource: resource, Condition: condition } = statement as {
      Effect?: string; Action?: unknown; Resource?: unknown; Condition?: Record<string, Record<string, unknown>>;
    };
    const coversInvoke = [INVOKE, '*'].some((value) => ([] as unknown[]).concat(action).includes(value))
      && [WHOLE_RESOURCE, '*'].some((value) => ([] as unknown[]).concat(resource).includes(value));
    if (effect !== 'Deny' || !coversInvoke || condition === undefined || Object.keys(condition).join() !== 'StringNotEquals') {
      return false;
    }
    const keys = condition.StringNotEquals;
    if (Object.keys(keys).join() !== 'aws:SourceVpce') {
      return false;
    }
    const allowed = ([] as unknown[]).concat(keys['aws:SourceVpce']);
    return !allowed.some((value) => JSON.stringify(value) === endpointId);
  });
}

declareConstructProps(PrivateApiCustomDomain, () => PRIVATE_API_CUSTOM_DOMAIN);
