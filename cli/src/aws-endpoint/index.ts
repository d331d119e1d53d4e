export { LocalAwsEndpoint, NOT_AVAILABLE_LOCALLY } from './local-aws-endpoint';
export type { UnsignedHandler } from './local-aws-endpoint';
export { lambdaService } from './lambda-service';
export { stepFunctionsService } from './states-service';
export type { StateMachineStarter } from './states-service';
export type { AwsServiceHandler, AwsServiceRequest, AwsServiceResponse } from './service-request';
export { jsonError } from './service-request';
export { secretsManagerService } from './secrets-manager-service';
export type { LocalSecret } from './secrets-manager-service';
