import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { CorsOptions } from '../../common/cors';

/** The preflight configuration aws-cdk-lib's RestApi builds its OPTIONS methods from. */
export function preflightOptions(cors: CorsOptions, allowHeaders: string[]): apigateway.CorsOptions {
  return {
    allowOrigins: cors.allowOrigins,
    allowHeaders,
    allowMethods: cors.allowMethods ?? apigateway.Cors.ALL_METHODS,
    allowCredentials: cors.allowCredentials,
    maxAge: cors.maxAge,
    exposeHeaders: cors.exposeHeaders,
    statusCode: 204,
  };
}

/**
 * Adds the CORS headers to every 4XX and 5XX response API Gateway produces itself (authorizer 401/403,
 * throttling 429, integration 502/504...). Without them a browser hides the status from the page and
 * reports a CORS error instead.
 */
export function addCorsGatewayResponses(restApi: apigateway.RestApi, cors: CorsOptions): void {
  const headers = corsResponseHeaders(cors);
  restApi.addGatewayResponse('CorsDefault4xx', { type: apigateway.ResponseType.DEFAULT_4XX, responseHeaders: headers });
  restApi.addGatewayResponse('CorsDefault5xx', { type: apigateway.ResponseType.DEFAULT_5XX, responseHeaders: headers });
}

function corsResponseHeaders(cors: CorsOptions): { [header: string]: string } {
  const quote = (value: string) => `'${value}'`;
  // A gateway response has static headers only; with several origins the request's Origin is echoed instead,
  // which exposes nothing but API Gateway's fixed error messages.
  const singleOrigin = cors.allowOrigins.length === 1;
  const headers: { [header: string]: string } = {
    'Access-Control-Allow-Origin': singleOrigin ? quote(cors.allowOrigins[0]) : 'method.request.header.Origin',
  };
  if (!singleOrigin || cors.allowOrigins[0] !== '*') {
    headers.Vary = quote('Origin');
  }
  if (cors.allowCredentials) {
    headers['Access-Control-Allow-Credentials'] = quote('true');
  }
  if (cors.exposeHeaders?.length) {
    headers['Access-Control-Expose-Headers'] = quote(cors.exposeHeaders.join(','));
  }
  return headers;
}
