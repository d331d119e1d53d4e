import { IConstruct } from 'constructs';
import { ImportedOperation } from './operations';
import { GatewayKitValidationError } from '../../private/errors';
import { closestName } from '../../private/values';

/**
 * Checks that every operation has a handler and every handler an operation, and likewise for the security schemes
 * the operations require and the authorizers given; every mismatch is listed in one error, with the likely intended
 * name.
 * @param implicit whether a scheme needs no authorizer (IAM)
 */
export function checkBindings(
  scope: IConstruct, operations: ImportedOperation[], handlers: object, authorizers: object, implicit: (scheme: Record<string, any>) => boolean,
): void {
  const problems: string[] = [];
  const operationIds = operations.map((operation) => operation.operationId);
  for (const operation of operations) {
    const first = operations.find((other) => other.operationId === operation.operationId)!;
    if (first !== operation) {
      problems.push(`the operations ${first.pointer} and ${operation.pointer} share the operationId '${operation.operationId}'; operation ids are unique`);
    } else if (!Object.hasOwn(handlers, operation.operationId)) {
      problems.push(`the operation '${operation.operationId}' (${operation.method} ${operation.path}, ${operation.pointer}) has no function in openApi.handlers`);
    }
  }
  problems.push(...unknownNames('openApi.handlers', Object.keys(handlers), operationIds, 'operation'));

  const schemes = new Map<string, string>();
  for (const operation of operations) {
    const security = operation.security;
    if (typeof security === 'object' && !implicit(security.definition) && !Object.hasOwn(authorizers, security.scheme) && !schemes.has(security.scheme)) {
      schemes.set(security.scheme, `the security scheme '${security.scheme}' (required at ${security.pointer}) has no authorizer in openApi.authorizers`);
    }
  }
  problems.push(...schemes.values());
  const required = operations.flatMap((operation) => (typeof operation.security === 'object' ? [operation.security.scheme] : []));
  problems.push(...unknownNames('openApi.authorizers', Object.keys(authorizers), required, 'security scheme that an operation requires'));
  if (problems.length > 0) {
    throw new GatewayKitValidationError('OpenApiBindings',
      `openApi does not bind the document's operations and security schemes one to one:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`, scope);
  }
}

function unknownNames(prop: string, given: string[], known: string[], what: string): string[] {
  return given.filter((name) => !known.includes(name)).map((name) => {
    const closest = closestName(name, known);
    return `${prop}['${name}'] names no ${what} of the document${closest ? `; did you mean '${closest}'?` : ''}`;
  });
}
