import { Duration } from 'aws-cdk-lib';

/** Cross-origin resource sharing for browser clients. */
export interface CorsOptions {
  /**
   * Origins allowed to call the API, e.g. `['https://app.example.com']`, or `['*']` for any origin.
   */
  readonly allowOrigins: string[];
  /**
   * Request headers a browser may send.
   * @default - `Content-Type`, `X-Amz-Date`, `X-Amz-Security-Token`, `X-Api-Key` and `Authorization`
   */
  readonly allowHeaders?: string[];
  /**
   * Methods a browser may use.
   * @default - every method
   */
  readonly allowMethods?: string[];
  /**
   * Whether browsers may send cookies and credentials; not allowed with origin `*`.
   * @default false
   */
  readonly allowCredentials?: boolean;
  /**
   * How long browsers may cache a preflight response.
   * @default - browsers' default (5 seconds)
   */
  readonly maxAge?: Duration;
  /**
   * Response headers a browser script may read.
   * @default - only the CORS-safelisted response headers
   */
  readonly exposeHeaders?: string[];
}
