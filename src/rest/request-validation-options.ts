import * as apigateway from 'aws-cdk-lib/aws-apigateway';

/** What a route requires of a request; API Gateway answers 400 before the backend runs when it does not match. */
export interface RestRequestValidationOptions {
  /**
   * JSON schema (draft 4) of the `application/json` request body; created as an API Gateway model of the API.
   * @default - the body is not validated, unless `bodyModel` is given
   */
  readonly bodySchema?: apigateway.JsonSchema;
  /**
   * An existing model of this API for the `application/json` request body, e.g. one shared by several routes.
   * @default - the body is not validated, unless `bodySchema` is given
   */
  readonly bodyModel?: apigateway.IModel;
  /**
   * Query string parameters every request must carry.
   * @default - none required
   */
  readonly requiredQueryStrings?: string[];
  /**
   * Headers every request must carry.
   * @default - none required
   */
  readonly requiredHeaders?: string[];
}
