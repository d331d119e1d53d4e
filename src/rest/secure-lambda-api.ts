import { Annotations, AspectPriority, Aspects, Lazy } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct, IConstruct } from 'constructs';
import { jsonAccessLogFormat } from './access-log-format';
import { ApiCustomDomain } from './api-custom-domain';
import { addCorsGatewayResponses, preflightOptions } from './cors-responses';
import { checkHardenedProfile, HARDENED_CACHE, logEncryptionKey } from './hardened-profile';
import { privateEndpointsFor } from './private-endpoint';
import { RequestRequirements } from './request-validation';
import { buildResourcePolicy } from './resource-policy';
import { RestRouteOptions, SecureLambdaApiProps } from './secure-lambda-api-props';
import { protectStage } from './waf';
import { RestAuthorizer } from '../authorizers/rest-authorizer';
import { ApiGatewayCloudWatchRole } from '../logging/api-gateway-cloudwatch-role';
import type { BoundRestAuthorizer } from '../private/bound-rest-authorizer';
import { DEFAULT_CORS_HEADERS, validateCors } from '../private/cors';
import { check } from '../private/errors';
import { LambdaInvokePermissions } from '../private/lambda-permissions';
import { suppressNagRules } from '../private/nag-suppressions';
import { validateStackResourceCount } from '../private/resource-limit';
import { isVariableSegment, parseRouteKey, ParsedRouteKey } from '../private/route-key';
import { validateThrottle } from '../private/throttle';
import { ThrottleSettings } from '../throttle';

const DEFAULT_THROTTLE = { rateLimit: 1000, burstLimit: 2000 };
/** The stage the API Gateway console's "Test" button invokes methods in. */
const TEST_INVOKE_STAGE = 'test-invoke-stage';

interface Route {
  readonly key: ParsedRouteKey;
  readonly authorizationType: string;
}

/**
 * A REST API (API Gateway v1) in front of Lambda functions, secure by default: every route is authorized unless
 * declared public, stages log, trace and throttle, and each function gets one invoke permission per API.
 */
export class SecureLambdaApi extends Construct {
  /** The REST API. */
  public readonly restApi: apigateway.RestApi;
  /** The stage serving the current deployment. */
  public readonly stage: apigateway.Stage;
  /** The log group receiving the stage's JSON access logs. */
  public readonly accessLogGroup: logs.LogGroup;
  /** The validator applied to every method (request parameters and body). */
  public readonly requestValidator: apigateway.RequestValidator;
  /** The WebACL created for the stage; undefined when WAF is off or an existing WebACL was given. */
  public readonly webAcl?: wafv2.CfnWebACL;
  /** The log group of the WebACL's request logs, when `waf.logging` is on. */
  public readonly wafLogGroup?: logs.LogGroup;
  /** The `execute-api` interface VPC endpoint created for a PRIVATE API in `privateEndpoint.vpc`. */
  public readonly vpcEndpoint?: ec2.InterfaceVpcEndpoint;
  /** The custom domain created from `customDomain`. */
  public readonly customDomain?: ApiCustomDomain;
  /** The key encrypting the access and WAF log groups, when `hardened` is on. */
  public readonly logEncryptionKey?: kms.Key;
  /** The client certificate the stage presents to HTTP backends, when `clientCertificate` or `hardened` is on. */
  public readonly clientCertificate?: apigateway.CfnClientCertificate;
  /** The user pool of the default authorizer (Cognito, or JWT for a Cognito pool). */
  public readonly userPool?: cognito.IUserPool;
  /** The app client of the user pool the default Cognito authorizer created. */
  public readonly userPoolClient?: cognito.IUserPoolClient;
  /** The function of the default authorizer (TOKEN, REQUEST, or the bundled JWT authorizer). */
  public readonly authorizerFunction?: lambda.IFunction;
  /** The URL of the stage, e.g. `https://abc123.execute-api.eu-west-1.amazonaws.com/prod/`. */
  public readonly url: string;

  private readonly defaultAuthorizerOption: RestAuthorizer;
  private createdDefaultAuthorizer?: apigateway.IAuthorizer;
  private readonly boundAuthorizers = new Map<RestAuthorizer, BoundRestAuthorizer>();
  private readonly boundAuthorizerIds = new Set<string>();
  private readonly routes = new Map<string, Route>();
  /** The variable segment used under each parent path: API Gateway allows one per level. */
  private readonly variableSegments = new Map<string, string>();
  private readonly routeThrottles = new Map<string, { key: ParsedRouteKey; throttle: ThrottleSettings }>();
  private readonly integrations = new Map<lambda.IFunction, apigateway.Integration>();
  private readonly permissions: LambdaInvokePermissions[];
  private readonly stageThrottle: ThrottleSettings;
  private readonly loggingLevel: apigateway.MethodLoggingLevel;
  private readonly cors: boolean;
  private readonly cacheEncrypted: boolean;
  private readonly requestRequirements: RequestRequirements;

  constructor(scope: Construct, id: string, props: SecureLambdaApiProps = {}) {
    super(scope, id);
    if (props.cors) {
      validateCors(this, props.cors);
    }
    validateThrottle(this, 'throttle', props.throttle);
    this.stageThrottle = {
      rateLimit: props.throttle?.rateLimit ?? DEFAULT_THROTTLE.rateLimit,
      burstLimit: props.throttle?.burstLimit ?? DEFAULT_THROTTLE.burstLimit,
    };
    this.loggingLevel = props.loggingLevel ?? apigateway.MethodLoggingLevel.ERROR;
    this.cors = props.cors !== undefined;
    this.defaultAuthorizerOption = props.authorizer ?? RestAuthorizer.iam();
    const stageName = props.stageName ?? 'prod';
    const hardened = props.hardened ?? false;
    if (hardened) {
      checkHardenedProfile(this, props);
    }
    this.cacheEncrypted = hardened;
    const endpointType = props.endpointType ?? apigateway.EndpointType.REGIONAL;
    const privateEndpoints = privateEndpointsFor(this, endpointType, props.privateEndpoint);
    this.vpcEndpoint = privateEndpoints.created;
    const generatedPolicy = buildResourcePolicy(this, props.resourcePolicy, {
      isPrivate: endpointType === apigateway.EndpointType.PRIVATE,
      privateEndpointIds: privateEndpoints.endpoints.map((endpoint) => endpoint.vpcEndpointId),
    });
    check(!(props.policy && generatedPolicy), this, 'PolicyAndGeneratedPolicy', () =>
      `policy is set together with ${props.resourcePolicy ? 'resourcePolicy' : 'endpointType PRIVATE'}, which generates the resource policy; express the restriction with resourcePolicy and add further statements with restApi.addToResourcePolicy()`);
    if (props.clientCertificate ?? hardened) {
      this.clientCertificate = new apigateway.CfnClientCertificate(this, 'ClientCertificate', {
        description: `Presented by API Gateway to the HTTP backends of ${this.node.path}`,
      });
    }

    this.logEncryptionKey = hardened ? logEncryptionKey(this) : undefined;
    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', {
      retention: props.accessLogRetention ?? logs.RetentionDays.ONE_YEAR,
      encryptionKey: this.logEncryptionKey,
    });
    this.restApi = new apigateway.RestApi(this, 'Api', {
      restApiName: props.apiName ?? id,
      description: props.description,
      // The account-wide setting is owned by ApiGatewayCloudWatchRole, never rewritten per API.
      cloudWatchRole: false,
      deploy: true,
      policy: props.policy ?? generatedPolicy,
      endpointConfiguration: {
        types: [endpointType],
        vpcEndpoints: privateEndpoints.endpoints.length ? privateEndpoints.endpoints : undefined,
      },
      disableExecuteApiEndpoint: props.disableExecuteApiEndpoint,
      defaultCorsPreflightOptions: props.cors && preflightOptions(props.cors, props.cors.allowHeaders ?? DEFAULT_CORS_HEADERS),
      deployOptions: {
        stageName,
        accessLogDestination: new apigateway.LogGroupLogDestination(this.accessLogGroup),
        accessLogFormat: jsonAccessLogFormat(),
        tracingEnabled: props.tracingEnabled ?? true,
        clientCertificateId: this.clientCertificate?.ref,
        cacheClusterEnabled: hardened || undefined,
        cacheClusterSize: hardened ? HARDENED_CACHE.clusterSize : undefined,
      },
    });
    this.stage = this.restApi.deploymentStage;
    this.node.defaultChild = this.restApi;
    this.url = this.restApi.url;
    // Method settings are rendered late so that per-route throttles added with addRoute() are included.
    (this.stage.node.defaultChild as apigateway.CfnStage).methodSettings = Lazy.any({ produce: () => this.renderMethodSettings() });
    // aws-cdk-lib leaves the resource policy out of the deployment hash: a policy change would not be deployed.
    const cfnRestApi = this.restApi.node.defaultChild as apigateway.CfnRestApi;
    this.restApi.latestDeployment?.addToLogicalId({ policy: Lazy.any({ produce: () => cfnRestApi.policy }) });

    this.requestValidator = this.restApi.addRequestValidator('RequestValidator', {
      validateRequestBody: true,
      validateRequestParameters: true,
    });
    this.requestRequirements = new RequestRequirements(this.restApi);
    const wafLogging = props.waf?.logging ?? (hardened && props.waf?.webAclArn === undefined);
    const protection = protectStage(this, this.stage, { ...props.waf, logging: wafLogging }, this.logEncryptionKey);
    this.webAcl = protection.webAcl;
    this.wafLogGroup = protection.logGroup;
    if (props.cors) {
      addCorsGatewayResponses(this.restApi, props.cors);
    }
    if (props.customDomain) {
      check(endpointType !== apigateway.EndpointType.PRIVATE, this, 'CustomDomainOnPrivateApi', () =>
        `customDomain '${props.customDomain!.domainName}' creates a public custom domain, and endpointType is PRIVATE; create a PrivateApiCustomDomain (reached through VPC endpoints) and map the stage with its addBasePathMapping()`);
      const { basePath, ...domainProps } = props.customDomain;
      this.customDomain = new ApiCustomDomain(this, 'CustomDomain', { ...domainProps, endpointType });
      this.customDomain.addBasePathMapping(this.restApi, { stage: this.stage, basePath });
    }

    this.permissions = [new LambdaInvokePermissions(this, 'InvokePermission', this.restApi.arnForExecuteApi('*', '/*', stageName))];
    if (props.allowTestInvoke) {
      this.permissions.push(new LambdaInvokePermissions(this, 'TestInvokePermission', this.restApi.arnForExecuteApi('*', '/*', TEST_INVOKE_STAGE)));
    }

    const defaultBinding = this.bindAuthorizer(this.defaultAuthorizerOption);
    this.userPool = defaultBinding.userPool;
    this.userPoolClient = defaultBinding.userPoolClient;
    this.authorizerFunction = defaultBinding.function;

    for (const [routeKey, options] of Object.entries(props.routes ?? {})) {
      this.addRoute(routeKey, options);
    }
    if (props.resourcePolicy?.allowedAccounts || props.resourcePolicy?.allowedPrincipals) {
      this.node.addValidation({ validate: () => this.routesUnreachableBySignedCallers() });
    }
    this.dependOnAccountCloudWatchRole(props.cloudWatchRole);
    validateStackResourceCount(this);
  }

  /**
   * The API Gateway authorizer of the default authorizer, once a route uses it; undefined for IAM authorization,
   * which needs no authorizer resource.
   */
  public get defaultAuthorizer(): apigateway.IAuthorizer | undefined {
    return this.createdDefaultAuthorizer;
  }

  /**
   * Adds a route such as `'GET /items/{id}'`; nested paths share their resources.
   * @returns the method created
   */
  public addRoute(routeKey: string, options: RestRouteOptions): apigateway.Method {
    const prop = `routes['${routeKey}']`;
    const key = parseRouteKey(this, prop, routeKey);
    this.validateRoute(prop, key, options);

    const binding = options.isPublic ? undefined : this.bindAuthorizer(options.authorizer ?? this.defaultAuthorizerOption);
    check(!options.authorizationScopes?.length || binding?.supportsScopes === true, this, 'ScopesNotSupported', () =>
      `${prop}.authorizationScopes is ${JSON.stringify(options.authorizationScopes)} but the route's authorizer is ${binding?.authorizationType ?? 'NONE'}; REST APIs check per-route scopes only with RestAuthorizer.cognito() (for the JWT authorizer, use its requiredScopes)`);

    const authorizationType = binding?.authorizationType ?? apigateway.AuthorizationType.NONE;
    const resource = this.restApi.root.resourceForPath(key.path);
    const authorizer = binding?.authorizer?.();
    if (binding && binding === this.boundAuthorizers.get(this.defaultAuthorizerOption)) {
      this.createdDefaultAuthorizer = authorizer;
    }
    const method = resource.addMethod(key.method, this.integrationFor(options), {
      authorizationType,
      authorizer,
      authorizationScopes: options.authorizationScopes,
      requestValidator: this.requestValidator,
      ...this.requestRequirements.forRoute(prop, key, options),
    });
    suppressNagRules(method, binding?.methodNagSuppressions ?? [
      { id: 'AwsSolutions-APIG4', reason: `The API owner declared '${key.key}' public explicitly (isPublic: true); every other route is authorized.` },
      { id: 'AwsSolutions-COG4', reason: `The API owner declared '${key.key}' public explicitly (isPublic: true); it has no authorizer by design.` },
    ]);
    if (options.throttle) {
      this.routeThrottles.set(key.key, { key, throttle: options.throttle });
    }
    this.routes.set(key.key, { key, authorizationType });
    return method;
  }

  /** Lets `grantee` call every IAM-authorized route of the stage. */
  public grantInvoke(grantee: iam.IGrantable): iam.Grant {
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: [this.restApi.arnForExecuteApi('*', '/*', this.stage.stageName)],
    });
  }

  /** Lets `grantee` call one IAM-authorized route, e.g. `'GET /items/{id}'`. */
  public grantInvokeRoute(grantee: iam.IGrantable, routeKey: string): iam.Grant {
    const key = parseRouteKey(this, `routeKey '${routeKey}'`, routeKey);
    const route = this.routes.get(key.key);
    check(route !== undefined, this, 'UnknownRoute', () =>
      `routeKey '${routeKey}' is not a route of this API; routes are ${[...this.routes.keys()].join(', ') || 'none yet'}`);
    check(route.authorizationType === apigateway.AuthorizationType.IAM, this, 'GrantOnNonIamRoute', () =>
      `routeKey '${routeKey}' is authorized by ${route.authorizationType}, not IAM; an IAM grant has no effect on it (use RestAuthorizer.iam() for the route)`);
    const arnPath = '/' + key.segments.map((s) => (isVariableSegment(s) ? '*' : s)).join('/');
    return iam.Grant.addToPrincipal({
      grantee,
      actions: ['execute-api:Invoke'],
      resourceArns: [this.restApi.arnForExecuteApi(key.method === 'ANY' ? '*' : key.method, arnPath, this.stage.stageName)],
    });
  }

  private validateRoute(prop: string, key: ParsedRouteKey, options: RestRouteOptions): void {
    check(!this.routes.has(key.key), this, 'DuplicateRoute', () => `${prop}: the route '${key.key}' is declared twice; each method and path pair can have one route`);
    check((options.handler === undefined) !== (options.integration === undefined), this, 'RouteBackend', () =>
      `${prop} needs exactly one of handler and integration, got ${options.handler ? 'both' : 'neither'}`);
    check(!(options.isPublic && options.authorizer), this, 'PublicRouteWithAuthorizer', () =>
      `${prop} is isPublic: true and also names an authorizer; remove one (a public route has no authorization)`);
    check(!(options.isPublic && options.authorizationScopes?.length), this, 'PublicRouteWithScopes', () =>
      `${prop} is isPublic: true and also has authorizationScopes ${JSON.stringify(options.authorizationScopes)}; remove one`);
    check(!(this.cors && key.method === 'OPTIONS'), this, 'OptionsRouteWithCors', () =>
      `${prop}: with cors set, the API answers OPTIONS (preflight) itself; remove the OPTIONS route or the cors option`);
    validateThrottle(this, `${prop}.throttle`, options.throttle);
    this.reserveVariableSegments(prop, key);
  }

  /** With principals in the resource policy, unsigned (anonymous) calls can never match its Allow. */
  private routesUnreachableBySignedCallers(): string[] {
    return [...this.routes.values()]
      .filter((route) => route.authorizationType !== apigateway.AuthorizationType.IAM)
      .map((route) => `[SignedCallersOnly] ${this.node.path}: resourcePolicy.allowedAccounts and allowedPrincipals admit SigV4-signed callers only, but the route '${route.key.key}' is authorized by ${route.authorizationType} and its callers do not sign, so it could never be called; authorize it with RestAuthorizer.iam() or drop the accounts and principals from resourcePolicy`);
  }

  private reserveVariableSegments(prop: string, key: ParsedRouteKey): void {
    key.segments.forEach((segment, index) => {
      if (!isVariableSegment(segment)) {
        return;
      }
      const parent = '/' + key.segments.slice(0, index).join('/');
      const existing = this.variableSegments.get(parent) ?? segment;
      check(existing === segment, this, 'ConflictingPathVariables', () =>
        `${prop} uses '${segment}' under '${parent}', where another route uses '${existing}'; API Gateway allows one path variable per level, so use the same name`);
      this.variableSegments.set(parent, segment);
    });
  }

  private integrationFor(options: RestRouteOptions): apigateway.Integration {
    if (options.integration) {
      return options.integration;
    }
    const handler = options.handler!;
    let integration = this.integrations.get(handler);
    if (!integration) {
      this.permissions.forEach((permissions) => permissions.grant(handler));
      integration = new apigateway.AwsIntegration({
        proxy: true,
        service: 'lambda',
        path: `2015-03-31/functions/${handler.functionArn}/invocations`,
      });
      this.integrations.set(handler, integration);
    }
    return integration;
  }

  private bindAuthorizer(authorizer: RestAuthorizer): BoundRestAuthorizer {
    let bound = this.boundAuthorizers.get(authorizer);
    if (!bound) {
      const id = authorizer === this.defaultAuthorizerOption ? 'DefaultAuthorizer' : `${authorizer._identity}Authorizer`;
      check(!this.boundAuthorizerIds.has(id), this, 'DuplicateAuthorizer', () =>
        `two different RestAuthorizer objects share the identity '${authorizer._identity}' (the same kind and function or user pool); create the authorizer once and pass the same object to each route`);
      this.boundAuthorizerIds.add(id);
      bound = authorizer._bind(this, this.restApi, id);
      this.boundAuthorizers.set(authorizer, bound);
    }
    return bound;
  }

  private renderMethodSettings(): apigateway.CfnStage.MethodSettingProperty[] {
    const setting = (resourcePath: string, httpMethod: string, throttle: ThrottleSettings) => ({
      resourcePath,
      httpMethod,
      loggingLevel: this.loggingLevel,
      dataTraceEnabled: false,
      metricsEnabled: true,
      throttlingRateLimit: throttle.rateLimit ?? this.stageThrottle.rateLimit,
      throttlingBurstLimit: throttle.burstLimit ?? this.stageThrottle.burstLimit,
      ...(this.cacheEncrypted ? { cachingEnabled: true, cacheDataEncrypted: true, cacheTtlInSeconds: HARDENED_CACHE.ttlInSeconds } : {}),
    });
    return [
      setting('/*', '*', this.stageThrottle),
      ...[...this.routeThrottles.values()].map(({ key, throttle }) =>
        setting(key.path === '/' ? '/' : '/' + key.path.replace(/\//g, '~1'), key.method === 'ANY' ? '*' : key.method, throttle)),
    ];
  }

  private dependOnAccountCloudWatchRole(explicit: ApiGatewayCloudWatchRole | undefined): void {
    const api = this;
    // Resolved at synth so that the role may be declared after the API, in any stack of the app.
    Aspects.of(this).add({
      visit(node: IConstruct) {
        if (node !== api) {
          return;
        }
        const role = explicit ?? ApiGatewayCloudWatchRole.find(api);
        if (role) {
          api.stage.node.addDependency(role);
        } else {
          Annotations.of(api).addWarningV2('@gatewaykit/no-cloudwatch-role',
            'No ApiGatewayCloudWatchRole in this app for the stack\'s region: the stage\'s execution logging works only if the account\'s API Gateway CloudWatch role is already set. Add `new ApiGatewayCloudWatchRole(stack, \'CloudWatchRole\')` once per app, or acknowledge this warning if the account is configured elsewhere.');
        }
      },
    }, { priority: AspectPriority.MUTATING });
  }
}
