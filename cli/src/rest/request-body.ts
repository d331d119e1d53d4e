import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import type AjvDraft04 from 'ajv-draft-04';
import { modelSchemaUrl, RestApiModel, RestMethodModel } from '../model';
import { mediaTypeOf } from './mapping/request-template';
import { ApiRequest, headerValue } from '../gateway/api-request';

/** The validator library, loaded for the first API that validates bodies: most apps have none. */
let ajvClass: typeof AjvDraft04 | undefined;
function newAjv(): AjvDraft04 {
  ajvClass ??= (createRequire(__filename)('ajv-draft-04') as { default: typeof AjvDraft04 }).default;
  // Not strict: OpenAPI schemas carry keywords JSON Schema draft 4 does not know (nullable, example, discriminator).
  return new ajvClass({ allErrors: true, strict: false, logger: false });
}

/**
 * Checks request bodies against the API's models (JSON Schema draft 4) as a request validator with
 * `validateRequestBody` does: the model is the method's `RequestModels` entry for the request's content type
 * (`application/json` when absent), else its `$default` entry; without one the body is not checked. An empty body
 * is checked as `{}`.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-request-validation.html
 */
export class RequestBodyValidation {
  private readonly validators = new Map<string, ValidateFunction>();
  private ajv?: AjvDraft04;

  /**
   * Compiles the models of the API's methods that validate bodies, so that a schema API Gateway would refuse fails at
   * startup.
   * @throws Error naming the model when its schema cannot be compiled
   */
  constructor(private readonly api: RestApiModel) {
    for (const resource of api.resources) {
      for (const method of resource.methods.values()) {
        if (this.validatesBody(method)) Object.values(method.requestModels).forEach((model) => this.validator(model));
      }
    }
  }

  /** Whether the method's request validator checks bodies. */
  public validatesBody(method: RestMethodModel): boolean {
    return method.requestValidatorId !== undefined && this.api.requestValidators.get(method.requestValidatorId)?.validateRequestBody === true;
  }

  /** Why the request's body fails the method's model (the `$context.error.validationErrorString`), or undefined when it passes. */
  public problem(method: RestMethodModel, request: ApiRequest): string | undefined {
    const model = method.requestModels[mediaTypeOf(headerValue(request, 'content-type'))] ?? method.requestModels.$default;
    const validate = model === undefined ? undefined : this.validator(model);
    if (!validate) return undefined;
    let body: unknown = {};
    if (request.body.length > 0) {
      try {
        body = JSON.parse(request.body.toString('utf8'));
      } catch (error) {
        return `[${(error as Error).message}]`;
      }
    }
    return validate(body) ? undefined : `[${(validate.errors ?? []).map(describeError).join(', ')}]`;
  }

  /** The compiled model, undefined when the API does not define it (reported at startup). */
  private validator(modelName: string): ValidateFunction | undefined {
    const known = this.validators.get(modelName);
    if (known || !this.api.models.has(modelName)) return known;
    const ajv = this.ajv ?? newAjv();
    let validate: ValidateFunction | undefined;
    try {
      if (!this.ajv) {
        // Every model is registered under its URL, so that `$ref`s between models resolve.
        for (const model of this.api.models.values()) {
          ajv.addSchema(withoutId(model.schema), modelSchemaUrl(this.api.apiId, model.name));
        }
        this.ajv = ajv;
      }
      validate = ajv.getSchema(modelSchemaUrl(this.api.apiId, modelName));
    } catch (error) {
      throw new Error(`A model of the REST API ${this.api.origin.path} is not a valid JSON schema (draft 4), so ${modelName} cannot be checked: ${(error as Error).message}`);
    }
    if (validate) this.validators.set(modelName, validate);
    return validate;
  }
}

/** The schema without its own `id` (draft 4's base URI), so that the model's URL identifies it. */
function withoutId(schema: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const copy = { ...schema };
  delete copy.id;
  return copy;
}

function describeError(error: ErrorObject): string {
  return `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`;
}
