import { JwtVerificationOptions } from './jwt-verification-options';

/** Options for a Lambda REQUEST authorizer of a WebSocket API's `$connect` route. */
export interface WebSocketLambdaAuthorizerOptions {
  /**
   * The request values the function needs: `route.request.header.<name>`, `route.request.querystring.<name>`,
   * `stageVariables.<name>` or `context.<variable>`. API Gateway answers 401 without invoking the function when one
   * is missing or empty. An empty list invokes the function for every connection attempt. Browsers cannot set headers
   * on a WebSocket handshake, so browser clients send their credentials in the query string.
   *
   * WebSocket authorizers have no result cache: the function runs once per connection, at `$connect`.
   */
  readonly identitySources: string[];
}

/** Options for the bundled JWT authorizer on a WebSocket API's `$connect` route. */
export interface WebSocketJwtAuthorizerOptions extends JwtVerificationOptions {
  /**
   * The query string parameter carrying the token, as in `wss://…/prod?token=eyJ…`: browsers cannot set headers on
   * a WebSocket handshake. A `Bearer ` prefix is optional. API Gateway refuses a connection without it (401) before
   * invoking the function.
   * @default 'token'
   */
  readonly tokenQueryString?: string;
}
