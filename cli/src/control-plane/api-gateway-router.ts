import { ControlPlaneError, notFound } from './errors';
import { EXPORT_ROUTES } from './export-operations';
import { accessDeniedMessage, FaultPlan } from './faults';
import { KEY_ROUTES } from './key-operations';
import { ApiGatewayState, OperationRequest, OperationResult, RouteDefinition } from './operation';
import { STAGE_ROUTES } from './stage-operations';

const ROUTES: readonly RouteDefinition[] = [...STAGE_ROUTES, ...KEY_ROUTES, ...EXPORT_ROUTES];

/** An API Gateway request as it arrived: method, path, query, headers and the parsed JSON body. */
export interface ApiGatewayCall {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: Readonly<Record<string, unknown>>;
}

/**
 * Answers one call of the API Gateway REST API (restJson1, as the AWS SDK and CLI send it): the operation whose method
 * and path template match, or an error with the status and `x-amzn-ErrorType` API Gateway gives.
 */
export function answerApiGateway(call: ApiGatewayCall, state: ApiGatewayState, faults: FaultPlan): OperationResult & { readonly errorType?: string } {
  try {
    const [route, params] = match(call);
    const fault = faults.get(route.name);
    if (fault === 'AccessDenied') {
      throw new ControlPlaneError(403, 'AccessDeniedException', accessDeniedMessage('apigateway', route.name));
    }
    if (fault === 'Throttling') {
      throw new ControlPlaneError(429, 'TooManyRequestsException', 'Too Many Requests');
    }
    const request: OperationRequest = { params, query: call.query, body: call.body, headers: call.headers };
    return route.operation(state, request);
  } catch (error) {
    if (error instanceof ControlPlaneError) {
      return { status: error.status, errorType: error.type, json: { message: error.message } };
    }
    throw error;
  }
}

function match(call: ApiGatewayCall): [RouteDefinition, Record<string, string>] {
  const found = findRoute(call.method, call.path);
  if (!found) {
    throw notFound(`The local control plane has no operation ${call.method} ${call.path}; it answers ${ROUTES.map((r) => r.name).join(', ')}`);
  }
  return found;
}

/** Whether the local control plane answers this method and path (an operation it has, whatever its outcome). */
export function answersApiGatewayCall(method: string, path: string): boolean {
  return findRoute(method, path) !== undefined;
}

function findRoute(method: string, path: string): [RouteDefinition, Record<string, string>] | undefined {
  const segments = path.split('/').filter((s) => s.length > 0).map((s) => decodeURIComponent(s));
  for (const route of ROUTES) {
    const template = route.path.split('/').filter((s) => s.length > 0);
    if (route.method !== method || template.length !== segments.length) {
      continue;
    }
    const params: Record<string, string> = {};
    const matches = template.every((part, i) => {
      const name = /^\{(.+)\}$/.exec(part)?.[1];
      if (name !== undefined) {
        params[name] = segments[i];
        return true;
      }
      return part === segments[i];
    });
    if (matches) {
      return [route, params];
    }
  }
  return undefined;
}
