import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { IConstruct } from 'constructs';
import { check } from '../../private/errors';
import { StageCanary } from '../stage-canary';

/** The stages of a REST API by name, and the one a method uses unless told otherwise. */
export interface ApiStages {
  readonly stages: { readonly [stageName: string]: apigateway.Stage };
  readonly canaries: { readonly [stageName: string]: StageCanary };
  readonly primaryStageName: string;
}

/** The stage `stageName` (default: the primary one) that `method` asks for; a synth error naming the stages otherwise. */
export function stageNamed(api: IConstruct, of: ApiStages, method: string, stageName: string | undefined): apigateway.Stage {
  const stage = of.stages[stageName ?? of.primaryStageName];
  check(stage !== undefined, api, 'UnknownStage', () =>
    `${method}: stageName '${stageName}' is not a stage of this API; stages are ${Object.keys(of.stages).join(', ')}`);
  return stage;
}

/** The canary of stage `stageName` that `method` asks for; a synth error naming the stages that have one otherwise. */
export function canaryOf(api: IConstruct, of: ApiStages, method: string, stageName: string): StageCanary {
  stageNamed(api, of, method, stageName);
  const canary = of.canaries[stageName];
  check(canary !== undefined, api, 'NoCanary', () =>
    `${method}('${stageName}'): stage '${stageName}' has no canary; add stages['${stageName}'].canary first${Object.keys(of.canaries).length ? ` (stages with a canary: ${Object.keys(of.canaries).join(', ')})` : ''}`);
  return canary;
}
