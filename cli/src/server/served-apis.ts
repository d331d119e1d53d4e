import { HttpApiHandler, HttpApiHandlerDeps } from '../http/http-api-handler';
import { AppModel, HttpApiModel, RestApiModel } from '../model';
import { RestApiHandler, RestApiHandlerDeps } from '../rest/rest-api-handler';

/** One API the runtime serves on a port of its own, as each API has a host of its own in AWS. */
export interface ServedApiPlan {
  readonly kind: 'REST' | 'HTTP';
  readonly model: RestApiModel | HttpApiModel;
  /** The stages served, in the template's order. */
  readonly stageNames: readonly string[];
  readonly handler: RestApiHandler | HttpApiHandler;
}

/**
 * Every REST and HTTP API of the app, sorted by construct path so that ports are the same on every run; with
 * `onlyStage`, only APIs having that stage, serving only it.
 */
export function planServedApis(model: AppModel, restDeps: RestApiHandlerDeps, httpDeps: HttpApiHandlerDeps, onlyStage?: string): ServedApiPlan[] {
  const stagesOf = (names: string[]) => (onlyStage === undefined ? names : names.filter((name) => name === onlyStage));
  const rest = model.restApis.map((api): ServedApiPlan => ({
    kind: 'REST',
    model: api,
    stageNames: stagesOf(api.stages.map((s) => s.stageName)),
    handler: new RestApiHandler(onlyStage === undefined ? api : { ...api, stages: api.stages.filter((s) => s.stageName === onlyStage) }, restDeps),
  }));
  const http = model.httpApis.map((api): ServedApiPlan => ({
    kind: 'HTTP',
    model: api,
    stageNames: stagesOf(api.stages.map((s) => s.stageName)),
    handler: new HttpApiHandler(onlyStage === undefined ? api : { ...api, stages: api.stages.filter((s) => s.stageName === onlyStage) }, httpDeps),
  }));
  return [...rest, ...http]
    .filter((plan) => plan.stageNames.length > 0)
    .sort((a, b) => a.model.origin.path.localeCompare(b.model.origin.path));
}

/** The URL of a stage of an API listening on `port`: `$default` at the root, any other stage as the first segment. */
export function stageUrl(host: string, port: number, stageName: string): string {
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return `http://${shownHost}:${port}/${stageName === '$default' ? '' : `${stageName}/`}`;
}
