import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { CorsOptions } from '../../common/cors';
import { DEFAULT_CORS_HEADERS } from '../../private/cors';

/** The API's native CORS configuration from the options shared with REST APIs. */
export function corsPreflight(cors: CorsOptions): apigatewayv2.CorsPreflightOptions {
  const methods = (cors.allowMethods ?? ['*']).map((method) => method.toUpperCase());
  return {
    allowOrigins: cors.allowOrigins,
    allowHeaders: cors.allowHeaders ?? DEFAULT_CORS_HEADERS,
    allowMethods: methods.includes('*') || methods.includes('ANY')
      ? [apigatewayv2.CorsHttpMethod.ANY]
      : methods.map((method) => method as apigatewayv2.CorsHttpMethod),
    allowCredentials: cors.allowCredentials,
    exposeHeaders: cors.exposeHeaders,
    maxAge: cors.maxAge,
  };
}
