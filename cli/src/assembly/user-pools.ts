import { UserPoolModel } from '../model';
import { ResourceIndex } from './resources';

/** Every Cognito user pool with the ids of its app clients. */
export function buildUserPools(index: ResourceIndex): UserPoolModel[] {
  const clients = index.ofType('AWS::Cognito::UserPoolClient');
  return index.ofType('AWS::Cognito::UserPool').map((pool) => {
    const userPoolId = pool.ref();
    return {
      origin: pool.origin,
      userPoolId,
      arn: String(pool.attribute('Arn')),
      issuer: String(pool.attribute('ProviderURL')),
      clientIds: clients.filter((client) => client.properties().string('UserPoolId') === userPoolId).map((client) => client.ref()),
    };
  });
}
