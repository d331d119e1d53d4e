import * as fs from 'node:fs';
import * as path from 'node:path';
import { integerOption, optionValue, parseArgs, UsageError } from './args';
import { DEFAULT_ISSUER_KEY_FILE, LocalIssuer } from '../auth';
import { systemClock } from '../clock';
import { trustedIssuers } from '../gateway/trusted-issuers';
import { AppModel, UserPoolModel } from '../model';
import { loadServedModel } from '../server/app-runtime';
import { cdkOutputDir } from '../server/synth';

export const TOKEN_USAGE = `usage: gatewaykit token [--app cdk.out] [--pool NAME | --issuer URL] [--claims JSON]
                       [--token-use id|access] [--client ID] [--scopes a,b] [--expires-in 3600]
                       [--issuer-key .gatewaykit/local-issuer.json]
  Prints a token signed by the local issuer, which 'gatewaykit serve' trusts for every user pool and JWT issuer of
  the app. --pool names a user pool by construct path, logical id or pool id (default: the app's only pool);
  --issuer an OIDC issuer URL of an HTTP API JWT authorizer or the bundled JWT authorizer.
  Cognito tokens are ID tokens unless --token-use access; --claims adds or replaces claims, e.g. '{"sub":"alice"}'.
  A pool without app client gets a made-up client id (or --client's): REST Cognito authorizers check only the pool.`;

/** The options `gatewaykit token` accepts: with a value, and switches. */
export const TOKEN_OPTIONS = {
  valued: ['app', 'pool', 'issuer', 'claims', 'token-use', 'client', 'scopes', 'expires-in', 'issuer-key'],
  switches: [],
} as const;

/** `gatewaykit token`: prints one token for a user pool or issuer of the app. */
export async function tokenCommand(argv: readonly string[], cwd: string = process.cwd()): Promise<string> {
  const parsed = parseArgs(argv, TOKEN_OPTIONS.valued, TOKEN_OPTIONS.switches, TOKEN_USAGE);
  const model = loadModel(path.resolve(cwd, optionValue(parsed, 'app') ?? cdkOutputDir(cwd)));
  const issuer = await LocalIssuer.loadOrCreate(path.resolve(cwd, optionValue(parsed, 'issuer-key') ?? DEFAULT_ISSUER_KEY_FILE));
  const claims = parseClaims(optionValue(parsed, 'claims'));
  const expiresInSeconds = integerOption(parsed, 'expires-in', 1, 31 * 24 * 3600, TOKEN_USAGE);
  const scopes = optionValue(parsed, 'scopes')?.split(',').map((s) => s.trim()).filter((s) => s.length > 0);
  const issuerUrl = optionValue(parsed, 'issuer');
  if (issuerUrl !== undefined) {
    if (optionValue(parsed, 'pool') !== undefined) {
      throw new UsageError(`give --pool or --issuer, not both\n${TOKEN_USAGE}`);
    }
    const known = trustedIssuers(model);
    if (!known.includes(issuerUrl)) {
      throw new UsageError(`--issuer '${issuerUrl}' is not an issuer of the app; its issuers are ${known.join(', ') || 'none'}`);
    }
    const scopeClaim = scopes ? { scope: scopes.join(' ') } : {};
    return issuer.mint({ issuer: issuerUrl, claims: { sub: 'local-user', ...scopeClaim, ...claims }, expiresInSeconds }, systemClock);
  }
  const pool = choosePool(model, optionValue(parsed, 'pool'));
  const tokenUse = optionValue(parsed, 'token-use') ?? 'id';
  if (tokenUse !== 'id' && tokenUse !== 'access') {
    throw new UsageError(`--token-use expects id or access, got '${tokenUse}'\n${TOKEN_USAGE}`);
  }
  const clientId = optionValue(parsed, 'client');
  if (clientId !== undefined && pool.clientIds.length > 0 && !pool.clientIds.includes(clientId)) {
    throw new UsageError(`--client '${clientId}' is not an app client of ${pool.origin.path}; its clients are ${pool.clientIds.join(', ') || 'none'}`);
  }
  return issuer.mintCognito({ userPool: pool, clientId, tokenUse, scopes, claims, expiresInSeconds }, systemClock);
}

/** The app's model, as `serve` reads it; minting runs no function, so the folder of their inline code is removed at once. */
function loadModel(assemblyDir: string): AppModel {
  const { model, workDir } = loadServedModel(assemblyDir, {});
  fs.rmSync(workDir, { recursive: true, force: true });
  return model;
}

function parseClaims(text: string | undefined): Record<string, unknown> {
  if (text === undefined) {
    return {};
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new UsageError(`--claims expects a JSON object such as '{"sub":"alice"}', got '${text}'`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new UsageError(`--claims expects a JSON object such as '{"sub":"alice"}', got '${text}'`);
  }
  return value as Record<string, unknown>;
}

function choosePool(model: AppModel, name: string | undefined): UserPoolModel {
  const pools = model.userPools;
  const names = pools.map((p) => p.origin.path).join(', ') || 'none';
  if (name === undefined) {
    if (pools.length !== 1) {
      throw new UsageError(`the app has ${pools.length} user pools (${names}); name one with --pool, or give --issuer`);
    }
    return pools[0];
  }
  const matches = pools.filter((p) => p.userPoolId === name || p.origin.logicalId === name || p.origin.path === name || p.origin.path.endsWith(`/${name}`) || p.origin.path.includes(`/${name}/`));
  if (matches.length !== 1) {
    throw new UsageError(`--pool '${name}' matches ${matches.length === 0 ? 'no user pool' : 'several user pools'}; the app's pools are ${names}`);
  }
  return matches[0];
}
