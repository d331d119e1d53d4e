import { Lazy } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { IConstruct } from 'constructs';
import { ThrottleSettings } from '../common/throttle';

type RouteSettingsProperty = apigatewayv2.CfnStage.RouteSettingsProperty;

/**
 * One entry of the `RouteSettings` map in CloudFormation's own property names: the map is typed JSON, which
 * aws-cdk-lib passes through as it is, so the camelCase names of `CfnStage.RouteSettingsProperty` would not be
 * recognised.
 */
export interface RenderedRouteSettings {
  readonly ThrottlingRateLimit?: RouteSettingsProperty['throttlingRateLimit'];
  readonly ThrottlingBurstLimit?: RouteSettingsProperty['throttlingBurstLimit'];
  readonly DetailedMetricsEnabled?: RouteSettingsProperty['detailedMetricsEnabled'];
  readonly LoggingLevel?: RouteSettingsProperty['loggingLevel'];
  readonly DataTraceEnabled?: RouteSettingsProperty['dataTraceEnabled'];
}

/**
 * The routes of an HTTP or WebSocket stage whose throttle differs from the stage's, kept as routes are added and
 * rendered into the stage's `RouteSettings` at synth, so that routes added with `addRoute()` count: aws-cdk-lib's
 * stage L2s do not expose route settings.
 */
export class RouteThrottleOverrides {
  /** By the route key as API Gateway stores it, e.g. `GET /items/{id}` or `sendMessage`. */
  private readonly throttles = new Map<string, ThrottleSettings>();

  /**
   * Renders the overrides into `stage`. A route's entry replaces the stage's default route settings for that route,
   * so `defaults` are repeated in it.
   */
  public renderInto(stage: apigatewayv2.CfnStage, defaults: RouteSettingsProperty): void {
    stage.routeSettings = Lazy.any({ produce: () => this.render(defaults) });
  }

  /** Gives the route its own throttle, if any; the stage then waits for the route. */
  public add(stage: IConstruct, route: IConstruct, routeKey: string, throttle: ThrottleSettings | undefined): void {
    if (throttle) {
      this.throttles.set(routeKey, throttle);
      // API Gateway refuses route settings for a route that does not exist yet.
      stage.node.addDependency(route);
    }
  }

  private render(defaults: RouteSettingsProperty): { [routeKey: string]: RenderedRouteSettings } | undefined {
    const settings: { [routeKey: string]: RenderedRouteSettings } = {};
    for (const [routeKey, throttle] of this.throttles) {
      settings[routeKey] = {
        DataTraceEnabled: defaults.dataTraceEnabled,
        DetailedMetricsEnabled: defaults.detailedMetricsEnabled,
        LoggingLevel: defaults.loggingLevel,
        ThrottlingRateLimit: throttle.rateLimit ?? defaults.throttlingRateLimit,
        ThrottlingBurstLimit: throttle.burstLimit ?? defaults.throttlingBurstLimit,
      };
    }
    return Object.keys(settings).length ? settings : undefined;
  }
}
