import { HttpApiModel, RestApiModel } from '../model';

/** The routes of each API by its id, as the startup report names them: `GET /items` (REST), route keys (HTTP). */
export function routesByApi(restApis: readonly RestApiModel[], httpApis: readonly HttpApiModel[]): (apiId: string) => readonly string[] {
  const routes = new Map<string, string[]>();
  for (const api of restApis) {
    routes.set(api.apiId, api.resources.flatMap((resource) => [...resource.methods.keys()].map((method) => `${method} ${resource.path}`)));
  }
  for (const api of httpApis) {
    routes.set(api.apiId, api.routes.map((route) => route.routeKey));
  }
  return (apiId) => routes.get(apiId) ?? [];
}
