import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { Construct } from 'constructs';
import { StageSettings } from './stage-settings';
import { check } from '../../private/errors';

/** Names of the stage variables an integration target such as `https://${stageVariables.host}/items` uses. */
export function stageVariablesReferencedBy(target: unknown): string[] {
  if (typeof target !== 'string') {
    return [];
  }
  return [...target.matchAll(/\$\{stageVariables\.([A-Za-z0-9_]+)\}/g)].map((match) => match[1]);
}

/** An integration target naming a stage variable fails at request time on a stage that does not define it. */
export function checkStageVariablesDefined(scope: Construct, prop: string, method: apigateway.Method, stages: readonly StageSettings[]): void {
  const integration = (method.node.defaultChild as apigateway.CfnMethod).integration as apigateway.CfnMethod.IntegrationProperty | undefined;
  for (const variable of stageVariablesReferencedBy(integration?.uri)) {
    for (const stage of stages) {
      check(variable in stage.variables, scope, 'UndefinedStageVariable', () =>
        `${prop}.integration targets \${stageVariables.${variable}}, which stage '${stage.name}' does not define; add '${variable}' to stages['${stage.name}'].variables`);
    }
  }
}
