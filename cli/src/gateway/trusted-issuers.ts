import { AppModel } from '../model';

/** The environment variable holding the configuration of cdk-gatewaykit's bundled JWT authorizer. */
export const JWT_AUTHORIZER_CONFIG_ENV = 'GATEWAYKIT_JWT_CONFIG';

/**
 * Every token issuer the app trusts, which the local issuer impersonates: its user pools, its HTTP API JWT
 * authorizers' issuers, and the issuers (and JWKS URLs) that cdk-gatewaykit's bundled JWT authorizer functions read.
 */
export function trustedIssuers(model: AppModel): string[] {
  const issuers = new Set<string>(model.userPools.map((pool) => pool.issuer));
  for (const api of model.httpApis) {
    for (const authorizer of api.authorizers.values()) {
      if (authorizer.type === 'JWT') {
        issuers.add(authorizer.issuer);
      }
    }
  }
  for (const fn of model.functions.values()) {
    const config = fn.environment[JWT_AUTHORIZER_CONFIG_ENV];
    if (config) {
      try {
        const parsed = JSON.parse(config) as { issuer?: unknown };
        if (typeof parsed.issuer === 'string') {
          issuers.add(parsed.issuer);
        }
      } catch {
        // A configuration that is not JSON makes the authorizer itself fail closed; nothing to trust here.
      }
    }
  }
  return [...issuers];
}
