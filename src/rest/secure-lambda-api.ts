import { Lazy, NestedStack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ApiCustomDomain } from './api-custom-domain';
import { restAccessLogMetric, THROTTLED_REQUESTS } from './private/access-log-metrics';
import { hardenStageCanaryHandler, removeLingeringCanary } from './private/canary-custom-resources';
import { addCorsGatewayResponses, preflightOptions } from './private/cors-responses';
import { memoizeDeploymentLogicalId } from './private/deployment-logical-id';
import { checkHardenedProfile, logEncryptionKey } from './private/hardened-profile';
import { renderMethodSettings, RouteStageOverrides } from './private/method-settings';
import { privateEndpointsFor } from './private/private-endpoint';
import { RequestRequirements } from './private/request-validation';
import { buildResourcePolicy } from './private/resource-policy';
import { monitorRestApi } from './private/rest-monitoring';
import { RestRouteInfo } from './private/rest-route-info';
import { RestRouteStacks } from './private/rest-route-stacks';
import { cacheKeyIncludesCaller, cacheKeyRequestParameters, resolveRouteCache, RouteCache } from './private/route-cache';
import { ApiStages, canaryOf, stageNamed } from './private/stage-lookup';
import { stageOptionsFor } from './private/stage-options-for';
import { resolveStages, StageSettings } from './private/stage-settings';
import { checkStageVariablesDefined } from './private/stage-variables';
import { protectStages } from './private/waf';
import { RestRouteOptions, SecureLambdaApiProps } from './secure-lambda-api-props';
import { StageCanary } from './stage-canary';
import { AuthorizerBindings } from '../authorizers/private/authorizer-bindings';
import type { BoundRestAuthorizer } from '../authorizers/private/bound-rest-authorizer';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { CustomDomainOptions } from '../common/custom-domain-options';
import { ApiMonitoring } from '../common/monitoring-options';
import { dependOnAccountCloudWatchRole } from '../logging/private/cloudwatch-role-dependency';
import { OpenApiDocumentOptions } from '../openapi/openapi-document-options';
import { restApiDocument, routesWithDocument, withDocumentProps, writeDocumentAtSynth } from '../openapi/private';
import { arnResourcePath, wildcardMethod } from '../private/arns';
import { DEFAULT_CORS_HEADERS, validateCors } from '../private/cors';
import { check, validationProblem, warn } from '../private/errors';
import { LambdaInvokePermissions } from '../private/lambda-permissions';
import { suppressNagRules } from '../private/nag-suppressions';
import { PathVariables } from '../private/path-variables';
import { ROUTE_OPTIONS_OF, SECURE_LAMBDA_API } from '../private/prop-schemas';
import { checkConstructProps, checkStruct, declareConstructProps } from '../private/prop-types';
import { checkPublicRoute } from '../private/public-route';
import { requireRoutes } from '../private/required-routes';
import { validateStackResourceCount } from '../private/resource-limit';
import { parseRouteKey, ParsedRouteKey } from '../private/route-key';
import { validateThrottle } from '../private/throttle';

/** The stage the API Gateway console's "Test" button invokes methods in. */
const TEST_INVOKE_STAGE = 'test-invoke-stage';

/** How clients reach the REST API, and who may call it. */
interface RestApiEndpoint {
  readonly endpointType: apigateway.EndpointType;
  /** The interface VPC endpoints of a PRIVATE API. */
  readonly vpcEndpoints: ec2.IInterfaceVpcEndpoint[];
  readonly policy?: iam.PolicyDocument;
}

/** Options for the metric helpers of an API. */
export interface ApiMetricOptions extends cloudwatch.MetricOptions {
  /**
   * The stage to measure.
   * @default - the API's `stage`
   */
  readonly stageName?: string;
}

/**
 * A REST API (API Gateway v1) in front of Lambda functions, secure by default: every route is authorized unless
 * declared public, stages log, trace and throttle, and each function gets one invoke permission per stage.
 */
export class SecureLambdaApi extends Construct {
  /** The REST API. */
  public readonly restApi: apigateway.RestApi;
  /** The stage named `stageName`. */
  public readonly stage: apigateway.Stage;
  /** Every stage by name. */
  public readonly stages: { [stageName: string]: apigateway.Stage } = {};
  /** The log group receiving the JSON access logs of `stage`. */
  public readonly accessLogGroup: logs.LogGroup;
  /** The access log group of every stage by stage name. */
  public readonly accessLogGroups: { [stageName: string]: logs.LogGroup } = {};
  /** The canary release of every stage that has `canary`, by stage name. */
  public readonly canaries: { [stageName: string]: StageCanary } = {};
  /** The validator applied to every method (request parameters and body). */
  public readonly requestValidator: apigateway.RequestValidator;
  /** The WebACL created for the stages; undefined when WAF is off or an existing WebACL was given. */
  public readonly webAcl?: wafv2.CfnWebACL;
  /** The log group of the WebACL's request logs, when `waf.logging` is on. */
  public readonly wafLogGroup?: logs.LogGroup;
  /** The `execute-api` interface VPC endpoint created for a PRIVATE API in `privateEndpoint.vpc`. */
  public readonly vpcEndpoint?: ec2.InterfaceVpcEndpoint;
  /** The custom domain created from `customDomain`. */
  public readonly customDomain?: ApiCustomDomain;
  /** The key encrypting the access and WAF log groups, when `hardened` is on. */
  public readonly logEncryptionKey?: kms.Key;
  /** The client certificate the stages present to HTTP backends, when `clientCertificate` or `hardened` is on. */
  public readonly clientCertificate?: apigateway.CfnClientCertificate;
  /** The user pool of the default authorizer (Cognito, or JWT for a Cognito pool). */
  public readonly userPool?: cognito.IUserPool;
  /** The app client of the user pool the default Cognito authorizer created. */
  public readonly userPoolClient?: cognito.IUserPoolClient;
  /** The function of the default authorizer (TOKEN, REQUEST, or the bundled JWT authorizer). */
  public readonly authorizerFunction?: lambda.IFunction;
  /** The URL of `stage`, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/`. */
  public readonly url: string;
  /** The dashboard and alarms of `monitoring`. */
  public readonly monitoring?: ApiMonitoring;
  /** The nested stacks holding the resources and methods of the routes, once there are more than `routesPerNestedStack`. */
  public readonly routeStacks: NestedStack[] = [];

  private readonly defaultAuthorizerOption: RestAuthorizer;
  private createdDefaultAuthorizer?: apigateway.IAuthorizer;
  private readonly authorizerBindings: AuthorizerBindings<RestAuthorizer, BoundRestAuthorizer>;
  private readonly routes = new Map<string, RestRouteInfo>();
  private readonly pathVariables = new PathVariables(this, true);
  private readonly routeOverrides = new Map<string, RouteStageOverrides>();
  private readonly integrations = new Map<string, apigateway.Integration>();
  private readonly permissions: LambdaInvokePermissions[] = [];
  private readonly stageSettings: StageSettings[];
  private readonly primaryStageName: string;
  private readonly cors: boolean;
  private readonly requestRequirements: RequestRequirements;
  private readonly routeStacksOf: RestRouteStacks;

  constructor(scope: Construct, id: string, props: SecureLambdaApiProps = {}) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    props = withDocumentProps(this, props, props.openApi);
    this.cors = validateCors(this, props.cors);
    this.defaultAuthorizerOption = props.authorizer ?? RestAuthorizer.iam();
    this.authorizerBindings = new AuthorizerBindings(this, this.defaultAuthorizerOption, 'RestAuthorizer', 'function or user pool');
    const hardened = props.hardened ?? false;
    if (hardened) {
      checkHardenedProfile(this, props);
    }
    this.stageSettings = resolveStages(this, props);
    this.primaryStageName = this.stageSettings.find((settings) => settings.primary)!.name;

    const endpointType = props.endpointType ?? apigateway.EndpointType.REGIONAL;
    const privateEndpoints = privateEndpointsFor(this, endpointType, props.privateEndpoint);
    this.vpcEndpoint = privateEndpoints.created;
    const policy = this.resourcePolicy(props, endpointType, privateEndpoints.endpoints);
    this.clientCertificate = this.createClientCertificate(props.clientCertificate ?? hardened);
    this.logEncryptionKey = hardened ? logEncryptionKey(this) : undefined;
    this.accessLogGroup = this.createAccessLogGroups();

    this.restApi = this.createRestApi(id, props, { endpointType, vpcEndpoints: privateEndpoints.endpoints, policy });
    this.node.defaultChild = this.restApi;
    this.url = this.restApi.url;
    this.stage = this.restApi.deploymentStage;
    this.createStages();
    if (hardened) {
      hardenStageCanaryHandler(this);
    }

    this.requestValidator = this.restApi.addRequestValidator('RequestValidator', { validateRequestBody: true, validateRequestParameters: true });
    this.requestRequirements = new RequestRequirements(this.restApi);
    this.routeStacksOf = new RestRouteStacks(this, this.restApi, props, this.routeStacks);
    const protection = protectStages(this, this.stages, this.primaryStageName, props.waf, hardened, this.logEncryptionKey);
    this.webAcl = protection.webAcl;
    this.wafLogGroup = protection.logGroup;
    if (props.cors) {
      addCorsGatewayResponses(this.restApi, props.cors);
    }
    this.customDomain = this.createCustomDomain(props.customDomain, endpointType);

    this.createInvokePermissions(props.allowTestInvoke ?? false);
    const defaultBinding = this.bindAuthorizer(this.defaultAuthorizerOption);
    this.userPool = defaultBinding.userPool;
    this.userPoolClient = defaultBinding.userPoolClient;
    this.authorizerFunction = defaultBinding.function;
    this.addRoutes(routesWithDocument(this, props.routes, props.openApi, props.authorizer));
    this.addValidations(props);
    this.monitoring = monitorRestApi(this, props.monitoring, this.stageSettings, this.authorizerBindings.all);
    writeDocumentAtSynth(this, () => this.openApiDocument());
  }

  /**
   * The API Gateway authorizer of the default authorizer, once a route uses it; undefined for IAM authorization,
   * which needs no authorizer resource.
   */
  public get defaultAuthorizer(): apigateway.IAuthorizer | undefined {
    return this.createdDefaultAuthorizer;
  }

  /** @internal */
  public get _routes(): readonly RestRouteInfo[] {
    return [...this.routes.values()];
  }

  /**
   * Adds a route such as `'GET /items/{id}'`; nested paths share their resources.
   * @returns the method created
   */
  public addRoute(routeKey: string, options: RestRouteOptions): apigateway.Method {
    const prop = `routes['${routeKey}']`;
    checkStruct(this, prop, options, ROUTE_OPTIONS_OF.REST, true);
    const key = parseRouteKey(this, prop, routeKey);
    this.validateRoute(prop, key, options);
    const cache = resolveRouteCache(this, `${prop}.cache`, key, options.cache);
    check(!cache || this.stageSettings.some((stage) => stage.cache), this, 'RouteCacheWithoutStageCache', () =>
      `${prop}.cache is set but no stage has caching; add caching to the stages that should cache it (stages['${this.primaryStageName}'].caching) or remove ${prop}.cache`);

    const binding = options.isPublic ? undefined : this.bindAuthorizer(options.authorizer ?? this.defaultAuthorizerOption);
    check(!options.authorizationScopes?.length || binding?.supportsScopes === true, this, 'ScopesNotSupported', () =>
      `${prop}.authorizationScopes is ${JSON.stringify(options.authorizationScopes)} but the route's authorizer is ${binding?.authorizationType ?? 'NONE'}; REST APIs check per-route scopes only with RestAuthorizer.cognito() (for the JWT authorizer, use its requiredScopes)`);
    if (cache && binding && !cacheKeyIncludesCaller(cache)) {
      warn(this, '@gatewaykit/cache-shared-between-callers',
        `${prop}.cache: the route is authorized but its cache key does not include header.Authorization, so a response cached for one caller is served to every other authorized caller; add 'header.Authorization' to keyParameters unless the responses are the same for everyone`);
    }

    const authorizationType = binding?.authorizationType ?? apigateway.AuthorizationType.NONE;
    const resource = this.routeStacksOf.resourceFor(key);
    const authorizer = binding?.authorizer?.();
    if (binding && binding === this.authorizerBindings.defaultBinding) {
      this.createdDefaultAuthorizer = authorizer;
    }
    const apiKeyRequired = options.apiKeyRequired ?? this.apiKeyRequiredByDefault();
    const requirements = this.requestRequirements.forRoute(prop, key, options, resource.api);
    const method = resource.addMethod(key.method, this.integrationFor(options, cache), {
      authorizationType,
      authorizer,
      authorizationScopes: options.authorizationScopes,
      apiKeyRequired: apiKeyRequired || undefined,
      requestValidator: this.requestValidator,
      requestModels: requirements.requestModels,
      requestParameters: cacheKeyRequestParameters(requirements.requestParameters, cache),
    });
    checkStageVariablesDefined(this, prop, method, this.stageSettings);
    suppressNagRules(method, binding?.methodNagSuppressions ?? [
      { id: 'AwsSolutions-APIG4', reason: `The API owner declared '${key.key}' public explicitly (isPublic: true); every other route is authorized.` },
      { id: 'AwsSolutions-COG4', reason: `The API owner declared '${key.key}' public explicitly (isPublic: true); it has no authorizer by design.` },
    ]);
    if (options.throttle || cache) {
      this.routeOverrides.set(key.key, { key, throttle: options.throttle, cache });
    }
    this.routes.set(key.key, {
      key,
      authorizationType,
      apiKeyRequired,
      apiKeyRequiredSet: options.apiKeyRequired !== undefined,
      authorizerProvidesApiKey: binding?.providesUsageIdentifierKey === true,
    });
    return method;
  }

  /**
   * An OpenAPI 3.0 document describing the API as deployed: its routes with their required parameters and request
   * models, the security scheme of each authorizer with its scopes, API keys, CORS, a server per stage, and API
   * Gateway's extensions. The app writes it into the cloud assembly at synth as `<stack>.<api path>.openapi.json`.
   * @returns the document as a JSON object, whose values known only at deploy time (the API's id in server URLs,
   * function ARNs) are tokens: resolved by CloudFormation where the document is deployed (e.g. with
   * `Source.jsonData`), written as `${LogicalId}` placeholders in the assembly's file
   */
  public openApiDocument(options: OpenApiDocumentOptions = {}): any {
    return restApiDocument(this, options);
  }

  /** Lets `grantee` call every IAM-authorized route of every stage. */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: this.stageSettings.map((stage) => this.restApi.arnForExecuteApi('*', '/*', stage.name)),
    });
  }

  /** Lets `grantee` call one IAM-authorized route, e.g. `'GET /items/{id}'`, on every stage. */
  public grantInvokeRoute(grantee: iam.IGrantable, routeKey: string): iam.Grant {
    const key = parseRouteKey(this, `routeKey '${routeKey}'`, routeKey);
    const route = this.routes.get(key.key);
    check(route !== undefined, this, 'UnknownRoute', () =>
      `routeKey '${routeKey}' is not a route of this API; routes are ${[...this.routes.keys()].join(', ') || 'none yet'}`);
    check(route.authorizationType === apigateway.AuthorizationType.IAM, this, 'GrantOnNonIamRoute', () =>
      `routeKey '${routeKey}' is authorized by ${route.authorizationType}, not IAM; an IAM grant has no effect on it (use RestAuthorizer.iam() for the route)`);
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: this.stageSettings.map((stage) => this.restApi.arnForExecuteApi(wildcardMethod(key), arnResourcePath(key), stage.name)),
    });
  }

  /**
   * Ends the canary release of a stage in its favour: the stage serves the canary's deployment with the canary's
   * variable overrides, and the canary is removed from the deployed stage.
   */
  public promoteCanary(stageName: string): void {
    canaryOf(this, this.stageSet, 'promoteCanary', stageName).promote();
  }

  /** Ends the canary release of a stage by removing the canary; the stage keeps the deployment it served. */
  public rollBackCanary(stageName: string): void {
    canaryOf(this, this.stageSet, 'rollBackCanary', stageName).rollBack();
  }

  /** Requests answered 4XX (sum per period), from API Gateway's metrics. */
  public metricClientErrors(options: ApiMetricOptions = {}): cloudwatch.Metric {
    const { stageName, ...metricOptions } = options;
    return stageNamed(this, this.stageSet, 'metricClientErrors', stageName).metricClientError(metricOptions);
  }

  /** Requests answered 5XX (sum per period), from API Gateway's metrics. */
  public metricServerErrors(options: ApiMetricOptions = {}): cloudwatch.Metric {
    const { stageName, ...metricOptions } = options;
    return stageNamed(this, this.stageSet, 'metricServerErrors', stageName).metricServerError(metricOptions);
  }

  /** Time from request to response in milliseconds (average per period), from API Gateway's metrics. */
  public metricLatency(options: ApiMetricOptions = {}): cloudwatch.Metric {
    const { stageName, ...metricOptions } = options;
    return stageNamed(this, this.stageSet, 'metricLatency', stageName).metricLatency(metricOptions);
  }

  /** Requests (sum per period), from API Gateway's metrics. */
  public metricRequests(options: ApiMetricOptions = {}): cloudwatch.Metric {
    const { stageName, ...metricOptions } = options;
    return stageNamed(this, this.stageSet, 'metricRequests', stageName).metricCount({ statistic: cloudwatch.Stats.SUM, ...metricOptions });
  }

  /**
   * Requests answered 429 (sum per period): throttled by a stage, route or usage plan, or over a quota. API Gateway
   * has no such metric for REST APIs, so the first call adds a metric filter on the stage's access log group.
   */
  public metricThrottledRequests(options: ApiMetricOptions = {}): cloudwatch.Metric {
    const { stageName, ...metricOptions } = options;
    const name = stageName ?? this.primaryStageName;
    const stage = stageNamed(this, this.stageSet, 'metricThrottledRequests', name);
    return restAccessLogMetric(this, `ThrottledRequestsMetric-${name}`, this.accessLogGroups[name], stage, THROTTLED_REQUESTS, metricOptions);
  }

  /** Whether routes require an API key unless they say otherwise. */
  protected apiKeyRequiredByDefault(): boolean {
    return false;
  }

  /** The hand-written `policy`, or the one `resourcePolicy` and a PRIVATE endpoint generate; never both. */
  private resourcePolicy(
    props: SecureLambdaApiProps, endpointType: apigateway.EndpointType, vpcEndpoints: ec2.IInterfaceVpcEndpoint[],
  ): iam.PolicyDocument | undefined {
    const generatedPolicy = buildResourcePolicy(this, props.resourcePolicy, {
      isPrivate: endpointType === apigateway.EndpointType.PRIVATE,
      privateEndpointIds: vpcEndpoints.map((endpoint) => endpoint.vpcEndpointId),
    });
    check(!(props.policy && generatedPolicy), this, 'PolicyAndGeneratedPolicy', () =>
      `policy is set together with ${props.resourcePolicy ? 'resourcePolicy' : 'endpointType PRIVATE'}, which generates the resource policy; express the restriction with resourcePolicy and add further statements with restApi.addToResourcePolicy()`);
    return props.policy ?? generatedPolicy;
  }

  private createClientCertificate(enabled: boolean): apigateway.CfnClientCertificate | undefined {
    return enabled ? new apigateway.CfnClientCertificate(this, 'ClientCertificate', {
      description: `Presented by API Gateway to the HTTP backends of ${this.node.path}`,
    }) : undefined;
  }

  /** One log group per stage, the primary stage's keeping the id of a single-stage API; returns the primary's. */
  private createAccessLogGroups(): logs.LogGroup {
    for (const settings of this.stageSettings) {
      this.accessLogGroups[settings.name] = new logs.LogGroup(this, settings.primary ? 'AccessLogs' : `AccessLogs-${settings.name}`, {
        retention: settings.accessLogRetention,
        encryptionKey: this.logEncryptionKey,
      });
    }
    return this.accessLogGroups[this.primaryStageName];
  }

  /** The REST API, deploying the primary stage; the other stages are created by `createStages`. */
  private createRestApi(id: string, props: SecureLambdaApiProps, endpoint: RestApiEndpoint): apigateway.RestApi {
    const primary = this.stageSettings.find((settings) => settings.primary)!;
    return new apigateway.RestApi(this, 'Api', {
      restApiName: props.apiName ?? id,
      description: props.description,
      // The account-wide setting is owned by ApiGatewayCloudWatchRole, never rewritten per API.
      cloudWatchRole: false,
      deploy: true,
      // A stage with a canary keeps serving an earlier deployment, which CloudFormation must not delete.
      retainDeployments: true,
      policy: endpoint.policy,
      endpointConfiguration: {
        types: [endpoint.endpointType],
        vpcEndpoints: endpoint.vpcEndpoints.length ? endpoint.vpcEndpoints : undefined,
      },
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
      defaultCorsPreflightOptions: props.cors && preflightOptions(props.cors, props.cors.allowHeaders ?? DEFAULT_CORS_HEADERS),
      deployOptions: stageOptionsFor(primary, this.accessLogGroup, this.clientCertificate?.ref),
    });
  }

  private createCustomDomain(options: CustomDomainOptions | undefined, endpointType: apigateway.EndpointType): ApiCustomDomain | undefined {
    if (!options) {
      return undefined;
    }
    check(endpointType !== apigateway.EndpointType.PRIVATE, this, 'CustomDomainOnPrivateApi', () =>
      `customDomain '${options.domainName}' creates a public custom domain, and endpointType is PRIVATE; create a PrivateApiCustomDomain (reached through VPC endpoints) and map the stage with its addBasePathMapping()`);
    const { basePath, ...domainProps } = options;
    const customDomain = new ApiCustomDomain(this, 'CustomDomain', { ...domainProps, endpointType });
    customDomain.addBasePathMapping(this.restApi, { stage: this.stage, basePath });
    return customDomain;
  }

  /** One invoke permission per function and stage (and for the console's test invocations), granted as routes add functions. */
  private createInvokePermissions(allowTestInvoke: boolean): void {
    for (const settings of this.stageSettings) {
      const idPrefix = settings.primary ? 'InvokePermission' : `InvokePermission-${settings.name}-`;
      this.permissions.push(new LambdaInvokePermissions(this, idPrefix, this.restApi.arnForExecuteApi('*', '/*', settings.name)));
    }
    if (allowTestInvoke) {
      this.permissions.push(new LambdaInvokePermissions(this, 'TestInvokePermission', this.restApi.arnForExecuteApi('*', '/*', TEST_INVOKE_STAGE)));
    }
  }

  private addRoutes(routes: { [routeKey: string]: RestRouteOptions } | undefined): void {
    for (const [routeKey, options] of Object.entries(routes ?? {})) {
      this.addRoute(routeKey, options);
    }
    requireRoutes(this, routes, () => this.routes.size, "'GET /items': { handler }");
  }

  /** What can only be checked once the app is complete, and what the account and the stack must allow. */
  private addValidations(props: SecureLambdaApiProps): void {
    if (props.resourcePolicy?.allowedAccounts || props.resourcePolicy?.allowedPrincipals) {
      this.node.addValidation({ validate: () => this.routesUnreachableBySignedCallers() });
    }
    dependOnAccountCloudWatchRole(this, () => Object.values(this.stages), props.cloudWatchRole);
    validateStackResourceCount(this);
  }

  private createStages(): void {
    const deployment = this.restApi.latestDeployment!;
    memoizeDeploymentLogicalId(deployment);
    for (const settings of this.stageSettings) {
      const stage = settings.primary ? this.stage : new apigateway.Stage(this, `Stage-${settings.name}`, {
        deployment,
        ...stageOptionsFor(settings, this.accessLogGroups[settings.name], this.clientCertificate?.ref),
      });
      this.stages[settings.name] = stage;
      // Method settings are rendered late so that per-route throttles and caches added with addRoute() are included.
      (stage.node.defaultChild as apigateway.CfnStage).methodSettings = Lazy.any({
        produce: () => renderMethodSettings(settings, [...this.routeOverrides.values()]),
      });
      if (settings.canary) {
        this.canaries[settings.name] = new StageCanary(this, `Canary-${settings.name}`, {
          ...settings.canary,
          stage,
          deployment,
          accessLogGroup: this.accessLogGroups[settings.name],
        });
      } else {
        removeLingeringCanary(this, `CanaryRemoval-${settings.name}`, {
          restApi: this.restApi,
          stage,
          stageDeploymentId: deployment.deploymentId,
          trigger: 'NONE',
        });
      }
    }
  }

  private get stageSet(): ApiStages {
    return { stages: this.stages, canaries: this.canaries, primaryStageName: this.primaryStageName };
  }

  private validateRoute(prop: string, key: ParsedRouteKey, options: RestRouteOptions): void {
    check(!this.routes.has(key.key), this, 'DuplicateRoute', () => `${prop}: the route '${key.key}' is declared twice; each method and path pair can have one route`);
    check((options.handler === undefined) !== (options.integration === undefined), this, 'RouteBackend', () =>
      `${prop} needs exactly one of handler and integration, got ${options.handler ? 'both' : 'neither'}`);
    checkPublicRoute(this, prop, options);
    check(!(this.cors && key.method === 'OPTIONS'), this, 'OptionsRouteWithCors', () =>
      `${prop}: with cors set, the API answers OPTIONS (preflight) itself; remove the OPTIONS route or the cors option`);
    validateThrottle(this, `${prop}.throttle`, options.throttle);
    this.pathVariables.reserve(prop, key);
  }

  /** With principals in the resource policy, unsigned (anonymous) calls can never match its Allow. */
  private routesUnreachableBySignedCallers(): string[] {
    return [...this.routes.values()]
      .filter((route) => route.authorizationType !== apigateway.AuthorizationType.IAM)
      .map((route) => validationProblem('SignedCallersOnly', this, `resourcePolicy.allowedAccounts and allowedPrincipals admit SigV4-signed callers only, but the route '${route.key.key}' is authorized by ${route.authorizationType} and its callers do not sign, so it could never be called; authorize it with RestAuthorizer.iam() or drop the accounts and principals from resourcePolicy`));
  }

  /** One Lambda proxy integration per function and cache key, so that permissions stay one per function and stage. */
  private integrationFor(options: RestRouteOptions, cache: RouteCache | undefined): apigateway.Integration {
    if (options.integration) {
      return options.integration;
    }
    const handler = options.handler!;
    const cacheKeyParameters = cache?.keyParameters.length ? cache.keyParameters : undefined;
    const id = `${handler.node.addr}${cacheKeyParameters ? JSON.stringify(cacheKeyParameters) : ''}`;
    let integration = this.integrations.get(id);
    if (!integration) {
      this.permissions.forEach((permissions) => permissions.grant(handler));
      integration = new apigateway.AwsIntegration({
        proxy: true,
        service: 'lambda',
        path: `2015-03-31/functions/${handler.functionArn}/invocations`,
        options: cacheKeyParameters && { cacheKeyParameters },
      });
      this.integrations.set(id, integration);
    }
    return integration;
  }

  private bindAuthorizer(authorizer: RestAuthorizer): BoundRestAuthorizer {
    return this.authorizerBindings.bind(authorizer, (id) => authorizer._bind(this, this.restApi, id, this.logEncryptionKey));
  }
}

declareConstructProps(SecureLambdaApi, () => SECURE_LAMBDA_API);
