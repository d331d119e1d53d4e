import { Lazy, Names } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as dynamodb from 'aws-cdk-lib/aws-dynamodb';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ConnectionRegistry, connectRouteFunction, createConnectionRegistry, grantManageConnections } from './private/connection-registry';
import { createWebSocketStage, DEFAULT_STAGE_NAME, validateStageProps } from './private/stage';
import { monitorWebSocketApi } from './private/websocket-monitoring';
import { SecureWebSocketApiProps, WebSocketApiRouteOptions } from './secure-websocket-api-props';
import type { BoundWebSocketAuthorizer } from '../authorizers/private/bound-websocket-authorizer';
import { WebSocketApiAuthorizer } from '../authorizers/websocket-authorizer';
import { ApiKeySource } from '../common/api-key-source';
import { ApiMonitoring } from '../common/monitoring-options';
import { dependOnAccountCloudWatchRole } from '../logging/private/cloudwatch-role-dependency';
import { executeApiArn } from '../private/arns';
import { check, GatewayKitValidationError, validationProblem } from '../private/errors';
import { LambdaInvokePermissions } from '../private/lambda-permissions';
import { suppressNagRules } from '../private/nag-suppressions';
import { ROUTE_OPTIONS_OF, SECURE_WEBSOCKET_API } from '../private/prop-schemas';
import { checkConstructProps, checkStruct, declareConstructProps } from '../private/prop-types';
import { validateStackResourceCount } from '../private/resource-limit';
import { RouteThrottleOverrides } from '../private/route-settings';
import { validateThrottle } from '../private/throttle';
import { AcceptConnectionsIntegration, acceptConnectionsResponse, WebSocketLambdaProxyIntegration } from './private/websocket-integrations';
import {
  CONNECT_ROUTE_KEY, DISCONNECT_ROUTE_KEY, parseWebSocketRouteKey, validateRouteSelectionExpression, webSocketRouteId,
} from './private/websocket-route-key';
import { UsageTiers } from '../usage-plans/private/usage-tiers';
import { TierOptions } from '../usage-plans/tier-options';
import { CustomerOptions, UsageCustomer } from '../usage-plans/usage-customer';

const DEFAULT_ROUTE_SELECTION_EXPRESSION = '$request.body.action';
/** The two API key selection expressions API Gateway supports on WebSocket APIs. */
const API_KEY_SELECTION_EXPRESSIONS: Record<ApiKeySource, string> = {
  [ApiKeySource.HEADER]: '$request.header.x-api-key',
  [ApiKeySource.AUTHORIZER]: '$context.authorizer.usageIdentifierKey',
};

/** What validations need to know of a route once it is added. */
interface WebSocketRouteInfo {
  /** As the route options gave it. */
  readonly apiKeyRequired?: boolean;
}

/**
 * A WebSocket API (API Gateway v2) in front of Lambda functions, secure by default: every connection is authorized on
 * `$connect` (IAM unless another authorizer is given) unless `$connect` is declared public, the stage logs every
 * connection and message as JSON and throttles, and each function gets one invoke permission whatever the number of
 * its routes. Optionally keeps a registry of open connections that route functions send to and broadcast over, and
 * meters customers with API keys and usage plans.
 */
export class SecureWebSocketApi extends Construct {
  /** The WebSocket API. */
  public readonly webSocketApi: apigatewayv2.WebSocketApi;
  /** The API's stage, deployed automatically on every change. */
  public readonly stage: apigatewayv2.WebSocketStage;
  /** The log group receiving the JSON access logs of `stage`. */
  public readonly accessLogGroup: logs.LogGroup;
  /** The dashboard and alarms of `monitoring`. */
  public readonly monitoring?: ApiMonitoring;
  /** The URL clients connect to, e.g. `wss://abc123.execute-api.eu-west-1.amazonaws.com/prod`. */
  public readonly url: string;
  /**
   * The management (`@connections`) endpoint backends send to connections through, e.g.
   * `https://abc123.execute-api.eu-west-1.amazonaws.com/prod`.
   */
  public readonly callbackUrl: string;
  /** The table of open connections, with `connectionRegistry`. */
  public readonly connectionTable?: dynamodb.Table;
  /** The bundled `$connect` handler that registers connections, with `connectionRegistry`. */
  public readonly connectFunction?: lambda.IFunction;
  /** The bundled `$disconnect` handler that forgets connections, with `connectionRegistry`. */
  public readonly disconnectFunction?: lambda.IFunction;
  /** The function of the `$connect` authorizer: the Lambda authorizer's, or the bundled JWT authorizer. */
  public readonly authorizerFunction?: lambda.IFunction;
  /** The usage plan of each tier, by tier name. */
  public readonly usagePlans: { [tierName: string]: apigateway.UsagePlan };
  /** Every customer added, by customer id. */
  public readonly customers: { [customerId: string]: UsageCustomer };

  private readonly registry?: ConnectionRegistry;
  private readonly connectAuthorizer?: BoundWebSocketAuthorizer;
  private readonly routes = new Map<string, WebSocketRouteInfo>();
  private readonly routeThrottles = new RouteThrottleOverrides();
  private readonly integrations = new Map<lambda.IFunction, WebSocketLambdaProxyIntegration>();
  private readonly registryRouteFunctions = new Set<lambda.IFunction>();
  private readonly permissions: LambdaInvokePermissions;
  private readonly tiers: UsageTiers;
  private readonly apiKeySource: ApiKeySource;

  constructor(scope: Construct, id: string, props: SecureWebSocketApiProps = {}) {
    super(scope, id);
    checkConstructProps(this, new.target, props);
    const routeSelectionExpression = props.routeSelectionExpression ?? DEFAULT_ROUTE_SELECTION_EXPRESSION;
    validateRouteSelectionExpression(this, 'routeSelectionExpression', routeSelectionExpression);
    const stageName = props.stageName ?? DEFAULT_STAGE_NAME;
    validateStageProps(this, stageName, props);

    this.accessLogGroup = new logs.LogGroup(this, 'AccessLogs', { retention: props.accessLogRetention ?? logs.RetentionDays.ONE_YEAR });
    this.webSocketApi = new apigatewayv2.WebSocketApi(this, 'Api', { apiName: props.apiName ?? id, description: props.description, routeSelectionExpression });
    this.node.defaultChild = this.webSocketApi;
    this.stage = createWebSocketStage(this, this.webSocketApi, stageName, props, this.accessLogGroup, this.routeThrottles);
    this.url = this.stage.url;
    this.callbackUrl = this.stage.callbackUrl;
    this.permissions = new LambdaInvokePermissions(this, 'InvokePermission', this.executeApiArn('*'));

    this.registry = props.connectionRegistry && createConnectionRegistry(this, props.connectionRegistry);
    this.connectionTable = this.registry?.table;
    this.connectFunction = this.registry?.connectFunction;
    this.disconnectFunction = this.registry?.disconnectFunction;

    this.apiKeySource = props.apiKeySource ?? ApiKeySource.HEADER;
    this.tiers = this.createUsageTiers();
    this.usagePlans = this.tiers.usagePlans;
    this.customers = this.tiers.customersById;
    this.selectApiKeysOnceMetered();

    const routes = props.routes ?? {};
    this.connectAuthorizer = this.bindConnectAuthorizer(routes[CONNECT_ROUTE_KEY] ?? {}, props.authorizer);
    this.authorizerFunction = this.connectAuthorizer?.function;
    this.addRoutes(routes);
    this.addTiersAndCustomers(props);
    this.addValidations(props);
    this.monitoring = props.monitoring && monitorWebSocketApi(new Construct(this, 'Monitoring'), this.webSocketApi, this.stage, props.monitoring,
      this.accessLogGroup, this.connectAuthorizer);
  }

  /** The key encrypting generated API key values, once a customer has a generated key. */
  public get apiKeyEncryptionKey(): kms.IKey | undefined {
    return this.tiers.keyEncryptionKey;
  }

  /**
   * Adds a route: `$disconnect`, `$default`, or a custom key such as `sendMessage`. `$connect` exists from the start
   * (it carries the authorizer); give its options in the `routes` prop.
   * @returns the route created
   */
  public addRoute(routeKey: string, options: WebSocketApiRouteOptions): apigatewayv2.WebSocketRoute {
    const prop = `routes['${routeKey}']`;
    checkStruct(this, prop, options, ROUTE_OPTIONS_OF.WebSocket, true);
    const key = parseWebSocketRouteKey(this, prop, routeKey);
    check(!this.routes.has(key), this, 'DuplicateRoute', () => key === CONNECT_ROUTE_KEY
      ? `${prop}: the API already has its $connect route, created with the API because it carries the authorizer; give $connect's handler and options in the routes prop`
      : `${prop}: the route '${key}' is declared twice; each route key can have one route`);
    this.validateRoute(prop, key, options);
    const id = webSocketRouteId(key);
    check(this.node.tryFindChild(id) === undefined, this, 'ConstructIdClash', () =>
      `${prop} would create the construct '${id}', but ${this.node.path} already has a child with that id; rename the route`);

    const isConnect = key === CONNECT_ROUTE_KEY;
    const integration = this.integrationFor(prop, key, options);
    const route = new apigatewayv2.WebSocketRoute(this, id, {
      webSocketApi: this.webSocketApi,
      routeKey: key,
      integration,
      authorizer: isConnect ? this.connectAuthorizer?.routeAuthorizer : undefined,
      returnResponse: options.returnResponse,
    });
    const cfnRoute = route.node.defaultChild as apigatewayv2.CfnRoute;
    cfnRoute.apiKeyRequired = Lazy.any({
      produce: () => this.apiKeyRequired(key, options.apiKeyRequired) || undefined,
    });
    if (integration instanceof AcceptConnectionsIntegration) {
      acceptConnectionsResponse(this, 'ConnectAcceptResponse', this.webSocketApi, integration);
    }
    if (!isConnect) {
      suppressNagRules(cfnRoute, [{
        id: 'AwsSolutions-APIG4',
        reason: `WebSocket APIs authorize a connection once, on its $connect route, and API Gateway refuses an authorizer on any other route: messages to '${key}' arrive on a connection that $connect already authorized.`,
      }]);
    } else if (!this.connectAuthorizer) {
      suppressNagRules(cfnRoute, [{
        id: 'AwsSolutions-APIG4',
        reason: 'The API owner declared \'$connect\' public explicitly (isPublic: true), so connections are accepted without authorization; $connect is authorized unless this is set.',
      }]);
    }
    this.routeThrottles.add(this.stage, route, key, options.throttle);
    this.routes.set(key, { apiKeyRequired: options.apiKeyRequired });
    return route;
  }

  /**
   * Adds a tier of service (a usage plan covering the stage).
   * @returns the usage plan created
   */
  public addTier(name: string, options: TierOptions): apigateway.UsagePlan {
    return this.tiers.addTier(name, options);
  }

  /**
   * Adds a customer: an API key bound to one tier. Construct ids depend on the customer id alone, so adding or
   * removing a customer never replaces another customer's key.
   * @returns the customer, whose `grantRead` lets a portal or operator read the key value
   */
  public addCustomer(customerId: string, options: CustomerOptions): UsageCustomer {
    return this.tiers.addCustomer(customerId, options);
  }

  /**
   * Lets `grantee` open connections when `$connect` is IAM-authorized (the default): `execute-api:Invoke` on the
   * stage's `$connect` route. Clients sign the WebSocket handshake with SigV4.
   */
  public grantConnect(grantee: iam.IGrantable): iam.Grant {
    check(this.connectAuthorizer?.authorizationType === 'AWS_IAM', this, 'GrantOnNonIamConnect', () =>
      `grantConnect: $connect is authorized by ${this.connectAuthorizer?.description ?? 'nothing (it is isPublic: true)'}, not IAM, so an IAM grant has no effect on it; authorize $connect with WebSocketApiAuthorizer.iam()`);
    return iam.Grant.addToPrincipal({ grantee, actions: ['execute-api:Invoke'], resourceArns: [this.executeApiArn(CONNECT_ROUTE_KEY)] });
  }

  /**
   * Lets `grantee` use the management endpoint (`callbackUrl`) on this stage's connections: send to them (POST), read
   * their details (GET) and close them (DELETE). With `connectionRegistry`, route functions can already send and
   * close.
   */
  public grantManageConnections(grantee: iam.IGrantable): iam.Grant {
    return grantManageConnections(grantee, [this.executeApiArn('*/@connections/*')]);
  }

  /** Connection requests sent to the `$connect` integration (sum per period), from API Gateway's metrics. */
  public metricConnectCount(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('ConnectCount', { statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** Messages sent to the API, from or to clients (sum per period), from API Gateway's metrics. */
  public metricMessageCount(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('MessageCount', { statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** Requests API Gateway answered 4XX before invoking an integration (sum per period), from its metrics. */
  public metricClientErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('ClientError', { statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** Requests whose integration answered 4XX or 5XX (sum per period), from API Gateway's metrics. */
  public metricIntegrationErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('IntegrationError', { statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** Errors calling an integration (sum per period), from API Gateway's metrics. */
  public metricExecutionErrors(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('ExecutionError', { statistic: cloudwatch.Stats.SUM, ...options });
  }

  /** Time from sending a request to an integration to its response, in milliseconds (average per period). */
  public metricIntegrationLatency(options: cloudwatch.MetricOptions = {}): cloudwatch.Metric {
    return this.stage.metric('IntegrationLatency', { statistic: cloudwatch.Stats.AVERAGE, ...options });
  }

  /** Whether the API has tiers, and so API keys. */
  private get metered(): boolean {
    return this.tiers.metered;
  }

  /** Tiers and customers of the stage, with usage plans that throttle per API only (WebSocket routes have no method path). */
  private createUsageTiers(): UsageTiers {
    return new UsageTiers({
      scope: this,
      apiStages: () => ({ apiId: this.webSocketApi.apiId, stageNames: [this.stage.stageName] }),
      methodPathOf: () => undefined,
      normalizeRouteKey: (prop, routeKey) => {
        throw new GatewayKitValidationError('RouteThrottlesUnsupported',
          `${prop} throttles one route in the tier's usage plan, but usage plans throttle per REST resource and method only; on a WebSocket API, throttle the route for every client with routes['${routeKey}'].throttle, and each customer across the API with the tier's throttle and quota`, this);
      },
      knownRouteKeys: () => [...this.routes.keys()],
      propPrefix: 'tiers',
      planDependencies: [this.stage],
    });
  }

  /** Once the API has tiers, API Gateway reads each connection's API key from `apiKeySource`. */
  private selectApiKeysOnceMetered(): void {
    (this.webSocketApi.node.defaultChild as apigatewayv2.CfnApi).apiKeySelectionExpression = Lazy.string({
      produce: () => (this.metered ? API_KEY_SELECTION_EXPRESSIONS[this.apiKeySource] : undefined),
    });
  }

  /** `$connect` first, since it carries the authorizer; `$disconnect` is added for the registry when not given. */
  private addRoutes(routes: { [routeKey: string]: WebSocketApiRouteOptions }): void {
    this.addRoute(CONNECT_ROUTE_KEY, routes[CONNECT_ROUTE_KEY] ?? {});
    for (const [routeKey, options] of Object.entries(routes)) {
      if (routeKey !== CONNECT_ROUTE_KEY) {
        this.addRoute(routeKey, options);
      }
    }
    if (this.registry && routes[DISCONNECT_ROUTE_KEY] === undefined) {
      this.addRoute(DISCONNECT_ROUTE_KEY, {});
    }
  }

  private addTiersAndCustomers(props: SecureWebSocketApiProps): void {
    for (const [name, options] of Object.entries(props.tiers ?? {})) {
      this.addTier(name, options);
    }
    for (const [customerId, options] of Object.entries(props.customers ?? {})) {
      this.addCustomer(customerId, options);
    }
  }

  /** What can only be checked once the app is complete, and what the account and the stack must allow. */
  private addValidations(props: SecureWebSocketApiProps): void {
    this.node.addValidation({ validate: () => this.apiKeyProblems() });
    dependOnAccountCloudWatchRole(this, () => [this.stage], props.cloudWatchRole);
    validateStackResourceCount(this);
  }

  /** `arn:…:execute-api:{region}:{account}:{apiId}/{stage}/{path}`. */
  private executeApiArn(path: string): string {
    return executeApiArn(this, this.webSocketApi.apiId, `${this.stage.stageName}/${path}`);
  }

  /** The authorizer of `$connect`; undefined when `$connect` is public. */
  private bindConnectAuthorizer(
    options: WebSocketApiRouteOptions, apiAuthorizer: WebSocketApiAuthorizer | undefined,
  ): BoundWebSocketAuthorizer | undefined {
    const prop = `routes['${CONNECT_ROUTE_KEY}']`;
    // Read before the route is added, to bind its authorizer.
    checkStruct(this, prop, options, ROUTE_OPTIONS_OF.WebSocket, true);
    check(!(options.isPublic && options.authorizer), this, 'PublicRouteWithAuthorizer', () =>
      `${prop} is isPublic: true and also names an authorizer; remove one (a public $connect has no authorization)`);
    check(!(options.isPublic && apiAuthorizer), this, 'PublicRouteWithAuthorizer', () =>
      `${prop} is isPublic: true while the authorizer prop is set, and that authorizer only ever authorizes $connect; remove one of them`);
    if (options.isPublic) {
      return undefined;
    }
    const authorizerProp = options.authorizer ? `${prop}.authorizer` : 'authorizer';
    const authorizer = options.authorizer ?? apiAuthorizer ?? WebSocketApiAuthorizer.iam();
    return authorizer._bind({ scope: this, webSocketApi: this.webSocketApi, id: 'ConnectAuthorizer', prop: authorizerProp });
  }

  private validateRoute(prop: string, key: string, options: WebSocketApiRouteOptions): void {
    const isConnect = key === CONNECT_ROUTE_KEY;
    const isDisconnect = key === DISCONNECT_ROUTE_KEY;
    check(isConnect || (options.authorizer === undefined && !options.isPublic), this, 'AuthorizerOnNonConnectRoute', () =>
      `${prop}.${options.authorizer !== undefined ? 'authorizer' : 'isPublic'} is set, but API Gateway authorizes a WebSocket connection once, on $connect, and refuses an authorizer on any other route: messages to '${key}' arrive on a connection $connect already authorized. Move it to routes['${CONNECT_ROUTE_KEY}'] (or use the API's authorizer prop)`);
    check(!(options.returnResponse && (isConnect || isDisconnect)), this, 'ReturnResponseOnConnectionRoute', () =>
      `${prop}.returnResponse is true, but '${key}' carries no message to answer (${isConnect ? 'the connection is not open yet' : 'the connection is already closed'}); answer from the routes of messages, or send to the connection from another route`);
    const servedByRegistry = this.registry !== undefined && (isConnect || isDisconnect);
    check(!(servedByRegistry && options.handler), this, 'RegistryRouteConflict', () =>
      `${prop}.handler is set, but with connectionRegistry the registry's bundled handler serves '${key}' (it ${isConnect ? 'records each new connection in' : 'deletes each closed connection from'} connectionTable); remove the handler (the route's other options still apply), or remove connectionRegistry to serve '${key}' yourself`);
    check(options.handler !== undefined || isConnect || servedByRegistry, this, 'RouteWithoutHandler', () =>
      `${prop} has no handler; every route but $connect${this.registry ? ' and $disconnect (served by the connection registry)' : ''} needs the Lambda function that serves it`);
    validateThrottle(this, `${prop}.throttle`, options.throttle);
  }

  /**
   * One Lambda proxy integration per function, so that permissions stay one per function; `$connect` without a
   * function accepts connections with a MOCK integration, and the registry's routes run its bundled handlers.
   */
  private integrationFor(prop: string, key: string, options: WebSocketApiRouteOptions): apigatewayv2.WebSocketRouteIntegration {
    const registryHandler = key === CONNECT_ROUTE_KEY ? this.registry?.connectFunction
      : key === DISCONNECT_ROUTE_KEY ? this.registry?.disconnectFunction : undefined;
    const handler = options.handler ?? registryHandler;
    if (!handler) {
      return new AcceptConnectionsIntegration('ConnectAcceptIntegration', this);
    }
    if (options.handler && this.registry && !this.registryRouteFunctions.has(handler)) {
      connectRouteFunction(this, prop, handler, this.registry, {
        endpoint: this.callbackUrl,
        connectionArns: ['POST', 'DELETE'].map((method) => this.executeApiArn(`${method}/@connections/*`)),
      });
      this.registryRouteFunctions.add(handler);
    }
    let integration = this.integrations.get(handler);
    if (!integration) {
      this.permissions.grant(handler);
      integration = new WebSocketLambdaProxyIntegration(`Integration-${Names.nodeUniqueId(handler.node)}`, this, handler);
      this.integrations.set(handler, integration);
    }
    return integration;
  }

  /** Rendered at synth, because tiers can be added after the routes. */
  private apiKeyRequired(key: string, given: boolean | undefined): boolean {
    return given ?? (this.metered && key !== DISCONNECT_ROUTE_KEY);
  }

  private apiKeyProblems(): string[] {
    if (!this.metered) {
      return this.tiers.routesKeyedWithoutTiers([...this.routes.entries()].map(([key, route]) => ({
        key, apiKeyRequired: route.apiKeyRequired === true, explicit: true,
      })));
    }
    const keyed = [...this.routes.keys()].some((key) => this.apiKeyRequired(key, this.routes.get(key)!.apiKeyRequired));
    if (keyed && this.apiKeySource === ApiKeySource.AUTHORIZER && !this.connectAuthorizer?.providesUsageIdentifierKey) {
      return [validationProblem('UsageIdentifierUnavailable', this, `apiKeySource is AUTHORIZER but $connect is authorized by ${this.connectAuthorizer?.description ?? 'nothing (it is isPublic: true)'}, which cannot return usageIdentifierKey, so no connection would carry an API key; authorize $connect with WebSocketApiAuthorizer.jwt({ usageIdentifierClaim, ... }) or a Lambda authorizer that returns the key, or use ApiKeySource.HEADER`)];
    }
    return [];
  }
}

declareConstructProps(SecureWebSocketApi, () => SECURE_WEBSOCKET_API);
