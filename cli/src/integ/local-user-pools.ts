import type { LoadedStack } from '../assembly/loaded-stack';
import type { LocalUserPool } from '../aws-endpoint';

/** The user pools of the app with the users (`AWS::Cognito::UserPoolUser`) and app clients its templates declare. */
export function localUserPools(stacks: readonly LoadedStack[]): LocalUserPool[] {
  const pools = new Map<string, { usernames: Set<string>; clients: Map<string, readonly string[]> }>();
  const poolOf = (id: string) => pools.get(id) ?? pools.set(id, { usernames: new Set(), clients: new Map() }).get(id)!;
  for (const stack of stacks) {
    for (const [logicalId, resource] of stack.presentResources()) {
      if (resource.type === 'AWS::Cognito::UserPool') {
        poolOf(String(stack.resourceRef(logicalId)));
      } else if (resource.type === 'AWS::Cognito::UserPoolUser') {
        const username = stack.property(logicalId, 'Username');
        if (typeof username === 'string') poolOf(String(stack.property(logicalId, 'UserPoolId'))).usernames.add(username);
      } else if (resource.type === 'AWS::Cognito::UserPoolClient') {
        const flows = stack.property(logicalId, 'ExplicitAuthFlows');
        poolOf(String(stack.property(logicalId, 'UserPoolId'))).clients.set(String(stack.resourceRef(logicalId)), Array.isArray(flows) ? flows.map(String) : []);
      }
    }
  }
  return [...pools].map(([userPoolId, pool]) => ({ userPoolId, ...pool }));
}
