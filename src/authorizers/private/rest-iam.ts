import * as apigateway from 'aws-cdk-lib/aws-apigateway';
import type { BoundRestAuthorizer } from './bound-rest-authorizer';

export function bindIamAuthorizer(): BoundRestAuthorizer {
  return {
    authorizationType: apigateway.AuthorizationType.IAM,
    supportsScopes: false,
    methodNagSuppressions: [{
      id: 'AwsSolutions-COG4',
      reason: 'The method uses AWS_IAM authorization: callers sign requests with SigV4 and need an identity policy granting execute-api:Invoke on this route, so no Cognito authorizer is needed.',
    }],
  };
}
