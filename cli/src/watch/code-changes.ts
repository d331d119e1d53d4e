import { AppModel, FunctionModel } from '../model';

/**
 * The functions whose code alone changed between two models of the app, by ARN; undefined when anything else changed
 * (a route, a setting, a function's configuration), which needs the whole app served anew. Inline (`ZipFile`) code
 * is written to a new folder at each load, so those functions always count as changed.
 */
export function codeOnlyChanges(before: AppModel, after: AppModel): Map<string, FunctionModel> | undefined {
  if (withoutCode(before) !== withoutCode(after)) {
    return undefined;
  }
  return new Map([...after.functions].filter(([arn, fn]) => before.functions.get(arn)?.codeDir !== fn.codeDir));
}

/** The model as JSON text, maps as objects, without the functions' code folders. */
function withoutCode(model: AppModel): string {
  return JSON.stringify(model, (key, value: unknown) => {
    if (key === 'codeDir') return undefined;
    return value instanceof Map ? Object.fromEntries(value) : value;
  });
}
