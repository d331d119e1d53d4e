import { NestedStack } from 'aws-cdk-lib';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { Construct } from 'constructs';
import { validateStackResourceCount } from '../../private/resource-limit';
import { jumpConsistentHash, nestedStackCount } from '../../private/route-placement';
import { renderTemplateOncePerSynthesis } from '../../private/synthesis-memo';

/**
 * The default of `routesPerNestedStack` for HTTP APIs: a route is one resource in its nested stack, which takes a
 * parameter per function and authorizer its routes use, within CloudFormation's 200.
 */
export const DEFAULT_HTTP_ROUTES_PER_NESTED_STACK = 100;

/** Where a route's construct goes, and the API it is added to from there. */
export interface HttpRoutePlace {
  readonly scope: Construct;
  readonly httpApi: apigatewayv2.IHttpApi;
}

/**
 * Spreads the routes of an HTTP API over nested stacks once the API has more routes than `routesPerNestedStack`.
 * Routes share no resources, so each route goes to a nested stack by jump consistent hashing of its key: its place
 * depends on the key and the number of nested stacks only, never on the other routes or their order. Integrations and
 * authorizers stay in the API's stack, one per function and authorizer.
 */
export class HttpRouteStacks {
  private readonly stackCount: number;
  private readonly places = new Map<number, HttpRoutePlace>();

  constructor(
    private readonly scope: Construct,
    private readonly httpApi: apigatewayv2.HttpApi,
    initialRouteCount: number,
    routesPerNestedStack: number,
  ) {
    this.stackCount = nestedStackCount(initialRouteCount, routesPerNestedStack);
  }

  /** The nested stacks created so far, in the order of their ids. */
  public get nestedStacks(): NestedStack[] {
    return [...this.places.keys()].sort((a, b) => a - b).map((index) => this.places.get(index)!.scope as NestedStack);
  }

  /** The API's own construct without nested stacks; otherwise the nested stack of the route key. */
  public placeOf(routeKey: string): HttpRoutePlace {
    if (this.stackCount === 0) {
      return { scope: this.scope, httpApi: this.httpApi };
    }
    const index = jumpConsistentHash(routeKey, this.stackCount);
    let place = this.places.get(index);
    if (!place) {
      const stack = new NestedStack(this.scope, `Routes${index + 1}`, { description: `Routes of ${this.scope.node.path} (${index + 1} of ${this.stackCount})` });
      validateStackResourceCount(stack);
      renderTemplateOncePerSynthesis(stack);
      place = { scope: stack, httpApi: apigatewayv2.HttpApi.fromHttpApiAttributes(stack, 'Api', { httpApiId: this.httpApi.apiId }) };
      this.places.set(index, place);
    }
    return place;
  }
}
