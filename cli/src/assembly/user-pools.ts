import { UserPoolModel } from '../model';
import { ResourceIndex } from './resources';
import { UnsupportedReport } from './unsupported';

/** Every Cognito user pool with the ids of its app clients. */
export function buildUserPools(index: ResourceIndex, report: UnsupportedReport): UserPoolModel[] {
  const clients = index.ofType('AWS::Cognito::UserPoolClient').flatMap((client) => {
    const userPoolId = report.serveOrReport(client.origin, client.type, `the app client ${client.logicalId}`, () => client.properties().string('UserPoolId'));
    return userPoolId === undefined ? [] : [{ userPoolId, clientId: client.ref() }];
  });
  return index.ofType('AWS::Cognito::UserPool').map((pool) => {
    const userPoolId = pool.ref();
    return {
      origin: pool.origin,
      userPoolId,
      arn: String(pool.attribute('Arn')),
      issuer: String(pool.attribute('ProviderURL')),
      clientIds: clients.filter((client) => client.userPoolId === userPoolId).map((client) => client.clientId),
    };
  });
}
