import { NestedStack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { NestedRestApi } from './nested-rest-api';
import { checkApiQuotas } from '../../private/api-quotas';
import { validateStackResourceCount } from '../../private/resource-limit';
import { parseRouteKey, ParsedRouteKey } from '../../private/route-key';
import { jumpConsistentHash, nestedStackCount, validateRoutesPerNestedStack } from '../../private/route-placement';
import { renderTemplateOncePerSynthesis } from '../../private/synthesis-memo';
import type { SecureLambdaApiProps } from '../secure-lambda-api-props';

/**
 * The default of `routesPerNestedStack` for REST APIs: a route takes a method and often a resource, a CORS preflight
 * method and a model (up to 4 resources), and hashing puts up to about 1.5 times the average in one nested stack.
 */
const DEFAULT_REST_ROUTES_PER_NESTED_STACK = 50;

/** A path with more routes under it than `routesPerNestedStack / UNIT_FRACTION` is split, so units hash evenly. */
const UNIT_FRACTION = 2;

/**
 * Spreads the resources and methods of a REST API over nested stacks once the API has more routes than
 * `routesPerNestedStack`. A route's unit is the subtree of its top-level path (`/items` and everything under it),
 * since the resources of a path are shared by its routes; a subtree with more than half of `routesPerNestedStack`
 * routes is split into the subtrees of its children, its own resource and methods staying in the API's stack, so that
 * units are small enough to spread evenly. Units go to
 * nested stacks by jump consistent hashing of their path, so a route's place depends on its path and the number of
 * nested stacks only, never on the other routes or their order.
 */
export class RestRouteStacks {
  /** Routes under each path prefix (`items`, `items/{id}`), counted over the routes given at construction. */
  private readonly routesUnder = new Map<string, number>();
  private readonly stackCount: number;
  private readonly nestedApis = new Map<number, NestedRestApi>();
  private readonly unitLimit: number;

  constructor(
    private readonly scope: Construct,
    private readonly restApi: apigateway.RestApi,
    props: Pick<SecureLambdaApiProps, 'routes' | 'routesPerNestedStack'>,
    /** Where the nested stacks go as routes first need them. */
    private readonly nestedStacks: NestedStack[],
  ) {
    const routesPerNestedStack = validateRoutesPerNestedStack(scope, props.routesPerNestedStack ?? DEFAULT_REST_ROUTES_PER_NESTED_STACK);
    const initialRoutes = Object.keys(props.routes ?? {}).map((routeKey) => parseRouteKey(scope, `routes['${routeKey}']`, routeKey));
    for (const key of initialRoutes) {
      key.segments.forEach((_, index) => {
        const prefix = key.segments.slice(0, index + 1).join('/');
        this.routesUnder.set(prefix, (this.routesUnder.get(prefix) ?? 0) + 1);
      });
    }
    this.stackCount = nestedStackCount(initialRoutes.length, routesPerNestedStack);
    this.unitLimit = Math.max(1, Math.floor(routesPerNestedStack / UNIT_FRACTION));
    checkApiQuotas(scope, [{
      name: 'Resources per API',
      defaultLimit: 300,
      adjustable: true,
      count: () => scope.node.findAll().filter((c) => c instanceof apigateway.CfnResource).length,
    }]);
  }


  /** The resource for a route's path: in the route's nested stack, or in the API's stack when it has none. */
  public resourceFor(key: ParsedRouteKey): apigateway.IResource {
    const depth = this.unitDepth(key.segments);
    if (depth === undefined) {
      return this.restApi.root.resourceForPath(key.path);
    }
    const basePath = `/${key.segments.slice(0, depth - 1).join('/')}`;
    const unitPath = `${basePath === '/' ? '' : basePath}/${key.segments[depth - 1]}`;
    const nestedApi = this.nestedApi(jumpConsistentHash(unitPath, this.stackCount));
    const base = basePath === '/' ? nestedApi.root : nestedApi.resourceOfParent(basePath, this.restApi.root.resourceForPath(basePath).resourceId);
    const part = key.segments[depth - 1];
    const unit = base.getResource(part) ?? base.addResource(part, { defaultCorsPreflightOptions: this.restApi.root.defaultCorsPreflightOptions });
    return unit.resourceForPath(key.segments.slice(depth).join('/'));
  }

  /**
   * How many segments of the path make its unit: the shortest prefix with at most `unitLimit` routes under it. Undefined (the API's stack) without nested stacks, for the root, and for a path whose own subtree is split.
   */
  private unitDepth(segments: readonly string[]): number | undefined {
    if (this.stackCount === 0) {
      return undefined;
    }
    for (let depth = 1; depth <= segments.length; depth++) {
      if ((this.routesUnder.get(segments.slice(0, depth).join('/')) ?? 0) <= this.unitLimit) {
        return depth;
      }
    }
    return undefined;
  }

  private nestedApi(index: number): NestedRestApi {
    let nestedApi = this.nestedApis.get(index);
    if (!nestedApi) {
      const stack = new NestedStack(this.scope, `Routes${index + 1}`, { description: `Routes of ${this.scope.node.path} (${index + 1} of ${this.stackCount})` });
      validateStackResourceCount(stack);
      renderTemplateOncePerSynthesis(stack);
      this.nestedStacks.push(stack);
      nestedApi = new NestedRestApi(stack, 'Api', this.restApi);
      this.nestedApis.set(index, nestedApi);
    }
    return nestedApi;
  }
}
