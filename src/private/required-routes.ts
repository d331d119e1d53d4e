import { IConstruct } from 'constructs';
import { check } from './errors';
import { show } from './values';

/**
 * Refuses, at synth, an API that ends up without routes: routes can be added with `addRoute()` after construction.
 * aws-cdk-lib refuses a REST API without methods with a message that names no prop, and an HTTP API without routes
 * deploys an API that answers 404 to everything. The error is thrown rather than returned, so that it is the only one.
 * @param given the `routes` prop as given, for the message
 * @param example a route of the API type, e.g. `'GET /items': { handler }`
 */
export function requireRoutes(scope: IConstruct, given: unknown, routeCount: () => number, example: string): void {
  scope.node.addValidation({
    validate: () => {
      check(routeCount() > 0, scope, 'NoRoutes', () =>
        `routes is ${show(given)} and no route was added with addRoute(); expected at least one route, e.g. routes: { ${example} }`);
      return [];
    },
  });
}
