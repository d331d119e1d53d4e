import { IConstruct } from 'constructs';
import { check } from '../private/errors';

/** A prop of the REST constructs that asks for something API Gateway offers on REST APIs only. */
interface RestOnlyFeature {
  /** The prop, as named on `SecureLambdaApiProps`, `MeteredApiProps` or `RestRouteOptions`. */
  readonly prop: string;
  /** What it asks for. */
  readonly feature: string;
  /** The construct that offers it. */
  readonly alternative: string;
}

const REST_API = 'SecureLambdaApi';
const METERED_API = 'MeteredApi';

/**
 * API-level props of `SecureLambdaApiProps` and `MeteredApiProps` that an HTTP API cannot honour. They reach
 * `SecureHttpApi` only from JavaScript or from a spread of the REST props, so they are checked at runtime.
 */
export const REST_ONLY_API_PROPS: readonly RestOnlyFeature[] = [
  { prop: 'tiers', feature: 'usage plans', alternative: METERED_API },
  { prop: 'customers', feature: 'API keys of usage plans', alternative: METERED_API },
  { prop: 'apiKeySource', feature: 'API keys', alternative: METERED_API },
  { prop: 'waf', feature: 'an AWS WAF web ACL', alternative: REST_API },
  { prop: 'stages', feature: 'several stages with canary releases and caching', alternative: REST_API },
  { prop: 'caching', feature: 'a stage response cache', alternative: REST_API },
  { prop: 'tracingEnabled', feature: 'X-Ray tracing', alternative: REST_API },
  { prop: 'resourcePolicy', feature: 'a resource policy', alternative: REST_API },
  { prop: 'policy', feature: 'a resource policy', alternative: REST_API },
  { prop: 'endpointType', feature: 'private and edge-optimized endpoints', alternative: REST_API },
  { prop: 'privateEndpoint', feature: 'a private endpoint reached through VPC endpoints', alternative: REST_API },
  { prop: 'hardened', feature: 'the compliance profile (WAF, X-Ray, execution logging, client certificate, encrypted cache)', alternative: REST_API },
  { prop: 'loggingLevel', feature: 'execution logging (HTTP APIs write access logs only)', alternative: REST_API },
  { prop: 'cloudWatchRole', feature: 'the account CloudWatch role of execution logging (HTTP API access logs need none)', alternative: REST_API },
  { prop: 'clientCertificate', feature: 'a client certificate presented to HTTP backends', alternative: REST_API },
  { prop: 'allowTestInvoke', feature: "the console's test invocation", alternative: REST_API },
];

/** Route options of `RestRouteOptions` that an HTTP API route cannot honour. */
export const REST_ONLY_ROUTE_OPTIONS: readonly RestOnlyFeature[] = [
  { prop: 'apiKeyRequired', feature: 'API keys', alternative: METERED_API },
  { prop: 'cache', feature: 'response caching', alternative: REST_API },
  { prop: 'bodySchema', feature: 'request body validation', alternative: REST_API },
  { prop: 'bodyModel', feature: 'request body validation', alternative: REST_API },
  { prop: 'requiredHeaders', feature: 'request parameter validation', alternative: REST_API },
  { prop: 'requiredQueryStrings', feature: 'request parameter validation', alternative: REST_API },
  { prop: 'requestModels', feature: 'request validation models', alternative: REST_API },
  { prop: 'requestParameters', feature: 'request parameter validation', alternative: REST_API },
  { prop: 'requestValidator', feature: 'request validation', alternative: REST_API },
];

/**
 * Throws `RestOnlyFeature` for the first prop of `options` that asks for a REST-only feature.
 * @param path how the error names the object, e.g. `routes['GET /items']`; empty for the API's own props
 */
export function checkRestOnlyFeatures(scope: IConstruct, path: string, options: object, table: readonly RestOnlyFeature[]): void {
  for (const { prop, feature, alternative } of table) {
    const name = path ? `${path}.${prop}` : prop;
    check((options as Record<string, unknown>)[prop] === undefined, scope, 'RestOnlyFeature', () =>
      `${name} asks for ${feature}, which API Gateway offers on REST APIs only; use ${alternative} for a REST API with it, or remove ${name}`);
  }
}
