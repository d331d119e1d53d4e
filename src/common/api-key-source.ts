/** Where API Gateway reads the API key of a request. */
export enum ApiKeySource {
  /** The `x-api-key` header the client sends. */
  HEADER = 'HEADER',
  /**
   * The `usageIdentifierKey` the route's Lambda authorizer returns, e.g. the bundled JWT authorizer with
   * `usageIdentifierClaim`: tenants are metered by their token and send no key.
   */
  AUTHORIZER = 'AUTHORIZER',
}
