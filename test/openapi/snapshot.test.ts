import * as path from 'path';
import { resolvedDocument } from './support';
import { OpenApiDefinition, RestAuthorizer } from '../../src';
import { newApi, templateOf } from '../support/fixtures';

/** The integ test's contract, its IAM scheme bound to an authorizer explicitly. */
const SHOP = path.join(__dirname, '..', '..', 'integ-tests', 'openapi', 'shop.json');

function importedApi() {
  return newApi((handler) => ({
    openApi: {
      definition: OpenApiDefinition.fromFile(SHOP),
      handlers: { listItems: handler, createItem: handler, getOrder: handler },
      authorizers: { iam: RestAuthorizer.iam() },
    },
  }));
}

test('an API built from an OpenAPI document synthesizes this template', () => {
  expect(templateOf(importedApi().stack).toJSON()).toMatchSnapshot();
});

test('an API built from an OpenAPI document exports this document', () => {
  const { stack, api } = importedApi();
  expect(resolvedDocument(stack, api.openApiDocument())).toMatchSnapshot();
});

