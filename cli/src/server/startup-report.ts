import { isServedSubtype } from '../http/service-actions';
import { AppModel } from '../model';

/** What the startup report lists for one served API. */
export interface ReportedApi {
  readonly kind: 'REST' | 'HTTP' | 'WS';
  readonly path: string;
  readonly stages: readonly { readonly stageName: string; readonly url: string }[];
}

/**
 * The lines printed at startup: one per API and stage with its URL, the API keys (marking the ones made up locally),
 * the token issuers, the IAM note, and everything the runtime does not serve, each with why.
 */
export function startupReport(
  assemblyDir: string, model: AppModel, apis: readonly ReportedApi[], startupMs: number,
  runtime: { readonly hasCredentials: boolean; readonly awsEndpoint?: string },
): string[] {
  const lines = [`gatewaykit: serving ${apis.length} API${apis.length === 1 ? '' : 's'} from ${assemblyDir} (ready in ${Math.round(startupMs)} ms)`];
  for (const api of apis) {
    for (const stage of api.stages) {
      lines.push(`  ${api.kind.padEnd(4)}  ${stage.url.padEnd(32)}  ${api.path} (stage ${stage.stageName})`);
    }
  }
  const keys = model.usagePlans.flatMap((plan) => plan.apiKeys.map((key) => ({ plan, key })));
  if (keys.length > 0) {
    lines.push('API keys (x-api-key):');
    for (const { plan, key } of keys) {
      lines.push(`  ${key.value}  ${key.origin.path} in ${plan.name}${key.generatedValue ? ' (value made up locally: the template leaves it to API Gateway or a secret)' : ''}${key.enabled ? '' : ' (disabled)'}`);
    }
  }
  if (model.userPools.length > 0 || model.httpApis.some((api) => [...api.authorizers.values()].some((a) => a.type === 'JWT'))) {
    lines.push('Tokens: the local issuer signs them for every user pool and JWT issuer of the app: gatewaykit token --help');
  }
  const iamRoutes = model.restApis.some((api) => api.resources.some((r) => [...r.methods.values()].some((m) => m.authorizationType === 'AWS_IAM')))
    || model.httpApis.some((api) => api.routes.some((r) => r.authorizationType === 'AWS_IAM'));
  if (iamRoutes && !runtime.hasCredentials) {
    lines.push('IAM-authorized routes answer 403 to every request: pass --credentials ACCESS_KEY_ID:SECRET to accept requests signed with them');
  }
  const serviceRoutes = awsServiceRoutes(model);
  if (serviceRoutes.length > 0) {
    lines.push(runtime.awsEndpoint
      ? `AWS service integrations are signed and sent to ${runtime.awsEndpoint}:`
      : 'AWS service integrations answer 500 until gatewaykit runs with --aws-endpoint URL (e.g. a local emulator); these routes need it:');
    serviceRoutes.forEach((route) => lines.push(`  ${route}`));
  }
  if (model.unsupported.length > 0) {
    lines.push('Not served:');
    for (const item of model.unsupported) {
      lines.push(`  ${item.path} (${item.type}): ${item.reason}${item.routes ? ` [${routeList(item.routes)}]` : ''}`);
    }
  }
  return lines;
}

/** The routes a not-served item affects, the first few by name: an API-wide item of a large API would fill a screen. */
function routeList(routes: readonly string[]): string {
  const shown = routes.slice(0, ROUTES_SHOWN).join(', ');
  return routes.length > ROUTES_SHOWN ? `routes: ${shown} and ${routes.length - ROUTES_SHOWN} more` : `route${routes.length === 1 ? '' : 's'}: ${shown}`;
}

const ROUTES_SHOWN = 6;

/** `Api/Method GET /path -> sqs action/SendMessage` for every AWS service integration of the app. */
function awsServiceRoutes(model: AppModel): string[] {
  const rest = model.restApis.flatMap((api) => api.resources.flatMap((resource) => [...resource.methods.values()].flatMap((method) => {
    const integration = method.integration;
    return integration.type === 'AWS' && integration.functionArn === undefined
      ? [`${api.origin.path} ${method.httpMethod} ${resource.path} -> ${integration.service} ${integration.apiType}/${integration.apiValue}`]
      : [];
  })));
  const http = model.httpApis.flatMap((api) => api.routes.flatMap((route) => (route.integration.type === 'AWS_PROXY' && route.integration.subtype !== undefined
    ? [`${api.origin.path} ${route.routeKey} -> ${route.integration.subtype}${isServedSubtype(route.integration.subtype) ? '' : ' (this subtype is not served: 500)'}`]
    : [])));
  return [...rest, ...http];
}
