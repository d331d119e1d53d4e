import { FunctionModel } from '../model';

/** Replaces `${stageVariables.name}` in an integration target with the stage's value (empty when the stage has none). */
export function substituteStageVariables(target: string, stageVariables: Readonly<Record<string, string>>): string {
  return target.includes('${stageVariables.') ? target.replace(/\$\{stageVariables\.([^}]+)\}/g, (_, name: string) => stageVariables[name] ?? '') : target;
}

/**
 * The function an integration names: by its ARN, qualified ARN (`…:function:name:alias`), or bare name, as a stage
 * variable often holds just the name.
 */
export function functionForArn(functions: ReadonlyMap<string, FunctionModel>, arnOrName: string): FunctionModel | undefined {
  const exact = functions.get(arnOrName);
  if (exact) {
    return exact;
  }
  const parts = arnOrName.split(':');
  const unqualified = parts.length > 7 ? parts.slice(0, 7).join(':') : arnOrName;
  return functions.get(unqualified) ?? [...functions.values()].find((fn) => fn.functionName === arnOrName);
}
