import { ParsedRouteKey } from '../../private/route-key';

/** What subclasses and validations need to know of a REST route once it is added. */
export interface RestRouteInfo {
  readonly key: ParsedRouteKey;
  readonly authorizationType: string;
  readonly apiKeyRequired: boolean;
  /** Whether the route's options set `apiKeyRequired`, rather than the API's default. */
  readonly apiKeyRequiredSet: boolean;
  /** Whether the route's authorizer can return `usageIdentifierKey` (API key source AUTHORIZER). */
  readonly authorizerProvidesApiKey: boolean;
}
