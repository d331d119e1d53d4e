import { Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import { ApiRequest } from '../../src/gateway/api-request';
import { RestApiModel } from '../../src/model';
import { RequestBodyValidation } from '../../src/rest/request-body';
import { methodOf } from '../assembly/openapi-support';
import { synthModel } from '../assembly/support';
import { apiRequest } from '../support/api-request';

/**
 * A plain aws-cdk-lib RestApi whose POST /pets validates bodies against the model Pet (which refers to the model Tag),
 * and whose POST /any validates every content type against Pet through `$default`.
 */
function validatedApi(): RestApiModel {
  return synthModel((app) => {
    const stack = new Stack(app, 'Models');
    const api = new apigateway.RestApi(stack, 'Api', { cloudWatchRole: false });
    const tag = api.addModel('Tag', { modelName: 'Tag', schema: { type: apigateway.JsonSchemaType.STRING, maxLength: 5 } });
    const pet = api.addModel('Pet', {
      modelName: 'Pet',
      schema: {
        schema: apigateway.JsonSchemaVersion.DRAFT4,
        type: apigateway.JsonSchemaType.OBJECT,
        required: ['name'],
        properties: {
          name: { type: apigateway.JsonSchemaType.STRING },
          tag: { ref: `https://apigateway.amazonaws.com/restapis/${api.restApiId}/models/${tag.modelId}` },
        },
      },
    });
    const validator = { requestValidator: api.addRequestValidator('Body', { validateRequestBody: true }) };
    api.root.addResource('pets').addMethod('POST', new apigateway.MockIntegration(), { requestModels: { 'application/json': pet }, ...validator });
    api.root.addResource('any').addMethod('POST', new apigateway.MockIntegration(), { requestModels: { $default: pet }, ...validator });
    api.root.addResource('open').addMethod('POST', new apigateway.MockIntegration(), { requestModels: { 'application/json': pet } });
  }).restApis[0];
}

function request(body: string, contentType?: string): ApiRequest {
  return apiRequest({ method: 'POST', rawPath: '/prod/pets', headers: contentType ? [['Content-Type', contentType]] : [], body });
}

describe('request body validation against models (JSON Schema draft 4)', () => {
  const api = validatedApi();
  const validation = new RequestBodyValidation(api);
  const pets = methodOf(api, '/pets', 'POST');

  test('a body the model accepts passes', () => {
    expect(validation.problem(pets, request('{"name":"Rex","tag":"dog"}', 'application/json'))).toBeUndefined();
  });

  test('a body missing a required property fails, with what is wrong', () => {
    expect(validation.problem(pets, request('{"tag":"dog"}', 'application/json'))).toBe("[/ must have required property 'name']");
  });

  test('a $ref to another model of the API is followed', () => {
    expect(validation.problem(pets, request('{"name":"Rex","tag":"chihuahua"}', 'application/json'))).toBe('[/tag must NOT have more than 5 characters]');
  });

  test('a request without Content-Type is checked as application/json', () => {
    expect(validation.problem(pets, request('{}'))).toMatch(/required property 'name'/);
  });

  test('an empty body is checked as an empty object', () => {
    expect(validation.problem(pets, request('', 'application/json'))).toMatch(/required property 'name'/);
  });

  test('a body that is not JSON fails', () => {
    expect(validation.problem(pets, request('name=Rex', 'application/json'))).toMatch(/^\[.*JSON.*\]$/);
  });

  test('a content type without a model is not checked', () => {
    expect(validation.problem(pets, request('<pet/>', 'application/xml'))).toBeUndefined();
  });

  test('the $default model checks every content type', () => {
    expect(validation.problem(methodOf(api, '/any', 'POST'), request('<pet/>', 'application/xml'))).toMatch(/JSON/);
  });

  test('only methods whose request validator checks bodies validate them', () => {
    expect([pets, methodOf(api, '/open', 'POST')].map((method) => validation.validatesBody(method))).toEqual([true, false]);
  });

  test('a model that is not a valid schema fails at startup, naming the API', () => {
    const broken: RestApiModel = { ...api, models: new Map([...api.models, ['Pet', { name: 'Pet', schema: { type: 'pet' } }]]) };
    expect(() => new RequestBodyValidation(broken)).toThrow(/A model of the REST API Models\/Api is not a valid JSON schema \(draft 4\), so Pet cannot be checked: .*type/);
  });
});
