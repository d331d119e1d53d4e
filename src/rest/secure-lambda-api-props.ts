import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { PrivateEndpointOptions } from './private-endpoint-options';
import { RestRequestValidationOptions } from './request-validation-options';
import { ResourcePolicyOptions } from './resource-policy-options';
import { RestStageOptions, RouteCacheOptions } from './stage-options';
import { WafOptions } from './waf-options';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { CorsOptions } from '../common/cors';
import { CustomDomainOptions } from '../common/custom-domain-options';
import { ApiMonitoringOptions } from '../common/monitoring-options';
import { ThrottleSettings } from '../common/throttle';
import { ApiGatewayCloudWatchRole } from '../logging/api-gateway-cloudwatch-role';
import { RestOpenApiOptions } from '../openapi/openapi-import-options';

/** One route of a REST API: its backend, how it is authorized, and what it requires of a request. */
export interface RestRouteOptions extends RestRequestValidationOptions {
  /**
   * The Lambda function serving the route through a Lambda proxy integration. Give exactly one of `handler` and
   * `integration`.
   * @default - `integration` must be given
   */
  readonly handler?: lambda.IFunction;
  /**
   * Any other backend: an aws-cdk-lib `MockIntegration`, `HttpIntegration` or `AwsIntegration`.
   * @default - `handler` must be given
   */
  readonly integration?: apigateway.Integration;
  /**
   * The authorizer for this route, replacing the API's default.
   * @default - the API's `authorizer`
   */
  readonly authorizer?: RestAuthorizer;
  /**
   * Serve the route without any authorization. Routes are authorized unless this is set explicitly.
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * OAuth scopes of which the access token must hold one (Cognito user pool authorizers only).
   * @default - any valid token
   */
  readonly authorizationScopes?: string[];
  /**
   * Throttling for this route on every stage, replacing the stage's.
   * @default - the stage's `throttle`
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Cache this route's responses on the stages that have `caching`. Responses are shared by every caller whose
   * request has the same cache key, so an authorized route whose responses differ by caller must include
   * `header.Authorization` in `keyParameters`.
   * @default - not cached
   */
  readonly cache?: RouteCacheOptions;
  /**
   * Whether callers must send an API key (`x-api-key`) of a usage plan covering the stage.
   * @default - false on SecureLambdaApi; true on MeteredApi
   */
  readonly apiKeyRequired?: boolean;
}

/** Properties for {@link SecureLambdaApi}. */
export interface SecureLambdaApiProps {
  /**
   * Routes by route key, e.g. `{ 'GET /items/{id}': { handler: getItem } }`. More can be added with `addRoute`.
   * @default - no routes
   */
  readonly routes?: { [routeKey: string]: RestRouteOptions };
  /**
   * An OpenAPI 3 document to build the API from (contract first): each operation becomes a route served by the
   * function `handlers` binds to its `operationId`, authorized by the authorizer `authorizers` binds to its security
   * scheme, with its required parameters and JSON body validated. The document's title, description and
   * `x-amazon-apigateway-cors` are the API's `apiName`, `description` and `cors` unless those are set.
   * @default - routes come from `routes` and `addRoute()` only
   */
  readonly openApi?: RestOpenApiOptions;
  /**
   * How routes are authorized unless they name their own authorizer or are public.
   * @default RestAuthorizer.iam() - callers must sign requests with SigV4 and be granted access with `grantInvoke`
   */
  readonly authorizer?: RestAuthorizer;
  /**
   * Cross-origin access for browsers: answers preflight requests and adds the CORS headers to API Gateway's own
   * 4XX and 5XX responses (401, 403, 429, 502, ...), which aws-cdk-lib leaves without them.
   * @default - no CORS headers
   */
  readonly cors?: CorsOptions;
  /**
   * Name of the API.
   * @default - the construct's id
   */
  readonly apiName?: string;
  /**
   * Description of the API.
   * @default - no description
   */
  readonly description?: string;
  /**
   * Name of the stage `stage` and `url` refer to; with `stages`, one of its keys.
   * @default 'prod'
   */
  readonly stageName?: string;
  /**
   * The stages of the API by name, e.g. `{ dev: {...}, prod: {...} }`, each serving the current API (unless it has a
   * canary) with its own variables, throttling, logging and caching. Settings a stage leaves unset come from the
   * API-level props.
   * @default - one stage named `stageName`
   */
  readonly stages?: { [stageName: string]: RestStageOptions };
  /**
   * Default throttling of every route of each stage.
   * @default - 1,000 requests per second with bursts of 2,000
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Execution logging level of each stage. Request and response bodies are never logged (data tracing is off).
   * @default apigateway.MethodLoggingLevel.ERROR
   */
  readonly loggingLevel?: apigateway.MethodLoggingLevel;
  /**
   * Retention of each stage's access log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;
  /**
   * Whether X-Ray traces requests.
   * @default true
   */
  readonly tracingEnabled?: boolean;
  /**
   * Whether the console's "Test" button may invoke the functions (one more permission per function).
   * @default false
   */
  readonly allowTestInvoke?: boolean;
  /**
   * The web application firewall in front of the stage.
   * @default - a new WebACL with the AWS managed common, known-bad-inputs and IP-reputation rules and a per-IP rate limit
   */
  readonly waf?: WafOptions;
  /**
   * Who may call the API, from where, as typed lists (source IP ranges, VPCs, VPC endpoints, accounts, principals);
   * every restriction becomes an explicit Deny, so it also binds same-account IAM callers. Add statements of your
   * own with `restApi.addToResourcePolicy()`.
   * @default - no restriction; a PRIVATE API is still limited to its VPC endpoints
   */
  readonly resourcePolicy?: ResourcePolicyOptions;
  /**
   * A hand-written resource policy, for what `resourcePolicy` cannot express. Not combinable with `resourcePolicy`
   * or a PRIVATE endpoint, which generate the policy.
   * @default - the policy `resourcePolicy` and the endpoint type generate, if any
   */
  readonly policy?: iam.PolicyDocument;
  /**
   * How clients reach the API: REGIONAL, EDGE (through an AWS-managed CloudFront distribution) or PRIVATE (only
   * through interface VPC endpoints, see `privateEndpoint`).
   * @default apigateway.EndpointType.REGIONAL
   */
  readonly endpointType?: apigateway.EndpointType;
  /**
   * The interface VPC endpoints of a PRIVATE API, or the VPC to create one in. The resource policy admits calls
   * through these endpoints only.
   * @default - required when `endpointType` is PRIVATE; not allowed otherwise
   */
  readonly privateEndpoint?: PrivateEndpointOptions;
  /**
   * A custom domain for the stage, with TLS 1.2, a certificate and a Route 53 alias. To serve several APIs or stages
   * under one domain, create an `ApiCustomDomain` and call its `addBasePathMapping` instead.
   * @default - no custom domain
   */
  readonly customDomain?: CustomDomainOptions;
  /**
   * Turn off the default `https://{api-id}.execute-api.{region}.amazonaws.com` endpoint, so that clients must use
   * the custom domain (and its mutual TLS, if set).
   * @default false
   */
  readonly disableExecuteApiEndpoint?: boolean;
  /**
   * Create an API Gateway client certificate and attach it to the stage, so that HTTP backends can verify that a
   * request comes from API Gateway.
   * @default - true when `hardened`, false otherwise
   */
  readonly clientCertificate?: boolean;
  /**
   * Turn on what the cdk-nag NIST 800-53 R5, HIPAA Security and PCI DSS 3.2.1 packs require of API Gateway: WAF,
   * X-Ray, execution logging, a client certificate, and an encrypted stage cache (0.5 GB, with a TTL of 0 so that no
   * caller is served another's response); also WAF logging and a customer-managed KMS key for the log groups.
   * Props that turn one of these off are an error.
   * @default false
   */
  readonly hardened?: boolean;
  /**
   * The account's CloudWatch role setting, deployed before this API's stage.
   * @default - the `ApiGatewayCloudWatchRole` of this app and region if there is one; otherwise the account is
   * assumed to be configured already, and a warning says so
   */
  readonly cloudWatchRole?: ApiGatewayCloudWatchRole;
  /**
   * The most routes the API's stack holds before the resources, methods and body models of the routes are spread over
   * nested stacks (`routeStacks`), about this many routes to each; the API, its stages, deployment, authorizers and
   * permissions stay in the API's stack. A route's nested stack follows from its top-level path (or a deeper one when
   * more than half this many routes share it) and the number of nested stacks, ceil(routes /
   * routesPerNestedStack), counted over `routes`. From 1 to 500.
   * @default 50
   */
  readonly routesPerNestedStack?: number;
  /**
   * A CloudWatch dashboard (`dashboard`) and alarms (`alarms`, `compositeAlarm`) for the API: requests, 4XX and 5XX,
   * latency and integration latency percentiles, throttled requests, cache hits and misses and the canary of each
   * stage, and the routes listed.
   * @default - no dashboard and no alarms
   */
  readonly monitoring?: ApiMonitoringOptions;
}
