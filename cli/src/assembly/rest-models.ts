import { RestModelSchema, RestResourceModel } from '../model';
import { isJsonObject } from './json';
import { ApiPart } from './resources';
import { UnsupportedReport } from './unsupported';

const DRAFT_4 = 'http://json-schema.org/draft-04/schema#';

/** The models API Gateway creates in every REST API. */
const BUILT_IN_MODELS: readonly RestModelSchema[] = [
  { name: 'Empty', schema: { $schema: DRAFT_4, title: 'Empty Schema', type: 'object' } },
  { name: 'Error', schema: { $schema: DRAFT_4, title: 'Error Schema', type: 'object', properties: { message: { type: 'string' } } } },
];

/** The API's models by name: the built-in ones, then its `AWS::ApiGateway::Model`s and OpenAPI schemas. */
export function buildRestModels(models: readonly ApiPart[]): Map<string, RestModelSchema> {
  const byName = new Map(BUILT_IN_MODELS.map((model) => [model.name, model]));
  for (const model of models) {
    const name = model.ref();
    byName.set(name, { name, schema: schemaOf(model) });
  }
  return byName;
}

/** Reports the request models that methods validating bodies name and the API does not define: those bodies pass. */
export function reportUnknownRequestModels(
  resources: readonly RestResourceModel[],
  models: ReadonlyMap<string, RestModelSchema>,
  validatesBody: (validatorId: string | undefined) => boolean,
  report: UnsupportedReport,
): void {
  for (const resource of resources) {
    for (const method of resource.methods.values()) {
      if (!validatesBody(method.requestValidatorId)) continue;
      for (const [contentType, name] of Object.entries(method.requestModels).filter(([, model]) => !models.has(model))) {
        report.add(method.origin, 'request model', `the method ${method.httpMethod} ${resource.path} validates ${contentType} bodies against the model ${name}, which the API does not define, so they are not checked`);
      }
    }
  }
}

/** `Schema`: an object, or JSON text of one (CloudFormation takes both). */
function schemaOf(model: ApiPart): Readonly<Record<string, unknown>> {
  const written = model.properties().raw('Schema') ?? {};
  let schema: unknown = written;
  if (typeof written === 'string') {
    try {
      schema = JSON.parse(written);
    } catch (error) {
      throw model.error(`has a Schema that is not valid JSON (${(error as Error).message}); expected a JSON schema (draft 4)`);
    }
  }
  if (!isJsonObject(schema)) {
    throw model.error('has a Schema that is not an object; expected a JSON schema (draft 4)');
  }
  return schema;
}
