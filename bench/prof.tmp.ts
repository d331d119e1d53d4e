import { App, Stack } from 'aws-cdk-lib';
import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ApiGatewayCloudWatchRole, SecureLambdaApi } from '../src';
function run(label: string, f: (s: Stack, fn: lambda.IFunction) => void) {
  const app = new App({ context: { '@aws-cdk/core:stackResourceLimit': 0 } });
  const s = new Stack(app, 'B', { env: { account: '123456789012', region: 'eu-west-1' } });
  const fn = new lambda.Function(s, 'H', { runtime: lambda.Runtime.NODEJS_24_X, handler: 'i.h', code: lambda.Code.fromInline('x') });
  f(s, fn);
  const t = Date.now(); app.synth(); console.log(label, Date.now() - t, 'ms');
}
const routes = (fn: lambda.IFunction) => Object.fromEntries(Array.from({ length: 240 }, (_, i) => [`GET /r${i}`, { handler: fn }]));
for (let k = 0; k < 2; k++) {
  run('nested(50)', (s, fn) => { new ApiGatewayCloudWatchRole(s, 'R'); new SecureLambdaApi(s, 'Api', { routes: routes(fn) }); });
  run('one stack', (s, fn) => { new ApiGatewayCloudWatchRole(s, 'R'); new SecureLambdaApi(s, 'Api', { routes: routes(fn), routesPerNestedStack: 500 }); });
  run('L2 best', (s, fn) => { const api = new apigateway.RestApi(s, 'Api'); const i = new apigateway.LambdaIntegration(fn, { scopePermissionToMethod: false, allowTestInvoke: false }); for (let j = 0; j < 240; j++) api.root.addResource(`r${j}`).addMethod('GET', i); });
}
