import * as path from 'node:path';
import { App, Stack, Stage } from 'aws-cdk-lib';
import { parse } from 'yaml';
import { ApiGatewayCloudWatchRole, SecureHttpApi, SecureLambdaApi } from '../../../src';
import { UsageError } from '../../src/cli/args';
import { openApiCommand } from '../../src/cli/openapi-command';
import { ECHO_HANDLER, nodeFunction } from '../support/app';
import { tempDir } from '../support/temp-dirs';

describe('gatewaykit openapi', () => {
  let cwd: string;

  beforeAll(() => {
    cwd = tempDir('gatewaykit-openapi-');
    const app = new App({ outdir: path.join(cwd, 'cdk.out') });
    const stack = new Stack(app, 'Shop');
    new ApiGatewayCloudWatchRole(stack, 'CloudWatchRole');
    const handler = nodeFunction(stack, 'Echo', ECHO_HANDLER);
    new SecureLambdaApi(stack, 'Api', { routes: { 'GET /items': { handler } } });
    new SecureHttpApi(stack, 'Orders', { routes: { 'GET /orders': { handler } } });
    const stage = new Stage(app, 'Beta');
    const betaStack = new Stack(stage, 'Shop');
    new SecureHttpApi(betaStack, 'Api', { routes: { 'GET /beta': { handler: nodeFunction(betaStack, 'Echo', ECHO_HANDLER) } } });
    app.synth();
  });

  test('prints the document of the API named by the end of its construct path, without the construct path', () => {
    const document = JSON.parse(openApiCommand(['--api', 'Orders'], cwd));
    expect(Object.keys(document.paths)).toEqual(['/orders']);
    expect(document['x-gatewaykit-construct-path']).toBeUndefined();
  });

  test('prints YAML with --format yaml', () => {
    expect(parse(openApiCommand(['--api', 'Shop/Api', '--format', 'yaml'], cwd)).paths['/items'].get.operationId).toBe('getItems');
  });

  test('reads the documents of the nested assemblies of stages', () => {
    expect(Object.keys(JSON.parse(openApiCommand(['--api', 'Beta/Shop/Api'], cwd)).paths)).toEqual(['/beta']);
  });

  test('asks for --api when the app has several APIs, naming them', () => {
    expect(() => openApiCommand([], cwd)).toThrow(new UsageError('the assembly has 3 APIs (Shop/Api, Shop/Orders, Beta/Shop/Api); name one with --api'));
  });

  test('refuses an --api that matches several APIs', () => {
    expect(() => openApiCommand(['--api', 'Api'], cwd)).toThrow(/--api 'Api' matches several APIs; the APIs with a document are Shop\/Api, Shop\/Orders, Beta\/Shop\/Api/);
  });

  test('refuses an unknown format', () => {
    expect(() => openApiCommand(['--api', 'Orders', '--format', 'xml'], cwd)).toThrow(/--format expects json or yaml, got 'xml'/);
  });
});
