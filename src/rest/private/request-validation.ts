import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { validateJsonSchema } from './json-schema';
import { check } from '../../private/errors';
import { checkSourceName, HEADER_NAME, SourceNameProp } from '../../private/identity-source';
import { ParsedRouteKey } from '../../private/route-key';
import { RestRequestValidationOptions } from '../request-validation-options';

/** The request models and required parameters of one method. */
export interface MethodRequestRequirements {
  readonly requestModels?: { [contentType: string]: apigateway.IModel };
  readonly requestParameters?: { [parameter: string]: boolean };
}

/** Methods whose requests have no body: a body model on their routes would never be checked. */
const BODILESS_METHODS: readonly string[] = ['GET', 'HEAD', 'OPTIONS'];
const QUERY_STRING_PARAMETER: SourceNameProp = {
  kind: 'querystring', pattern: /^[^\s&=]+$/, expected: 'a non-empty name without whitespace, & or =', errorId: 'InvalidRequestParameter',
};
const HEADER_PARAMETER: SourceNameProp = {
  kind: 'header', pattern: HEADER_NAME, expected: "an HTTP header name (letters, digits and !#$%&'*+.^_`|~-)", errorId: 'InvalidRequestParameter',
};

/** Turns a route's validation options into method request settings, creating the body model the route declares. */
export class RequestRequirements {
  private readonly modelNames = new Map<string, string>();

  constructor(private readonly restApi: apigateway.RestApi) {}

  /** `api` is where the route's model goes: the RestApi, or its view from the nested stack holding the route. */
  public forRoute(prop: string, key: ParsedRouteKey, options: RestRequestValidationOptions, api: apigateway.IRestApi): MethodRequestRequirements {
    check(!(options.bodySchema && options.bodyModel), this.restApi, 'BodySchemaAndModel', () =>
      `${prop} has both bodySchema and bodyModel; give the schema to create a model for the route, or a shared model, not both`);
    const body = options.bodySchema ? 'bodySchema' : options.bodyModel ? 'bodyModel' : undefined;
    check(!(body && BODILESS_METHODS.includes(key.method)), this.restApi, 'BodyOnBodilessMethod', () =>
      `${prop}.${body} is set on a ${key.method} route, whose requests carry no body for API Gateway to validate; put it on the route of the method that sends the body (POST, PUT, PATCH), or remove it`);
    const parameters = {
      ...this.required(`${prop}.requiredQueryStrings`, options.requiredQueryStrings, QUERY_STRING_PARAMETER),
      ...this.required(`${prop}.requiredHeaders`, options.requiredHeaders, HEADER_PARAMETER),
    };
    const model = options.bodyModel ?? (options.bodySchema && this.modelFor(`${prop}.bodySchema`, key, options.bodySchema, api));
    return {
      requestModels: model && { 'application/json': model },
      requestParameters: Object.keys(parameters).length ? parameters : undefined,
    };
  }

  private required(prop: string, names: string[] | undefined, location: SourceNameProp): Record<string, boolean> {
    const parameters: Record<string, boolean> = {};
    (names ?? []).forEach((name, index) => {
      checkSourceName(this.restApi, `${prop}[${index}]`, name, location);
      const parameter = `method.request.${location.kind}.${name}`;
      check(!(parameter in parameters), this.restApi, 'DuplicateRequestParameter', () =>
        `${prop} lists '${name}' twice; list each parameter once`);
      parameters[parameter] = true;
    });
    return parameters;
  }

  private modelFor(prop: string, key: ParsedRouteKey, schema: apigateway.JsonSchema, api: apigateway.IRestApi): apigateway.Model {
    validateJsonSchema(this.restApi, prop, schema);
    const name = modelName(key);
    const existing = this.modelNames.get(name);
    check(existing === undefined, this.restApi, 'ModelNameClash', () =>
      `${prop}: the routes '${existing}' and '${key.key}' both name their body model '${name}'; create one of the models with restApi.addModel() and pass it as bodyModel`);
    this.modelNames.set(name, key.key);
    const model = new apigateway.Model(api, name, { restApi: api, contentType: 'application/json', modelName: name, schema });
    if (api !== this.restApi) {
      // aws-cdk-lib ties models to the deployment of a RestApi only, not of an API seen from a nested stack.
      this.restApi.latestDeployment?.addToLogicalId({ model: { name, schema } });
    }
    return model;
  }
}

/** `'POST /items/{id}'` → `PostItemsIdBody`: model names are alphanumeric, and this one is stable per route. */
function modelName(key: ParsedRouteKey): string {
  const words = [key.method.toLowerCase(), ...key.segments.flatMap((segment) => segment.split(/[^A-Za-z0-9]+/))].filter(Boolean);
  return words.map((word) => word[0].toUpperCase() + word.slice(1)).join('') + 'Body';
}
