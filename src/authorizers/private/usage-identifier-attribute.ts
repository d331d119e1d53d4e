import { Lazy, Resource, Stack, Token, Tokenization } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { IConstruct } from 'constructs';
import type { WarningId } from '../../private/error-ids';
import { validationProblem, warn } from '../../private/errors';

/**
 * The standard attributes an app client can be allowed to write, as Cognito names them (and as they appear as claims).
 * `sub` never changes; the `email_verified` / `phone_number_verified` flags are left out too, so that no user of the
 * library's clients can mark their own address verified.
 */
const WRITABLE_STANDARD_ATTRIBUTES: readonly string[] = [
  'address', 'birthdate', 'email', 'family_name', 'gender', 'given_name', 'locale', 'middle_name', 'name', 'nickname',
  'phone_number', 'picture', 'preferred_username', 'profile', 'updated_at', 'website', 'zoneinfo',
];
const READ_ONLY_STANDARD_ATTRIBUTES: readonly string[] = ['sub', 'email_verified', 'phone_number_verified'];
const CUSTOM_PREFIX = 'custom:';

/** `https://cognito-idp.{region}.amazonaws.com/{userPoolId}`, the issuer of a user pool's tokens. */
const COGNITO_ISSUER = /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com(\.cn)?\/[^/]+$/;

const UNVERIFIED_WARNING: WarningId = '@gatewaykit/usage-identifier-claim-unverified';

/** Attributes of each user pool that a usage identifier claim reads, so that the library's own clients leave them out. */
const usageIdentifierAttributes = new WeakMap<cognito.IUserPool, Set<string>>();

export interface UsageIdentifierSource {
  readonly userPool?: cognito.IUserPool;
  readonly issuer?: string;
  readonly usageIdentifierClaim?: string;
}

/**
 * A claim that copies a user attribute an app client may write (`custom:…` or a standard attribute) lets a signed-in
 * user choose its value with `UpdateUserAttributes`; as the usage identifier, that value is an API key, so a user could
 * pick another customer's. For a pool of this app, every app client of the pool in the app must leave the attribute
 * out of its write attributes (checked at synth; the library's own clients do so). For a pool whose clients the app
 * cannot see (imported, or named by its issuer URL), the user is warned to check them.
 * @param prop the authorizer's prop or construct id, prefix of messages
 */
export function guardUsageIdentifierAttribute(scope: IConstruct, prop: string, source: UsageIdentifierSource): void {
  const claim = source.usageIdentifierClaim;
  if (claim === undefined || Token.isUnresolved(claim) || !isClientWritableAttribute(claim)) {
    return;
  }
  if (source.userPool) {
    checkClientsOf(scope, prop, source.userPool, claim);
  }
  const unseenPool = poolWithUnseenClients(source);
  if (unseenPool) {
    warn(scope, UNVERIFIED_WARNING,
      `${prop}.usageIdentifierClaim reads ${claim} of ${unseenPool}, whose app clients are not all in this app: make sure `
      + `none of them can write ${claim} (give each writeAttributes without it), or a user could set it to another `
      + `customer's API key. Once checked, acknowledge this with Annotations.of(scope).acknowledgeWarning('${UNVERIFIED_WARNING}', reason).`);
  }
}

/**
 * Gives a client the library creates explicit write attributes when a usage identifier claim reads an attribute of its
 * pool: every attribute a client without `writeAttributes` could write, but those. Decided at synth, when every
 * authorizer is bound. A pool the app did not create has attributes the library cannot list; its clients keep
 * Cognito's default and the synth check reports them.
 */
export function excludeUsageIdentifierAttributes(client: cognito.UserPoolClient, userPool: cognito.IUserPool): void {
  const poolResource = userPool.node.defaultChild;
  if (!(poolResource instanceof cognito.CfnUserPool)) {
    return;
  }
  const resource = client.node.defaultChild as cognito.CfnUserPoolClient;
  resource.writeAttributes = Lazy.list({
    produce: () => {
      const excluded = usageIdentifierAttributes.get(userPool);
      return excluded ? writableAttributes(poolResource).filter((attribute) => !excluded.has(attribute)) : undefined;
    },
  });
}

/** Registers `attribute` for the library's clients of `userPool`, and fails synth for any other client that can write it. */
function checkClientsOf(scope: IConstruct, prop: string, userPool: cognito.IUserPool, attribute: string): void {
  usageIdentifierAttributes.set(userPool, (usageIdentifierAttributes.get(userPool) ?? new Set<string>()).add(attribute));
  scope.node.addValidation({
    validate: () => clientsWriting(scope, userPool, attribute).map((client) => writableClientMessage(scope, prop, attribute, client)),
  });
}

/** Names the user pool whose app clients the app cannot all see (imported, or given by its issuer URL), if any. */
function poolWithUnseenClients(source: UsageIdentifierSource): string | undefined {
  if (source.userPool) {
    return Resource.isOwnedResource(source.userPool) ? undefined : `the imported user pool ${source.userPool.node.path}`;
  }
  return isCognitoIssuer(source.issuer) ? `the user pool of issuer ${source.issuer}` : undefined;
}

function isClientWritableAttribute(claim: string): boolean {
  return (claim.startsWith(CUSTOM_PREFIX) && claim.length > CUSTOM_PREFIX.length) || WRITABLE_STANDARD_ATTRIBUTES.includes(claim);
}

function isCognitoIssuer(issuer: string | undefined): boolean {
  return issuer !== undefined && !Token.isUnresolved(issuer) && COGNITO_ISSUER.test(issuer);
}

/** What a client without `writeAttributes` may write in a pool of this app: the standard attributes and its custom ones. */
function writableAttributes(userPool: cognito.CfnUserPool): string[] {
  const schema = userPool.schema;
  const custom = (Array.isArray(schema) ? schema : [])
    .flatMap((attribute) => (Tokenization.isResolvable(attribute) || attribute.name === undefined ? [] : [attribute.name]))
    .filter((name) => !WRITABLE_STANDARD_ATTRIBUTES.includes(name) && !READ_ONLY_STANDARD_ATTRIBUTES.includes(name))
    .map((name) => `${CUSTOM_PREFIX}${name}`);
  return [...WRITABLE_STANDARD_ATTRIBUTES, ...custom];
}

/** An app client that can write the attribute, and why. */
interface WritingClient {
  readonly path: string;
  readonly reason: string;
}

/** The app clients of `userPool` anywhere in the app that can write `attribute`, or whose write attributes are unknown. */
function clientsWriting(scope: IConstruct, userPool: cognito.IUserPool, attribute: string): WritingClient[] {
  return scope.node.root.node.findAll()
    .filter((node): node is cognito.CfnUserPoolClient => node instanceof cognito.CfnUserPoolClient && node.userPoolId === userPool.userPoolId)
    .flatMap((resource) => {
      const reason = writeAccess(Stack.of(resource).resolve(resource.writeAttributes), attribute);
      // Name the L2 client the user wrote, not its `Resource` child.
      const client = resource.node.scope?.node.defaultChild === resource ? resource.node.scope : resource;
      return reason === undefined ? [] : [{ path: client.node.path, reason }];
    });
}

/** Why a client whose resolved `WriteAttributes` are `written` can write `attribute`; undefined when it cannot. */
function writeAccess(written: unknown, attribute: string): string | undefined {
  if (written === undefined) {
    return 'it sets no writeAttributes, so every attribute is writable';
  }
  if (!Array.isArray(written) || !written.every((item) => typeof item === 'string')) {
    return 'its writeAttributes are not known at synth';
  }
  return written.includes(attribute) ? `its writeAttributes include ${attribute}` : undefined;
}

function writableClientMessage(scope: IConstruct, prop: string, attribute: string, client: WritingClient): string {
  return validationProblem('UsageIdentifierClaimWritable', scope, `${prop}.usageIdentifierClaim is '${attribute}', but app client `
    + `${client.path} can write that attribute (${client.reason}): a user could set it to another customer's API key. Give `
    + `the client writeAttributes without ${attribute}, e.g. new cognito.ClientAttributes().withStandardAttributes({ email: true }).`);
}
