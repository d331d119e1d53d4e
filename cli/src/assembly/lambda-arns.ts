/** `arn:aws:lambda:{region}:{account}:function:{name}`, how the model keys functions. */
export function functionArn(region: string, accountId: string, functionName: string): string {
  return `arn:aws:lambda:${region}:${accountId}:function:${functionName}`;
}

/**
 * Whether `arn` names a function that is not one of `functions` (the functions of the cloud assembly, by ARN); an ARN
 * still holding an unresolved `${…}` is not judged.
 */
export function isUnknownFunctionArn(arn: string, functions: ReadonlyMap<string, unknown>): boolean {
  return !arn.includes('${') && !functions.has(arn);
}

/**
 * The function's ARN without an alias or version qualifier (`…:function:name:live` -> `…:function:name`), so that an
 * integration naming an alias or version maps to the function. Other values are returned as they are.
 */
export function unqualifiedFunctionArn(arn: string): string {
  const parts = arn.split(':');
  return parts.length === 8 && parts[2] === 'lambda' && parts[5] === 'function' ? parts.slice(0, 7).join(':') : arn;
}

/**
 * The function ARN in an API Gateway Lambda invocation URI
 * (`arn:aws:apigateway:{region}:lambda:path/2015-03-31/functions/{functionArn}/invocations`), unqualified;
 * undefined when `uri` is not one.
 */
export function functionArnOfInvocationUri(uri: string): string | undefined {
  const match = /^arn:[^:]+:apigateway:[^:]*:lambda:path\/[^/]+\/functions\/(.+)\/invocations$/.exec(uri);
  return match ? unqualifiedFunctionArn(match[1]) : undefined;
}

/** The function an HTTP API integration or authorizer names, by function ARN or invocation URI; undefined for other targets. */
export function functionArnOfTarget(target: string): string | undefined {
  if (/^arn:[^:]+:lambda:/.test(target)) return unqualifiedFunctionArn(target);
  return functionArnOfInvocationUri(target);
}
