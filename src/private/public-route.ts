import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';

/** The authorization options every route type shares. */
export interface RouteAuthorizationOptions {
  readonly isPublic?: boolean;
  readonly authorizer?: unknown;
  readonly authorizationScopes?: string[];
}

/** An OAuth scope-token (RFC 6749 section 3.3): printable ASCII without spaces, quotes or backslashes. */
const SCOPE = /^[\x21\x23-\x5B\x5D-\x7E]+$/;

/**
 * A public route has no authorization: naming an authorizer or scopes on it is a contradiction, not a default. Scopes
 * are checked here too, for the routes of every API type that has them.
 */
export function checkPublicRoute(scope: IConstruct, prop: string, options: RouteAuthorizationOptions): void {
  (options.authorizationScopes ?? []).forEach((name, index) => {
    check(Token.isUnresolved(name) || SCOPE.test(name), scope, 'InvalidScope', () =>
      `${prop}.authorizationScopes[${index}] is '${name}'; expected an OAuth scope, printable characters without spaces, e.g. 'items/read'`);
  });
  check(!(options.isPublic && options.authorizer), scope, 'PublicRouteWithAuthorizer', () =>
    `${prop} is isPublic: true and also names an authorizer; remove one (a public route has no authorization)`);
  check(!(options.isPublic && options.authorizationScopes?.length), scope, 'PublicRouteWithScopes', () =>
    `${prop} is isPublic: true and also has authorizationScopes ${JSON.stringify(options.authorizationScopes)}; remove one`);
}
