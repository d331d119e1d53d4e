import * as fs from 'fs';
import * as path from 'path';
import { inlineFunction, loadTemplate, tempDir } from './support';
import { LoadOptions } from '../../src/assembly';
import { AppModel, HttpApiModel, RestApiModel, RestMethodModel } from '../../src/model';

/** The invocation URI of the template's function `Fn`, as users write it in a definition (`Fn::Sub`). */
export const FN_URI = { 'Fn::Sub': 'arn:${AWS::Partition}:apigateway:${AWS::Region}:lambda:path/2015-03-31/functions/${Fn.Arn}/invocations' };
/** The local ARN of `Fn`. */
export const FN_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:Test-Fn';

/** A REST API (`Api`) whose `Body` is `body`, with a function `Fn` and a `prod` stage, loaded. */
export function loadRestDefinition(
  body: unknown, properties: Record<string, unknown> = {}, options: LoadOptions = {},
): { model: AppModel; api: RestApiModel } {
  const model = loadTemplate({
    Resources: {
      Fn: inlineFunction(),
      Api: { Type: 'AWS::ApiGateway::RestApi', Properties: { Body: body, ...properties } },
      Deployment: { Type: 'AWS::ApiGateway::Deployment', Properties: { RestApiId: { Ref: 'Api' }, StageName: 'prod' } },
    },
  }, options);
  return { model, api: model.restApis[0] };
}

/** An HTTP API (`Api`) whose `Body` is `body`, with a function `Fn` and an auto-deployed `$default` stage, loaded. */
export function loadHttpDefinition(body: unknown, properties: Record<string, unknown> = {}): { model: AppModel; api: HttpApiModel } {
  const model = loadTemplate({
    Resources: {
      Fn: inlineFunction(),
      Api: { Type: 'AWS::ApiGatewayV2::Api', Properties: { Body: body, ...properties } },
      Stage: { Type: 'AWS::ApiGatewayV2::Stage', Properties: { ApiId: { Ref: 'Api' }, StageName: '$default', AutoDeploy: true } },
    },
  });
  return { model, api: model.httpApis[0] };
}

/** The method `httpMethod` of the resource at `resourcePath`. */
export function methodOf(api: RestApiModel, resourcePath: string, httpMethod: string): RestMethodModel {
  const method = api.resources.find((resource) => resource.path === resourcePath)?.methods.get(httpMethod);
  if (!method) throw new Error(`no method ${httpMethod} ${resourcePath} in ${api.resources.map((resource) => resource.path).join(', ')}`);
  return method;
}

/** A file named `name` holding `text` in a fresh folder, for `ApiDefinition.fromAsset`. */
export function documentFile(name: string, text: string): string {
  const file = path.join(tempDir('gatewaykit-openapi-'), name);
  fs.writeFileSync(file, text);
  return file;
}
