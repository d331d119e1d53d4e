import { ResourceOrigin, UnsupportedItem } from '../model';
import { AssemblyError, UnresolvedPropertyError } from './errors';

/** What an item affects: routes by their keys, or every route of an API, known once the API is built. */
export type AffectedRoutes = readonly string[] | { readonly apiId: string };

interface PendingItem {
  readonly path: string;
  readonly type: string;
  readonly reason: string;
  readonly routes: string[];
  readonly apiIds: string[];
}

/** Collects what the assembly holds and the runtime does not serve, once per resource, type and reason. */
export class UnsupportedReport {
  private readonly items: PendingItem[] = [];

  /** One line of the startup report; the same resource, type and reason again adds its routes to the first. */
  public add(origin: ResourceOrigin, type: string, reason: string, affects: AffectedRoutes = []): void {
    let item = this.items.find((existing) => existing.path === origin.path && existing.type === type && existing.reason === reason);
    if (!item) {
      item = { path: origin.path, type, reason, routes: [], apiIds: [] };
      this.items.push(item);
    }
    if ('apiId' in affects) {
      item.apiIds.push(affects.apiId);
    } else {
      item.routes.push(...affects.filter((route) => !item!.routes.includes(route)));
    }
  }

  /** Adds routes to every item already reported for the resource: the routes its part of an API serves. */
  public attachRoutes(origin: ResourceOrigin, routes: readonly string[]): void {
    for (const item of this.items.filter((existing) => existing.path === origin.path)) {
      item.routes.push(...routes.filter((route) => !item.routes.includes(route)));
    }
  }

  /**
   * Builds one resource's part of the model. A value cdk synth leaves to deploy time, or anything else that keeps the
   * resource from being read, makes it a line of the report rather than a failure of the whole app.
   * @param what how the line names the resource, e.g. "the REST API shop"
   */
  public serveOrReport<T>(origin: ResourceOrigin, type: string, what: string, build: () => T, affects?: AffectedRoutes): T | undefined {
    try {
      return build();
    } catch (error) {
      if (!(error instanceof AssemblyError)) throw error;
      const reason = error instanceof UnresolvedPropertyError
        ? `${what} is not served: ${error.logicalId === origin.logicalId ? `its property ${error.property}` : `the ${error.subject} it reads`} `
          + `cannot be resolved locally (${error.problem}), as happens to values known only at deploy time`
        : `${what} is not served: ${error.message}`;
      this.add(origin, type, reason, affects);
      return undefined;
    }
  }

  /** The items, each API-wide one with the routes of its API. */
  public list(routesOfApi: (apiId: string) => readonly string[] = () => []): readonly UnsupportedItem[] {
    return this.items.map(({ path, type, reason, routes, apiIds }) => {
      const all = [...routes, ...apiIds.flatMap((apiId) => routesOfApi(apiId))];
      return all.length > 0 ? { path, type, reason, routes: [...new Set(all)] } : { path, type, reason };
    });
  }
}
