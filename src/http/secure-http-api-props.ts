import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { HttpApiAuthorizer } from '../authorizers/http-authorizer';
import { CorsOptions } from '../common/cors';
import { CustomDomainOptions } from '../common/custom-domain-options';
import { ApiMonitoringOptions } from '../common/monitoring-options';
import { ThrottleSettings } from '../common/throttle';
import { HttpOpenApiOptions } from '../openapi/openapi-import-options';

/** One route of an HTTP API: its backend and how it is authorized. */
export interface HttpApiRouteOptions {
  /**
   * The Lambda function serving the route through a Lambda proxy integration. Give exactly one of `handler` and
   * `integration`.
   * @default - `integration` must be given
   */
  readonly handler?: lambda.IFunction;
  /**
   * Any other backend: an aws-cdk-lib `HttpUrlIntegration`, `HttpAlbIntegration`, `HttpSqsIntegration`, ...
   * Its `AWS::ApiGatewayV2::Integration` is created under the first route that uses it.
   * @default - `handler` must be given
   */
  readonly integration?: apigatewayv2.HttpRouteIntegration;
  /**
   * The payload format of the Lambda proxy integration of `handler`: 2.0, or 1.0 (the REST API proxy event).
   * @default - the API's `payloadFormatVersion`
   */
  readonly payloadFormatVersion?: apigatewayv2.PayloadFormatVersion;
  /**
   * The authorizer for this route, replacing the API's default.
   * @default - the API's `authorizer`
   */
  readonly authorizer?: HttpApiAuthorizer;
  /**
   * Serve the route without any authorization. Routes are authorized unless this is set explicitly.
   * @default false
   */
  readonly isPublic?: boolean;
  /**
   * OAuth scopes of which the token must hold one (`scope` or `scp` claim); JWT and Cognito authorizers only.
   * @default - any valid token
   */
  readonly authorizationScopes?: string[];
  /**
   * Throttling for this route, replacing the stage's (a route setting of the stage).
   * @default - the stage's `throttle`
   */
  readonly throttle?: ThrottleSettings;
}

/** Properties for {@link SecureHttpApi}. */
export interface SecureHttpApiProps {
  /**
   * Routes by route key, e.g. `{ 'GET /items/{id}': { handler: getItem } }`; `'ANY /{proxy+}'` and `'$default'` (every
   * request no other route matches) are route keys too. More can be added with `addRoute`.
   * @default - no routes
   */
  readonly routes?: { [routeKey: string]: HttpApiRouteOptions };
  /**
   * An OpenAPI 3 document to build the API from (contract first): each operation becomes a route served by the
   * function `handlers` binds to its `operationId`, authorized by the authorizer `authorizers` binds to its security
   * scheme. The document's title, description and `x-amazon-apigateway-cors` are the API's `apiName`, `description`
   * and `cors` unless those are set.
   * @default - routes come from `routes` and `addRoute()` only
   */
  readonly openApi?: HttpOpenApiOptions;
  /**
   * How routes are authorized unless they name their own authorizer or are public.
   * @default HttpApiAuthorizer.iam() - callers must sign requests with SigV4 and be granted access with `grantInvoke`
   */
  readonly authorizer?: HttpApiAuthorizer;
  /**
   * Cross-origin access for browsers, with the API's own CORS configuration: API Gateway answers preflight `OPTIONS`
   * requests itself, without authorization, even without an `OPTIONS` route, and adds the CORS headers to the
   * integrations' responses (ignoring CORS headers they return). A route that matches `OPTIONS` requests, `$default`
   * or an `ANY` route, receives the preflight requests instead and runs its authorizer on them, which browsers never
   * send credentials to: route explicit methods instead of `ANY`, or declare such routes public (a warning says so).
   * @default - no CORS headers
   */
  readonly cors?: CorsOptions;
  /**
   * The payload format of the Lambda proxy integrations: 2.0, or 1.0 (the REST API proxy event) for handlers written
   * for REST APIs.
   * @default apigatewayv2.PayloadFormatVersion.VERSION_2_0
   */
  readonly payloadFormatVersion?: apigatewayv2.PayloadFormatVersion;
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
   * Name of the API's one stage, deployed automatically on every change. `$default` serves the stage at the root of
   * the URL; another name is its first path segment.
   * @default '$default'
   */
  readonly stageName?: string;
  /**
   * Variables of the stage, e.g. for integration URIs such as `https://${stageVariables.host}/items`.
   * @default - no stage variables
   */
  readonly stageVariables?: { [name: string]: string };
  /**
   * Default throttling of every route of the stage.
   * @default - 1,000 requests per second with bursts of 2,000
   */
  readonly throttle?: ThrottleSettings;
  /**
   * Whether API Gateway publishes the stage's metrics per route as well. CloudWatch charges for each custom metric,
   * and detailed metrics are several metrics per route, so this is off unless asked for; the API-wide metrics are
   * always published.
   * @default false
   */
  readonly detailedMetrics?: boolean;
  /**
   * Retention of the stage's access log group.
   * @default logs.RetentionDays.ONE_YEAR
   */
  readonly accessLogRetention?: logs.RetentionDays;
  /**
   * A custom domain for the stage, with TLS 1.2, a certificate and a Route 53 alias; `basePath` becomes the API
   * mapping key.
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
   * The most routes the API's stack holds before its routes are spread over nested stacks (`routeStacks`), about this
   * many routes to each; the API, its stage, integrations, authorizers and permissions stay in the API's stack. A
   * route's nested stack follows from its route key and the number of nested stacks, ceil(routes /
   * routesPerNestedStack), counted over `routes`. From 1 to 500.
   * @default 100
   */
  readonly routesPerNestedStack?: number;
  /**
   * A CloudWatch dashboard (`dashboard`) and alarms (`alarms`, `compositeAlarm`) for the API: requests, 4XX and 5XX,
   * latency and integration latency percentiles of the stage, and the routes listed.
   * @default - no dashboard and no alarms
   */
  readonly monitoring?: ApiMonitoringOptions;
}
