/** Options for the OpenAPI document an API describes itself with (`openApiDocument()`). */
export interface OpenApiDocumentOptions {
  /**
   * The document's `info.version`, the version of the API's contract.
   * @default - the version of the imported document, or '1.0.0'
   */
  readonly version?: string;
  /**
   * Whether the document carries API Gateway's extensions (`x-amazon-apigateway-integration`,
   * `x-amazon-apigateway-authorizer`, `x-amazon-apigateway-cors`, ...), which say how the API is implemented; leave
   * them out for a document published to the API's clients.
   * @default true
   */
  readonly apiGatewayExtensions?: boolean;
}
