import type { AssertionPlan } from './assertion-plan';
import { localSecrets } from './local-secrets';
import type { LocalStateMachines } from './local-state-machines';
import { localUserPools } from './local-user-pools';
import { apiGatewayService, cognitoService, lambdaService, LocalAwsEndpoint, secretsManagerService, stepFunctionsService } from '../aws-endpoint';
import { systemClock } from '../clock';
import type { RunningApp } from '../server/start';

/**
 * The AWS services the assertion handler reaches on the local endpoint, by signing name: API Gateway's REST API from the
 * running app's control plane, Lambda, Step Functions, Secrets Manager and Cognito. DynamoDB calls go to the runtime's
 * own DynamoDB (`AWS_ENDPOINT_URL_DYNAMODB` of every sandbox). Any other call is answered `NotAvailableLocally`, and
 * the assertion making it is skipped.
 */
export function registerLocalServices(endpoint: LocalAwsEndpoint, running: RunningApp, plan: AssertionPlan, machines: LocalStateMachines): void {
  if (running.controlPlaneUrl) {
    endpoint.register('apigateway', apiGatewayService(running.controlPlaneUrl));
  }
  endpoint.register('lambda', lambdaService(running.model.functions, (arn, event) => running.lambda.invoke(arn, event)));
  endpoint.register('states', stepFunctionsService(machines));
  endpoint.register('secretsmanager', secretsManagerService(localSecrets(plan.stacks, running.model)));
  endpoint.register('cognito-idp', cognitoService(localUserPools(plan.stacks), async (userPoolId, clientId, username) => {
    const userPool = running.model.userPools.find((pool) => pool.userPoolId === userPoolId)!;
    const mint = (tokenUse: 'id' | 'access') => running.issuer.mintCognito({ userPool, clientId, username, tokenUse }, systemClock);
    return { idToken: await mint('id'), accessToken: await mint('access') };
  }));
}
