import { notFound } from './errors';
import { AppModel, RestApiModel, RestStageModel } from '../model';
import { RestApiHandler } from '../rest/rest-api-handler';

/**
 * The app's REST APIs and the live settings of their stages: an update replaces what the runtime serves from the next
 * request on, as a stage update takes effect in API Gateway without a new deployment.
 */
export class RestApiStates {
  private readonly apis: ReadonlyMap<string, RestApiModel>;
  private readonly stages = new Map<string, Map<string, RestStageModel>>();

  /**
   * @param handlers the runtime's handler of each served REST API, by API id (an API or stage not served is still
   *   reported, and its updates kept)
   */
  constructor(model: AppModel, private readonly handlers: ReadonlyMap<string, RestApiHandler>, private readonly accountId: string) {
    this.apis = new Map(model.restApis.map((api) => [api.apiId, api]));
    for (const api of model.restApis) {
      this.stages.set(api.apiId, new Map(api.stages.map((stage) => [stage.stageName, stage])));
    }
  }

  public list(): RestApiModel[] {
    return [...this.apis.values()];
  }

  public api(restApiId: string): RestApiModel {
    const api = this.apis.get(restApiId);
    if (!api) {
      throw notFound(`Invalid API identifier specified ${this.accountId}:${restApiId}`);
    }
    return api;
  }

  public stagesOf(restApiId: string): RestStageModel[] {
    return [...this.stages.get(this.api(restApiId).apiId)!.values()];
  }

  public stage(restApiId: string, stageName: string): RestStageModel {
    const stage = this.stages.get(this.api(restApiId).apiId)!.get(stageName);
    if (!stage) {
      throw notFound('Invalid Stage identifier specified');
    }
    return stage;
  }

  /** Keeps `stage` as the stage's settings and has the runtime serve it at once. */
  public update(restApiId: string, stage: RestStageModel): void {
    this.stages.get(this.api(restApiId).apiId)!.set(stage.stageName, stage);
    this.handlers.get(restApiId)?.replaceStage(stage);
  }

  public flushAuthorizerCaches(restApiId: string): void {
    this.handlers.get(this.api(restApiId).apiId)?.flushAuthorizerCaches();
  }
}
