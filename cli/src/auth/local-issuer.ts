import { createHash, createPublicKey, KeyObject } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type * as Jose from 'jose';
import { calculateJwkThumbprint } from 'jose/jwk/thumbprint';
import { exportJWK } from 'jose/key/export';
import { importJWK } from 'jose/key/import';
import { Clock } from '../clock';
import { lazyRequire } from '../lazy-require';
import { UserPoolModel } from '../model';
import { cognitoTokenClaims, CognitoTokenUse, DEFAULT_ACCESS_TOKEN_SCOPES } from './cognito-token-claims';
import { oidcDocuments, StaticHttpResponse } from './oidc-documents';

export const LOCAL_ISSUER_ALGORITHM = 'RS256';

type JWK = Jose.JWK;
/**
 * The whole of jose, for generating a key and signing tokens; loading the issuer's key (at every start) needs only
 * the three modules imported above, about half of jose's load time.
 */
const jose = lazyRequire<typeof Jose>('jose');
/** Where `serve` and `token` keep the local issuer's key, relative to the app's folder, so that both sign alike. */
export const DEFAULT_ISSUER_KEY_FILE = '.gatewaykit/local-issuer.json';
export const DEFAULT_TOKEN_LIFETIME_SECONDS = 3600;
export const DEFAULT_LOCAL_USERNAME = 'local-user';

export interface MintOptions {
  readonly issuer: string;
  /** Added to (and overriding) `iss`, `iat` and `exp`. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** @default 3600 */
  readonly expiresInSeconds?: number;
}

export interface MintCognitoOptions {
  readonly userPool: UserPoolModel;
  /**
   * @default the pool's first app client; for a pool the app gives none, a made-up client id derived from the pool:
   * a REST Cognito authorizer checks the token's pool, not its client
   */
  readonly clientId?: string;
  readonly tokenUse: CognitoTokenUse;
  /** Access tokens only. @default ['aws.cognito.signin.user.admin'] */
  readonly scopes?: readonly string[];
  /** @default 'local-user' */
  readonly username?: string;
  /** Added to (and overriding) the Cognito claim set. */
  readonly claims?: Readonly<Record<string, unknown>>;
  /** @default 3600 */
  readonly expiresInSeconds?: number;
}

/**
 * The token issuer of every Cognito user pool and JWT issuer of the app while it runs offline: one RSA key pair
 * signs the tokens, and its public JWKS is what the local verifiers trust and what the issuers' JWKS URLs answer.
 */
export class LocalIssuer {
  /** A new issuer with a fresh key that lives as long as the process. */
  public static async generate(): Promise<LocalIssuer> {
    const { privateKey } = await jose().generateKeyPair(LOCAL_ISSUER_ALGORITHM, { extractable: true });
    return LocalIssuer.fromPrivateJwk(await exportJWK(privateKey));
  }

  /**
   * The issuer whose key is stored in `file`, creating the folder and the file (mode 0600) with a new key when the
   * file does not exist, so tokens minted in one run stay valid in the next.
   */
  public static async loadOrCreate(file: string): Promise<LocalIssuer> {
    const stored = await readKeyFile(file);
    if (stored !== undefined) {
      return LocalIssuer.fromKeyFileText(stored, file);
    }
    const issuer = await LocalIssuer.generate();
    await mkdir(dirname(file), { recursive: true, mode: 0o700 });
    try {
      await writeFile(file, `${JSON.stringify(issuer.privateJwk, undefined, 2)}\n`, { mode: 0o600, flag: 'wx' });
    } catch (error) {
      // Another worker created the file between our read and our write: use its key so both sign alike.
      if (isNodeError(error) && error.code === 'EEXIST') {
        return LocalIssuer.fromKeyFileText(await readFile(file, 'utf8'), file);
      }
      throw error;
    }
    return issuer;
  }

  private static async fromKeyFileText(text: string, file: string): Promise<LocalIssuer> {
    try {
      const parsed: unknown = JSON.parse(text);
      if (!isRsaPrivateJwk(parsed)) {
        throw new Error('expected an RSA private JSON Web Key with kty, n, e and d');
      }
      return await LocalIssuer.fromPrivateJwk(parsed);
    } catch (error) {
      const reason = typeof error === 'object' && error !== null && 'message' in error ? String(error.message) : String(error);
      throw new Error(
        `The local token issuer's key file ${file} is corrupt (${reason}). Delete it: gatewaykit creates a new key on the next start.`,
      );
    }
  }

  private static async fromPrivateJwk(jwk: JWK): Promise<LocalIssuer> {
    const privateKey = await importJWK({ ...jwk, alg: LOCAL_ISSUER_ALGORITHM }, LOCAL_ISSUER_ALGORITHM);
    if (!(privateKey instanceof KeyObject) || privateKey.type !== 'private') {
      throw new Error('expected a private key');
    }
    const publicJwk = await exportJWK(createPublicKey(privateKey));
    const kid = await calculateJwkThumbprint(publicJwk);
    const publicKeyJwk: JWK = { ...publicJwk, kid, alg: LOCAL_ISSUER_ALGORITHM, use: 'sig' };
    return new LocalIssuer(kid, privateKey, { ...jwk, kid, alg: LOCAL_ISSUER_ALGORITHM }, publicKeyJwk);
  }

  private constructor(
    /** The key id in every token's header and in the JWKS: the key's RFC 7638 thumbprint. */
    public readonly kid: string,
    private readonly privateKey: KeyObject,
    private readonly privateJwk: JWK,
    private readonly publicJwk: JWK,
  ) {}

  /** The public keys, as an issuer's `jwks_uri` serves them. */
  public jwks(): Jose.JSONWebKeySet {
    return { keys: [{ ...this.publicJwk }] };
  }

  /** Signs a token for any issuer: `iss`, `iat` (now) and `exp` (now + `expiresInSeconds`), then `claims`. */
  public async mint(options: MintOptions, clock: Clock): Promise<string> {
    const issuedAt = Math.floor(clock.now() / 1000);
    return this.sign({
      iss: options.issuer,
      iat: issuedAt,
      exp: issuedAt + (options.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS),
      ...options.claims,
    });
  }

  /** Signs an ID or access token with the claim set Cognito gives tokens of `userPool`. */
  public async mintCognito(options: MintCognitoOptions, clock: Clock): Promise<string> {
    const pool = options.userPool;
    const clientId = options.clientId ?? pool.clientIds[0] ?? localClientId(pool);
    if (pool.clientIds.length > 0 && !pool.clientIds.includes(clientId)) {
      throw new Error(
        `clientId '${clientId}' is not an app client of user pool ${pool.origin.path}; expected one of ${pool.clientIds.join(', ')}`,
      );
    }
    if (options.tokenUse === 'id' && options.scopes !== undefined) {
      throw new Error('scopes apply to Cognito access tokens only; ID tokens carry no scope claim');
    }
    const issuedAt = Math.floor(clock.now() / 1000);
    const claims = cognitoTokenClaims({
      userPool: pool,
      clientId,
      username: options.username ?? DEFAULT_LOCAL_USERNAME,
      tokenUse: options.tokenUse,
      scopes: options.scopes ?? DEFAULT_ACCESS_TOKEN_SCOPES,
      issuedAt,
      expiresAt: issuedAt + (options.expiresInSeconds ?? DEFAULT_TOKEN_LIFETIME_SECONDS),
    });
    return this.sign({ ...claims, ...options.claims });
  }

  /** The JWKS and OIDC discovery document of each issuer, keyed by the URL they are served at. */
  public jwksDocuments(issuers: readonly string[]): Map<string, StaticHttpResponse> {
    return oidcDocuments(issuers, this.jwks());
  }

  private async sign(payload: Record<string, unknown>): Promise<string> {
    return new (jose().SignJWT)(payload).setProtectedHeader({ alg: LOCAL_ISSUER_ALGORITHM, kid: this.kid }).sign(this.privateKey);
  }
}

/** A client id of Cognito's shape (26 lowercase letters and digits), the same for a pool on every run. */
function localClientId(pool: UserPoolModel): string {
  return BigInt(`0x${createHash('sha256').update(`${pool.userPoolId}/local-client`).digest('hex')}`).toString(36).slice(0, 26);
}

async function readKeyFile(file: string): Promise<string | undefined> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    if (isNodeError(error) && error.code === 'ENOENT') {
      return undefined;
    }
    throw error;
  }
}

function isRsaPrivateJwk(value: unknown): value is JWK {
  if (typeof value !== 'object' || value === null) {
    return false;
  }
  const jwk: Record<string, unknown> = { ...value };
  return jwk.kty === 'RSA' && ['n', 'e', 'd'].every((member) => typeof jwk[member] === 'string');
}

/** Duck-typed: errors from Node's fs may come from another realm (test runners' sandboxes), failing `instanceof`. */
function isNodeError(error: unknown): error is NodeJS.ErrnoException {
  return typeof error === 'object' && error !== null && 'code' in error;
}
