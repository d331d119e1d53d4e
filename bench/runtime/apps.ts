import * as fs from 'fs';
import * as path from 'path';
import { App, Duration, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaAuthorizer, HttpLambdaResponseType } from 'aws-cdk-lib/aws-apigatewayv2-authorizers';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import * as lambda from 'aws-cdk-lib/aws-lambda';

export type ApiType = 'REST' | 'HTTP';

/** A synthesized app serving the hello handler, ready for `gatewaykit serve --app`. */
export interface RuntimeApp {
  readonly name: string;
  readonly apiType: ApiType;
  readonly authorizer: boolean;
  readonly assemblyDir: string;
  /** The hello route on the server, e.g. `/prod/hello`. */
  readonly path: string;
}

/** Sent by every request of every variant, so that all of them parse the same request; the authorizers allow it. */
export const REQUEST_HEADERS: Readonly<Record<string, string>> = { authorization: 'Bearer bench' };

/** The body the hello handler (and the bare server) answers. */
export const HELLO = 'hello';

const AUTHORIZER_CACHE_TTL = Duration.seconds(300);
const REST_STAGE = 'prod';

/** The handler prints nothing, so that output forwarding is not part of what is measured. */
const CODE: Readonly<Record<string, string>> = {
  'index.js': `exports.handler = async () => ({ statusCode: 200, body: '${HELLO}' });\n`,
  // Allows every method of the API, so that the cached policy also covers the next request.
  'rest-authorizer.js': `exports.handler = async (event) => ({
  principalId: 'bench',
  policyDocument: {
    Version: '2012-10-17',
    Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: event.methodArn.split('/')[0] + '/*' }],
  },
});
`,
  'http-authorizer.js': 'exports.handler = async () => ({ isAuthorized: true });\n',
};

type FunctionFactory = (id: string, handler: string) => lambda.IFunction;

interface AppDefinition {
  readonly name: string;
  readonly apiType: ApiType;
  readonly authorizer: boolean;
  /** Adds the API in front of the hello function and returns the route's path on the server. */
  readonly addApi: (stack: Stack, fn: FunctionFactory) => string;
}

const DEFINITIONS: AppDefinition[] = [
  {
    name: 'RestApi',
    apiType: 'REST',
    authorizer: false,
    addApi: (stack, fn) => addRestApi(stack, fn('Hello', 'index.handler')),
  },
  {
    name: 'RestApi + TokenAuthorizer',
    apiType: 'REST',
    authorizer: true,
    addApi: (stack, fn) => addRestApi(stack, fn('Hello', 'index.handler'), new apigateway.TokenAuthorizer(stack, 'Authorizer', {
      handler: fn('Authorize', 'rest-authorizer.handler'),
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    })),
  },
  {
    name: 'HttpApi',
    apiType: 'HTTP',
    authorizer: false,
    addApi: (stack, fn) => addHttpApi(stack, fn('Hello', 'index.handler')),
  },
  {
    name: 'HttpApi + HttpLambdaAuthorizer',
    apiType: 'HTTP',
    authorizer: true,
    addApi: (stack, fn) => addHttpApi(stack, fn('Hello', 'index.handler'), new HttpLambdaAuthorizer('Authorizer', fn('Authorize', 'http-authorizer.handler'), {
      responseTypes: [HttpLambdaResponseType.SIMPLE],
      identitySource: ['$request.header.Authorization'],
      resultsCacheTtl: AUTHORIZER_CACHE_TTL,
    })),
  },
];

/** Writes the handlers once and synthesizes each app into a folder of its own under `outRoot`. */
export function synthesizeApps(outRoot: string): RuntimeApp[] {
  const codeDir = path.join(outRoot, 'code');
  fs.mkdirSync(codeDir);
  Object.entries(CODE).forEach(([file, text]) => fs.writeFileSync(path.join(codeDir, file), text));
  return DEFINITIONS.map((definition, index) => {
    const assemblyDir = path.join(outRoot, `app-${index}`);
    const app = new App({ outdir: assemblyDir });
    const stack = new Stack(app, 'Runtime');
    const fn: FunctionFactory = (id, handler) => new lambda.Function(stack, id, {
      runtime: lambda.Runtime.NODEJS_22_X,
      handler,
      code: lambda.Code.fromAsset(codeDir),
    });
    const routePath = definition.addApi(stack, fn);
    app.synth();
    return { name: definition.name, apiType: definition.apiType, authorizer: definition.authorizer, assemblyDir, path: routePath };
  });
}

function addRestApi(stack: Stack, handler: lambda.IFunction, authorizer?: apigateway.IAuthorizer): string {
  // The stage is named here because `deploymentStage.stageName` is a token until deploy.
  const api = new apigateway.RestApi(stack, 'Api', { deployOptions: { stageName: REST_STAGE } });
  api.root.addResource('hello').addMethod('GET', new apigateway.LambdaIntegration(handler), { authorizer });
  return `/${REST_STAGE}/hello`;
}

function addHttpApi(stack: Stack, handler: lambda.IFunction, authorizer?: apigatewayv2.IHttpRouteAuthorizer): string {
  const api = new apigatewayv2.HttpApi(stack, 'Api');
  api.addRoutes({ path: '/hello', methods: [apigatewayv2.HttpMethod.GET], integration: new HttpLambdaIntegration('Hello', handler), authorizer });
  // The default stage is `$default`, served at the root.
  return '/hello';
}
