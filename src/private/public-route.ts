import { IConstruct } from 'constructs';
import { check } from './errors';

/** The authorization options every route type shares. */
export interface RouteAuthorizationOptions {
  readonly isPublic?: boolean;
  readonly authorizer?: unknown;
  readonly authorizationScopes?: string[];
}

/** A public route has no authorization: naming an authorizer or scopes on it is a contradiction, not a default. */
export function checkPublicRoute(scope: IConstruct, prop: string, options: RouteAuthorizationOptions): void {
  check(!(options.isPublic && options.authorizer), scope, 'PublicRouteWithAuthorizer', () =>
    `${prop} is isPublic: true and also names an authorizer; remove one (a public route has no authorization)`);
  check(!(options.isPublic && options.authorizationScopes?.length), scope, 'PublicRouteWithScopes', () =>
    `${prop} is isPublic: true and also has authorizationScopes ${JSON.stringify(options.authorizationScopes)}; remove one`);
}
