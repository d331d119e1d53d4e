/**
 * A REST method's integration, a faithful image of CloudFormation's `AWS::ApiGateway::Method.Integration` (and so of
 * OpenAPI's `x-amazon-apigateway-integration`): `type` is the integration type as written, and the URI is parsed into
 * what the runtime calls (a function, a URL, or an AWS service action or path).
 */
export type RestIntegrationModel =
  | LambdaProxyIntegrationModel
  | LambdaIntegrationModel
  | MockIntegrationModel
  | RestHttpIntegrationModel
  | AwsServiceIntegrationModel
  | UnsupportedIntegrationModel;

/** `PassthroughBehavior`: what a request whose content type has no request template becomes. */
export type PassthroughBehavior = 'WHEN_NO_MATCH' | 'WHEN_NO_TEMPLATES' | 'NEVER';

/** `ContentHandling` of an integration request or response. */
export type ContentHandling = 'CONVERT_TO_BINARY' | 'CONVERT_TO_TEXT';

/** The parts of an integration that map the method request to the integration request and its response back. */
export interface IntegrationMappingModel {
  /**
   * `RequestParameters`: `integration.request.{header|querystring|path}.X` -> `method.request.{header|querystring|
   * path|multivalueheader|multivaluequerystring}.Y`, `'literal'`, `context.x`, `stageVariables.x` or
   * `method.request.body[.JSONPath]`.
   */
  readonly requestParameters: Readonly<Record<string, string>>;
  /** `RequestTemplates`: content type -> VTL template. */
  readonly requestTemplates: Readonly<Record<string, string>>;
  /** `PassthroughBehavior`, default WHEN_NO_MATCH. */
  readonly passthroughBehavior: PassthroughBehavior;
  readonly contentHandling?: ContentHandling;
  /** `IntegrationResponses`, in the template's order. */
  readonly integrationResponses: readonly IntegrationResponseModel[];
  /** `TimeoutInMillis`, default 29,000. */
  readonly timeoutMs: number;
}

export interface LambdaProxyIntegrationModel {
  readonly type: 'AWS_PROXY';
  /**
   * The function's local ARN, taken from the integration URI (`…/functions/{arn}/invocations`). It may still hold
   * stage variables (`${stageVariables.fn}`), which the pipeline substitutes per request.
   */
  readonly functionArn: string;
  /** `TimeoutInMillis`, default 29,000. */
  readonly timeoutMs: number;
  /**
   * `ResponseTransferMode` STREAM, which goes with the `…/response-streaming-invocations` URI: the function's response
   * streams to the client. Undefined for BUFFERED, the default.
   */
  readonly responseTransferMode?: 'STREAM';
}

/** `Type: AWS` with the Lambda invoke URI: a Lambda custom (non-proxy) integration. */
export interface LambdaIntegrationModel extends IntegrationMappingModel {
  readonly type: 'AWS';
  /** As for {@link LambdaProxyIntegrationModel.functionArn}. */
  readonly functionArn: string;
}

export interface MockIntegrationModel extends IntegrationMappingModel {
  readonly type: 'MOCK';
}

/** `HTTP` (with mappings) or `HTTP_PROXY` (the request and response pass through). */
export interface RestHttpIntegrationModel extends IntegrationMappingModel {
  readonly type: 'HTTP' | 'HTTP_PROXY';
  /** `Uri`, e.g. `https://example.com/items/{id}`; may hold `${stageVariables.x}` and `{path}` parameters. */
  readonly uri: string;
  /** `IntegrationHttpMethod`, e.g. `GET`, or `ANY` for the method request's. */
  readonly httpMethod: string;
  /** `ConnectionType`, default INTERNET. */
  readonly connectionType: 'INTERNET' | 'VPC_LINK';
}

/**
 * `Type: AWS` to a service other than Lambda, `arn:aws:apigateway:{region}:{subdomain.}{service}:{action|path}/{…}`:
 * API Gateway signs the mapped request with SigV4 and sends it to the service's endpoint.
 */
export interface AwsServiceIntegrationModel extends IntegrationMappingModel {
  readonly type: 'AWS';
  /** Absent: distinguishes this from {@link LambdaIntegrationModel}. */
  readonly functionArn?: undefined;
  /** The integration URI as written. */
  readonly uri: string;
  /** The region of the URI (the service's region). */
  readonly region: string;
  /** The service's endpoint prefix and signing name, e.g. `sqs`, `states`, `s3`. */
  readonly service: string;
  /** The host's subdomain before the service, e.g. a bucket for `bucket.s3`. */
  readonly subdomain?: string;
  /** `action` calls `?Action={apiValue}` (query API style); `path` sends to `/{apiValue}`. */
  readonly apiType: 'action' | 'path';
  /** The action with its `&`-separated parameters, or the path. */
  readonly apiValue: string;
  /** `IntegrationHttpMethod`. */
  readonly httpMethod: string;
  /** `Credentials`: the role API Gateway assumes; locally the request is signed with the runtime's credentials. */
  readonly credentials?: string;
}

export interface IntegrationResponseModel {
  readonly statusCode: string;
  /**
   * A regular expression matched against the integration's status code (HTTP, MOCK, AWS services) or a Lambda
   * function's `errorMessage` (Lambda custom integrations); undefined or empty is the default response.
   */
  readonly selectionPattern?: string;
  /**
   * `method.response.header.X` -> `'literal'`, `integration.response.header.Y`, `integration.response.body` or
   * `integration.response.body.JSONPath`.
   */
  readonly responseParameters: Readonly<Record<string, string>>;
  /** content type -> VTL template. */
  readonly responseTemplates: Readonly<Record<string, string>>;
  readonly contentHandling?: ContentHandling;
}

export interface UnsupportedIntegrationModel {
  readonly type: 'UNSUPPORTED';
  /** The integration type as written (AWS, HTTP, HTTP_PROXY, or AWS for a non-proxy Lambda integration). */
  readonly integrationType: string;
}
