import { Names, NestedStack, Stack, Token } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { HttpApiCustomDomain } from './http-api-custom-domain';
import { corsPreflight } from './private/cors-preflight';
import { createHttpCustomDomain } from './private/custom-domain';
import { LambdaProxyIntegration } from './private/http-lambda-integration';
import { monitorHttpApi } from './private/http-monitoring';
import { httpRouteArnPath, httpRouteId, parseHttpRouteKey, ParsedHttpRouteKey } from './private/http-route-key';
import { DEFAULT_HTTP_ROUTES_PER_NESTED_STACK, HttpRouteStacks } from './private/http-route-stacks';
import { createHttpStage, DEFAULT_STAGE_NAME, validateStageProps } from './private/stage';
import { HttpApiRouteOptions, SecureHttpApiProps } from './secure-http-api-props';
import { HttpApiAuthorizer } from '../authorizers/http-authorizer';
import { AuthorizerBindings } from '../authorizers/private/authorizer-bindings';
import type { BoundHttpAuthorizer } from '../authorizers/private/bound-http-authorizer';
import { ApiMonitoring } from '../common/monitoring-options';
import { OpenApiDocumentOptions } from '../openapi/openapi-document-options';
import { httpApiDocument, httpRoutesWithDocument, withDocumentProps, writeDocumentAtSynth } from '../openapi/private';
import { checkApiQuotas } from '../private/api-quotas';
import { executeApiArn } from '../private/arns';
import { validateCors } from '../private/cors';
import { check, warn } from '../private/errors';
import { LambdaInvokePermissions } from '../private/lambda-permissions';
import { suppressNagRules } from '../private/nag-suppressions';
import { PathVariables } from '../private/path-variables';
import { ROUTE_OPTIONS_OF, SECURE_HTTP_API } from '../private/prop-schemas';
import { checkConstructProps, checkStruct, declareConstructProps } from '../private/prop-types';
import { checkPublicRoute } from '../private/public-route';
import { requireRoutes } from '../private/required-routes';
import { validateStackResourceCount } from '../private/resource-limit';
import { validateRoutesPerNestedStack } from '../private/route-placement';
import { RouteThrottleOverrides } from '../private/route-settings';
import { validateThrottle } from '../private/throttle';

/** The payload formats of Lambda proxy integrations. */
const LAMBDA_PAYLOAD_VERSIONS = ['1.0', '2.0'];

/** What grants and validations need to know of a route once it is added. */
interface HttpRouteInfo {
  readonly authorizationType: string;
}

/**
 * An HTTP API (API Gateway v2) in front of Lambda functions, secure by default: every route is authorized unless
 * declared public, the stage logs every request as JSON and throttles, and each function gets one invoke permission
 * whatever the number of its routes.
 *
 * Features API Gateway offers on REST APIs only (usage plans and API keys, WAF, canary releases, caching, X-Ray,
 * resource policies, private endpoints, request validation, execution logs) are `SecureLambdaApi` and `MeteredApi`
 * props; passing one here is an error that says so.
 */
export class SecureHttpApi extends Construct {
  /** The HTTP API. */
  public readonly httpApi: apigatewayv2.HttpApi;
  /** The API's one stage, deployed automatically on every change. */
  public readonly stage: apigatewayv2.HttpStage;
  /** The log group receiving the JSON access logs of `stage`. */
  public readonly accessLogGroup: logs.LogGroup;
  /**
   * The URL of `stage`, ending with `/`: `https://abc123.execute-api.eu-west-1.amazonaws.com/`, or the custom domain's
   * URL when `disableExecuteApiEndpoint` is set.
   */
  public readonly url: string;
  /** The custom domain created from `customDomain`. */
  public readonly customDomain?: HttpApiCustomDomain;
  /** The user pool of the default authorizer (Cognito, or JWT for a Cognito pool). */
  public readonly userPool?: cognito.IUserPool;
  /** The app client the default Cognito authorizer created. */
  public readonly userPoolClient?: cognito.IUserPoolClient;
  /** The function of the default Lambda authorizer. */
  public readonly authorizerFunction?: lambda.IFunction;
  /** The dashboard and alarms of `monitoring`. */
  public readonly monitoring?: ApiMonitoring;
  /** The nested stacks holding the routes, once there are more than `routesPerNestedStack`. */
  public get routeStacks(): NestedStack[] {
    return this.routeStacksOf.nestedStacks;
  }

  private readonly defaultAuthorizerOption: HttpApiAuthorizer;
  private readonly authorizerBindings: AuthorizerBindings<HttpApiAuthorizer, BoundHttpAuthorizer>;
  private readonly routes = new Map<string, HttpRouteInfo>();
  private readonly routeThrottles = new RouteThrottleOverrides();
  private readonly pathVariables = new PathVariables(this, false);
  private readonly integrations = new Map<string, LambdaProxyIntegration>();
  private readonly permissions: LambdaInvokePermissions;
  private readonly payloadFormatVersion: apigatewayv2.PayloadFormatVersion;
  private readonly cors: boolean;
  private readonly routeStacksOf: HttpRouteStacks;

  constructor(scope: Construct, id: string, props: SecureHttpApiProps = {}) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    props = withDocumentProps(this, props, props.openApi);
    this.cors = validateCors(this, props.cors);
    this.defaultAuthorizerOption = props.authorizer ?? HttpApiAuthorizer.iam();
    this.authorizerBindings = new AuthorizerBindings(this, this.defaultAuthorizerOption, 'HttpApiAuthorizer', 'function, user pool or issuer');
    this.payloadFormatVersion = props.payloadFormatVersion ?? apigatewayv2.PayloadFormatVersion.VERSION_2_0;
    this.checkPayloadFormatVersion('payloadFormatVersion', this.payloadFormatVersion);
    const stageName = props.stageName ?? DEFAULT_STAGE_NAME;
    validateStageProps(this, stageName, props);

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
    });
    this.httpApi = new apigatewayv2.HttpApi(this, 'Api', {
      apiName: props.apiName ?? id,
      description: props.description,
      corsPreflight: props.cors && corsPreflight(props.cors),
      createDefaultStage: false,
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
    });
    this.node.defaultChild = this.httpApi;
    this.stage = createHttpStage(this, this.httpApi, stageName, props, this.accessLogGroup, this.routeThrottles);
    if (props.customDomain) {
      this.customDomain = createHttpCustomDomain(new Construct(this, 'CustomDomain'), props.customDomain, this.httpApi, this.stage);
    }
    this.url = props.disableExecuteApiEndpoint && this.customDomain ? this.customDomain.url : this.executeApiUrl(stageName);
    this.permissions = new LambdaInvokePermissions(this, 'InvokePermission', this.executeApiArn('*'));
    this.routeStacksOf = new HttpRouteStacks(this, this.httpApi, Object.keys(props.routes ?? {}).length,
      validateRoutesPerNestedStack(this, props.routesPerNestedStack ?? DEFAULT_HTTP_ROUTES_PER_NESTED_STACK));

    const defaultBinding = this.bindAuthorizer(this.defaultAuthorizerOption);
    this.userPool = defaultBinding.userPool;
    this.userPoolClient = defaultBinding.userPoolClient;
    this.authorizerFunction = defaultBinding.function;

    this.addRoutes(httpRoutesWithDocument(this, props.routes, props.openApi));
    this.monitoring = props.monitoring && monitorHttpApi(new Construct(this, 'Monitoring'), this.httpApi, this.stage, props.monitoring,
      this.accessLogGroup, this.authorizerBindings.all);
    validateStackResourceCount(this);
    checkApiQuotas(this, [
      { name: 'Routes per API', defaultLimit: 300, adjustable: true, count: () => this.routes.size },
      { name: 'Integrations per API', defaultLimit: 300, adjustable: false, count: () => this.node.findAll().filter((c) => c instanceof apigatewayv2.CfnIntegration).length },
    ]);
    writeDocumentAtSynth(this, () => this.openApiDocument());
  }

  /**
   * The API Gateway authorizer of the default authorizer, once a route uses it; undefined for IAM authorization,
   * which needs no authorizer resource.
   */
  public get defaultAuthorizer(): apigatewayv2.HttpAuthorizer | undefined {
    return this.authorizerBindings.defaultBinding?.created();
  }

  /**
   * Adds a route such as `'GET /items/{id}'`, `'ANY /{proxy+}'` or `'$default'`.
   * @returns the route created
   */
  public addRoute(routeKey: string, options: HttpApiRouteOptions): apigatewayv2.HttpRoute {
    const prop = `routes['${routeKey}']`;
    checkStruct(this, prop, options, ROUTE_OPTIONS_OF.HTTP, true);
    const key = parseHttpRouteKey(this, prop, routeKey);
    this.validateRoute(prop, key, options);
    const binding = options.isPublic ? undefined : this.bindAuthorizer(options.authorizer ?? this.defaultAuthorizerOption);
    const authorizationType = binding?.authorizationType ?? 'NONE';
    check(!options.authorizationScopes?.length || binding?.supportsScopes === true, this, 'ScopesNotSupported', () =>
      `${prop}.authorizationScopes is ${JSON.stringify(options.authorizationScopes)} but the route's authorizer is ${authorizationType}; HTTP APIs check per-route scopes only with JWT authorizers (HttpApiAuthorizer.jwt() or HttpApiAuthorizer.cognito())`);
    if (this.cors && binding && (!key.route || key.route.method === 'ANY')) {
      warn(this, '@gatewaykit/cors-preflight-authorized',
        `${prop} matches OPTIONS requests and is authorized by ${authorizationType}, so browsers' CORS preflight requests, which carry no credentials, reach it instead of API Gateway's CORS answer and are refused; route explicit methods instead (e.g. 'GET' and 'POST' for 'ANY'), or declare it isPublic and authorize in the handler`);
    }

    const place = this.routeStacksOf.placeOf(key.key);
    const route = new apigatewayv2.HttpRoute(place.scope, httpRouteId(key), {
      httpApi: place.httpApi,
      routeKey: key.route
        ? apigatewayv2.HttpRouteKey.with(key.route.path, key.route.method as apigatewayv2.HttpMethod)
        : apigatewayv2.HttpRouteKey.DEFAULT,
      integration: this.integrationFor(prop, options),
      authorizer: binding?.routeAuthorizer ?? new apigatewayv2.HttpNoneAuthorizer(),
      authorizationScopes: options.authorizationScopes,
    });
    if (!binding) {
      suppressNagRules(route, [{
        id: 'AwsSolutions-APIG4',
        reason: `The API owner declared '${key.key}' public explicitly (isPublic: true); every other route is authorized.`,
      }]);
    }
    this.routeThrottles.add(this.stage, route, key.key, options.throttle);
    this.routes.set(key.key, { authorizationType });
    return route;
  }

  /**
   * An OpenAPI 3.0 document describing the API as deployed: its routes, the security scheme of each authorizer with
   * its scopes, CORS (`x-amazon-apigateway-cors`), the stage's URL as server, and API Gateway's extensions. The app
   * writes it into the cloud assembly at synth as `<stack>.<api path>.openapi.json`.
   * @returns the document as a JSON object, whose values known only at deploy time (the API's id in the server URL,
   * function ARNs) are tokens: resolved by CloudFormation where the document is deployed (e.g. with
   * `Source.jsonData`), written as `${LogicalId}` placeholders in the assembly's file
   */
  public openApiDocument(options: OpenApiDocumentOptions = {}): any {
    return httpApiDocument(this, options);
  }

  /** Lets `grantee` call every IAM-authorized route. */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [this.executeApiArn('*')] });
  }

  /**
   * Lets `grantee` call one IAM-authorized route, e.g. `'GET /items/{id}'`. The `$default` route serves any request,
   * so its grant covers the whole stage.
   */
  public grantInvokeRoute(grantee: iam.IGrantable, routeKey: string): iam.Grant {
    const key = parseHttpRouteKey(this, `routeKey '${routeKey}'`, routeKey);
    const route = this.routes.get(key.key);
    check(route !== undefined, this, 'UnknownRoute', () =>
      `routeKey '${routeKey}' is not a route of this API; routes are ${[...this.routes.keys()].join(', ') || 'none yet'}`);
    check(route.authorizationType === 'AWS_IAM', this, 'GrantOnNonIamRoute', () =>
      `routeKey '${routeKey}' is authorized by ${route.authorizationType}, not IAM; an IAM grant has no effect on it (use HttpApiAuthorizer.iam() for the route)`);
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [this.executeApiArn(httpRouteArnPath(key))] });
  }

  /** Requests answered 4XX (sum per period), from API Gateway's metrics. */
  public metricClientErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metricClientError(options);
  }

  /** Requests answered 5XX (sum per period), from API Gateway's metrics. */
  public metricServerErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metricServerError(options);
  }

  /** Time from request to response in milliseconds (average per period), from API Gateway's metrics. */
  public metricLatency(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metricLatency(options);
  }

  /** Requests (sum per period), from API Gateway's metrics. */
  public metricRequests(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metricCount({ statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** The stage's URL on the default endpoint, written out: aws-cdk-lib refuses apiEndpoint once that endpoint is disabled. */
  private executeApiUrl(stageName: string): string {
    const stack = Stack.of(this);
    return `https://${this.httpApi.apiId}.execute-api.${stack.region}.${stack.urlSuffix}/${stageName === DEFAULT_STAGE_NAME ? '' : `${stageName}/`}`;
  }

  private addRoutes(routes: { [routeKey: string]: HttpApiRouteOptions } | undefined): void {
    for (const [routeKey, options] of Object.entries(routes ?? {})) {
      this.addRoute(routeKey, options);
    }
    requireRoutes(this, routes, () => this.routes.size, "'GET /items': { handler }");
  }

  /** `arn:…:execute-api:{region}:{account}:{apiId}/{stage}/{path}`. */
  private executeApiArn(path: string): string {
    return executeApiArn(this, this.httpApi.apiId, `${this.stage.stageName}/${path}`);
  }

  private validateRoute(prop: string, key: ParsedHttpRouteKey, options: HttpApiRouteOptions): void {
    check(!this.routes.has(key.key), this, 'DuplicateRoute', () => `${prop}: the route '${key.key}' is declared twice; each route key can have one route`);
    check((options.handler === undefined) !== (options.integration === undefined), this, 'RouteBackend', () =>
      `${prop} needs exactly one of handler and integration, got ${options.handler ? 'both' : 'neither'}`);
    checkPublicRoute(this, prop, options);
    check(!(this.cors && key.route?.method === 'OPTIONS'), this, 'OptionsRouteWithCors', () =>
      `${prop}: with cors set, the API answers OPTIONS (preflight) itself; remove the OPTIONS route or the cors option`);
    validateThrottle(this, `${prop}.throttle`, options.throttle);
    if (key.route) {
      this.pathVariables.reserve(prop, key.route);
    }
  }

  /** One Lambda proxy integration per function and payload format, so that permissions stay one per function. */
  private integrationFor(prop: string, options: HttpApiRouteOptions): apigatewayv2.HttpRouteIntegration {
    if (options.integration) {
      check(options.payloadFormatVersion === undefined, this, 'PayloadFormatVersionWithIntegration', () =>
        `${prop}.payloadFormatVersion applies to the Lambda proxy integration of handler, and the route has an integration; set the payload format on the integration instead`);
      return options.integration;
    }
    const handler = options.handler!;
    const version = options.payloadFormatVersion ?? this.payloadFormatVersion;
    this.checkPayloadFormatVersion(`${prop}.payloadFormatVersion`, version);
    const id = `${handler.node.addr}:${version.version}`;
    let integration = this.integrations.get(id);
    if (!integration) {
      this.permissions.grant(handler);
      integration = new LambdaProxyIntegration(`Integration-${Names.nodeUniqueId(handler.node)}-${version.version}`, this, this.httpApi, handler, version);
      this.integrations.set(id, integration);
    }
    return integration;
  }

  private checkPayloadFormatVersion(prop: string, version: apigatewayv2.PayloadFormatVersion): void {
    check(Token.isUnresolved(version.version) || LAMBDA_PAYLOAD_VERSIONS.includes(version.version), this, 'InvalidPayloadFormatVersion', () =>
      `${prop} is '${version.version}'; Lambda proxy integrations accept ${LAMBDA_PAYLOAD_VERSIONS.join(' and ')} (PayloadFormatVersion.VERSION_2_0 or VERSION_1_0)`);
  }

  private bindAuthorizer(authorizer: HttpApiAuthorizer): BoundHttpAuthorizer {
    return this.authorizerBindings.bind(authorizer, (id) => authorizer._bind(this, this.httpApi, id));
  }
}

declareConstructProps(SecureHttpApi, () => SECURE_HTTP_API);
