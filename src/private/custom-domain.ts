import { Arn, ArnFormat, Stack, Token, TokenComparison } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import { IConstruct } from 'constructs';
import { check } from './errors';

const DNS_LABEL = /^[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?$/;
/** The characters API Gateway accepts in a base path segment. */
const BASE_PATH_SEGMENT = /^[A-Za-z0-9$\-_.+!*'()]+$/;
const BASE_PATH_MAX_LENGTH = 300;

/** Validates the S3 key of a mutual TLS truststore: an object key without a leading '/'. */
export function validateTruststoreKey(scope: IConstruct, prop: string, key: string | undefined): void {
  check(key === undefined || Token.isUnresolved(key) || (key !== '' && !key.startsWith('/')), scope, 'InvalidTruststoreKey', () =>
    `${prop} is '${key}'; expected the S3 object key of the truststore without a leading '/', e.g. 'truststore.pem'`);
}

/** Validates a custom domain name: a lowercase DNS name of two labels or more, optionally a `*.` wildcard. */
export function validateDomainName(scope: IConstruct, prop: string, domainName: string): void {
  if (Token.isUnresolved(domainName)) {
    return;
  }
  check(domainName === domainName.toLowerCase(), scope, 'UppercaseDomainName', () =>
    `${prop} is '${domainName}' but API Gateway custom domain names must be lowercase; use '${domainName.toLowerCase()}'`);
  const labels = (domainName.startsWith('*.') ? domainName.slice(2) : domainName).split('.');
  check(domainName.length <= 253 && labels.length >= 2 && labels.every((label) => DNS_LABEL.test(label)), scope, 'InvalidDomainName', () =>
    `${prop} is '${domainName}', which is not a DNS name; expected two or more dot-separated labels of letters, digits and inner hyphens (1 to 63 characters each, no trailing dot), e.g. 'api.example.com', optionally starting with '*.' for a wildcard domain`);
}

/**
 * Validates that the domain name is the zone's name or a name under it, when both are known.
 * @param zoneProp the prop that gave the zone
 * @param records what is written to the zone, for the message
 */
export function validateDomainInZone(
  scope: IConstruct,
  domainName: string,
  zoneName: string,
  zoneProp = 'hostedZone',
  records = "the certificate's validation record and the alias record are",
): void {
  if (Token.isUnresolved(domainName) || Token.isUnresolved(zoneName)) {
    return;
  }
  const zone = zoneName.replace(/\.$/, '').toLowerCase();
  check(domainName === zone || domainName.endsWith(`.${zone}`), scope, 'DomainNotInZone', () =>
    `domainName '${domainName}' is not in ${zoneProp} '${zone}'; ${records} written to that zone, so give the zone that contains the domain (the domain itself or a parent)`);
}

/**
 * Validates a base path and returns its segments (none for the domain root).
 * Base paths must be literals: a mapping's construct id is derived from its base path.
 */
export function parseBasePath(scope: IConstruct, prop: string, basePath: string | undefined): string[] {
  if (basePath === undefined) {
    return [];
  }
  check(!Token.isUnresolved(basePath), scope, 'UnresolvedBasePath', () =>
    `${prop} is a token (${basePath}); base paths must be literal strings because each mapping's construct id, and so its CloudFormation logical id, is derived from its base path`);
  check(basePath !== '', scope, 'EmptyBasePath', () =>
    `${prop} is an empty string; omit basePath to map the domain root`);
  check(basePath.length <= BASE_PATH_MAX_LENGTH, scope, 'BasePathTooLong', () =>
    `${prop} is ${basePath.length} characters long; API Gateway allows at most ${BASE_PATH_MAX_LENGTH}`);
  check(!basePath.startsWith('/') && !basePath.endsWith('/'), scope, 'InvalidBasePath', () =>
    `${prop} is '${basePath}'; a base path has no leading or trailing '/', write '${basePath.replace(/^\/+|\/+$/g, '')}'`);
  const segments = basePath.split('/');
  check(segments.every((segment) => segment.length > 0), scope, 'InvalidBasePath', () =>
    `${prop} is '${basePath}', which has an empty segment ('//')`);
  const invalid = segments.find((segment) => !BASE_PATH_SEGMENT.test(segment));
  check(invalid === undefined, scope, 'InvalidBasePath', () =>
    `${prop} is '${basePath}', whose segment '${invalid}' has a character API Gateway does not accept; base paths contain only letters, digits and $-_.+!*'() separated by '/'`);
  return segments;
}

/**
 * The region a certificate lives in when it can be known at synth: from its ARN, or from the stack of a certificate
 * created in this app (whose ARN is a token). Imported certificates report the importing stack's region as their
 * `env.region`, so that is never used.
 */
export function certificateRegion(certificate: acm.ICertificate): string | undefined {
  if (!Token.isUnresolved(certificate.certificateArn)) {
    return Arn.split(certificate.certificateArn, ArnFormat.SLASH_RESOURCE_NAME).region;
  }
  if (certificate.node.defaultChild instanceof acm.CfnCertificate) {
    const region = Stack.of(certificate).region;
    return Token.isUnresolved(region) ? undefined : region;
  }
  return undefined;
}

/**
 * Validates that a stage can be mapped for an API on a custom domain of `scope`: the stage belongs to the API, and
 * the API is in the domain's account and region.
 */
export function validateMappingTarget(scope: IConstruct, api: apigateway.IRestApi, stage: apigateway.IStage): void {
  check(!isStageOfAnotherApi(api, stage), scope, 'StageOfAnotherApi', () =>
    `options.stage ${stage.node.path} belongs to API ${stage.restApi.node.path}, not to the mapped API ${api.node.path}; pass a stage of the mapped API`);
  const apiStack = Stack.of(api);
  const domainStack = Stack.of(scope);
  check(Token.compareStrings(apiStack.region, domainStack.region) !== TokenComparison.DIFFERENT
    && Token.compareStrings(apiStack.account, domainStack.account) !== TokenComparison.DIFFERENT, scope, 'ApiInAnotherEnvironment', () =>
    `API ${api.node.path} is in account ${apiStack.account}, region ${apiStack.region}, and this domain in account ${domainStack.account}, region ${domainStack.region}; API Gateway maps only APIs of the domain's own account and region, so create the domain next to the API`);
}

/** True when the stage certainly belongs to another API: different literal ids, or two distinct APIs of this app. */
function isStageOfAnotherApi(api: apigateway.IRestApi, stage: apigateway.IStage): boolean {
  if (stage.restApi === api) {
    return false;
  }
  const comparison = Token.compareStrings(stage.restApi.restApiId, api.restApiId);
  if (comparison === TokenComparison.DIFFERENT) {
    return true;
  }
  return comparison === TokenComparison.BOTH_UNRESOLVED && cfnRestApiOf(api) !== undefined && cfnRestApiOf(stage.restApi) !== undefined;
}

/** The CloudFormation resource of an API defined in this app; undefined for an imported API. */
export function cfnRestApiOf(api: apigateway.IRestApi): apigateway.CfnRestApi | undefined {
  const child = api.node.defaultChild;
  return child instanceof apigateway.CfnRestApi ? child : undefined;
}

/** The endpoint types of an API defined in this app, when they are literal; undefined for an imported API. */
export function endpointTypesOf(api: apigateway.IRestApi): string[] | undefined {
  const configuration = cfnRestApiOf(api)?.endpointConfiguration;
  if (configuration === undefined || Token.isUnresolved(configuration)) {
    return undefined;
  }
  const types = (configuration as apigateway.CfnRestApi.EndpointConfigurationProperty).types;
  return types && !Token.isUnresolved(types) ? types : undefined;
}

/** The stage mapped at each base path of one custom domain: a base path serves a single stage. */
export class BasePathRegistry {
  private readonly stages = new Map<string, string>();

  /** Records the mapping, refusing a base path that already serves another stage. */
  public reserve(scope: IConstruct, basePath: string | undefined, stage: apigateway.IStage): void {
    const existing = this.stages.get(basePath ?? '');
    check(existing === undefined, scope, 'DuplicateBasePath', () =>
      `${describeBasePath(basePath)} is already mapped to ${existing} and cannot also be mapped to ${stage.node.path}; a base path serves one stage, so give one of them another basePath`);
    this.stages.set(basePath ?? '', stage.node.path);
  }
}

/** How errors name a base path. */
export function describeBasePath(basePath: string | undefined): string {
  return basePath === undefined ? 'the domain root (no basePath)' : `basePath '${basePath}'`;
}
