import * as apigatewayv2 from 'aws-cdk-lib/aws-apigatewayv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';

/**
 * A Lambda proxy (AWS_PROXY) integration that adds no permission: the API grants each function one permission for
 * all its routes (aws-cdk-lib's `HttpLambdaIntegration` adds one per route). Its `AWS::ApiGatewayV2::Integration` is
 * created under `scope` with the id given, instead of under the first route that uses it, so that its logical id does
 * not depend on the order in which routes are declared; it belongs to `httpApi` even for routes added from a nested
 * stack (through an imported view of the API), so that a function has one integration whatever the nested stacks.
 */
export class LambdaProxyIntegration extends apigatewayv2.HttpRouteIntegration {
  private created?: apigatewayv2.HttpIntegration;

  constructor(
    private readonly constructId: string,
    private readonly scope: Construct,
    private readonly httpApi: apigatewayv2.IHttpApi,
    private readonly handler: lambda.IFunction,
    private readonly payloadFormatVersion: apigatewayv2.PayloadFormatVersion,
  ) {
    super(constructId);
  }

  public bind(_options: apigatewayv2.HttpRouteIntegrationBindOptions): apigatewayv2.HttpRouteIntegrationConfig {
    return {
      type: apigatewayv2.HttpIntegrationType.AWS_PROXY,
      uri: this.handler.functionArn,
      payloadFormatVersion: this.payloadFormatVersion,
    };
  }

  /** @internal */
  public _bindToRoute(options: apigatewayv2.HttpRouteIntegrationBindOptions): { readonly integrationId: string } {
    if (!this.created) {
      const config = this.bind(options);
      this.created = new apigatewayv2.HttpIntegration(this.scope, this.constructId, {
        httpApi: this.httpApi,
        integrationType: config.type,
        integrationUri: config.uri,
        payloadFormatVersion: config.payloadFormatVersion,
      });
    }
    return { integrationId: this.created.integrationId };
  }
}
