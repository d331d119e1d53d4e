import { performance } from 'node:perf_hooks';
import { ApiRequestHandler, HttpListener, SizeRefusals } from './http-listener';
import { InFlight } from './in-flight';
import type { KeptListener, ListenerSet } from './listener-set';
import { formatRequestLine } from './request-log';
import type { ServedApiPlan } from './served-apis';
import { Clock } from '../clock';

/** What a REST or HTTP API's listener answers with: the pipeline of the app serving it. */
export interface HttpServing {
  readonly handle: ApiRequestHandler;
  readonly refusals: SizeRefusals;
  readonly clock: Clock;
  readonly onInternalError: (error: unknown) => void;
  /** The work under way on the app's functions, which end only after it. */
  readonly inFlight: InFlight;
}

/** The serving of one REST or HTTP API: its pipeline, with a request line per request in `requestLog`. */
export function httpServing(
  plan: ServedApiPlan, clock: Clock, inFlight: InFlight, requestLog: ((line: string) => void) | undefined, log: (line: string) => void,
): HttpServing {
  const name = plan.model.origin.path;
  return {
    handle: async (request) => {
      const started = performance.now();
      const { response, log: details } = await plan.handler.handle(request);
      requestLog?.(formatRequestLine(name, request.method, request.rawPath, response.status, Math.round(performance.now() - started), details));
      return response;
    },
    refusals: plan.handler,
    clock,
    onInternalError: (error) => log(`gatewaykit: internal error serving ${name}: ${error instanceof Error ? error.stack : String(error)}`),
    inFlight,
  };
}

/**
 * An {@link HttpListener} whose pipeline can be replaced: a request is answered by the serving it arrived at, to the
 * end, and the next one by whatever serves then.
 */
function keptHttpListener(serving: HttpServing): KeptListener<HttpServing> {
  let current = serving;
  const listener = new HttpListener(
    (request) => {
      const answering = current;
      return answering.inFlight.trackResponse(answering.handle(request));
    },
    { bodyTooLarge: (request) => current.refusals.bodyTooLarge(request), headTooLarge: (request) => current.refusals.headTooLarge(request) },
    { now: () => current.clock.now() },
    (error) => current.onInternalError(error),
  );
  return {
    listen: (port, host) => listener.listen(port, host),
    serve: (next) => {
      current = next;
    },
    close: (drain) => listener.close(drain),
  };
}

/** Serves a REST or HTTP API on its listener in `listeners` (kept from the last app, else new on `port`); resolves to the port. */
export async function listenForApi(listeners: ListenerSet, plan: ServedApiPlan, serving: HttpServing, port: number, host: string): Promise<number> {
  const listening = await listeners.listen(`${plan.kind} ${plan.model.origin.path}`, serving, serving.inFlight, keptHttpListener, port, host);
  return listening.port;
}
