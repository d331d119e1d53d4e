import { HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { newHttpApi } from './support';
import { HttpApiAuthorizer } from '../../src';
import { newFunction } from '../support/fixtures';
import { fixtureFunction, nagFindings, nagSuppressions } from '../support/nag';

/** What the tests create themselves: the route handler and the function of the Lambda authorizer. */
const FIXTURES = [...fixtureFunction('Handler'), ...fixtureFunction('AuthorizerHandler')];

const authorizers: Array<[string, (fn: lambda.IFunction) => HttpApiAuthorizer | undefined]> = [
  ['IAM (the default)', () => undefined],
  ['native JWT', () => HttpApiAuthorizer.jwt({ issuer: 'https://issuer.example.com', audience: ['api'] })],
  ['Cognito with a created user pool', () => HttpApiAuthorizer.cognito()],
  ['Lambda with simple responses', (fn) => HttpApiAuthorizer.request(fn)],
  ['Lambda with IAM policy responses', (fn) => HttpApiAuthorizer.request(fn, { responseType: HttpLambdaResponseType.IAM })],
];

const configured = (authorizer: (fn: lambda.IFunction) => HttpApiAuthorizer | undefined) => newHttpApi((handler, stack) => ({
  authorizer: authorizer(newFunction(stack, 'AuthorizerHandler')),
  routes: { 'GET /items': { handler }, 'GET /health': { handler, isPublic: true } },
  cors: { allowOrigins: ['https://app.example.com'] },
}));

describe('cdk-nag AwsSolutions and Serverless packs on SecureHttpApi', () => {
  test.each(authorizers)('report no unsuppressed finding in the stack with the %s authorizer, a public route and CORS', (_, authorizer) => {
    const { stack } = configured(authorizer);
    expect(nagFindings(stack, { fixtures: FIXTURES })).toEqual([]);
  });

  test('the only suppressions are the reasoned ones the library documents', () => {
    const { stack } = configured(() => HttpApiAuthorizer.cognito());
    const suppressed = nagSuppressions(stack, (reason) => expect(reason.length).toBeGreaterThan(80));
    expect(suppressed).toEqual(['AwsSolutions-APIG4 ApiRouteGEThealth']);
  });
});
