import { AuthorizerOutputError, describeValue, isPlainObject } from './authorizer-output-error';
import { matchesIamWildcard } from './iam-wildcard';

/** The action every API Gateway invocation is evaluated as. */
export const INVOKE_ACTION = 'execute-api:Invoke';

/** One statement of a policy, with `Action`/`Resource` and their `Not` forms normalised to lists. */
export interface PolicyStatement {
  readonly effect: 'Allow' | 'Deny';
  /** `Action`, when the statement uses it (exactly one of `actions` and `notActions` is set). */
  readonly actions?: readonly string[];
  readonly notActions?: readonly string[];
  /** `Resource`, when the statement uses it (exactly one of `resources` and `notResources` is set). */
  readonly resources?: readonly string[];
  readonly notResources?: readonly string[];
  /** True when the statement has a `Condition` block; see {@link evaluatePolicy} for what that means locally. */
  readonly hasCondition: boolean;
}

/** A policy document returned by a Lambda authorizer, validated. */
export interface PolicyDocument {
  readonly version?: string;
  readonly statements: readonly PolicyStatement[];
}

export type PolicyDecision = 'ALLOW' | 'EXPLICIT_DENY' | 'IMPLICIT_DENY';

/**
 * Validates a `policyDocument` as returned by a Lambda authorizer. Throws {@link AuthorizerOutputError} naming what is
 * wrong: the document or a statement not an object, no `Statement`, an `Effect` other than `Allow`/`Deny`, or an
 * `Action`/`Resource` (or their `Not` forms) missing or not a string or a list of strings.
 */
export function parsePolicyDocument(value: unknown): PolicyDocument {
  if (!isPlainObject(value)) {
    throw new AuthorizerOutputError(`policyDocument must be an object, received ${describeValue(value)}`);
  }
  const version = value.Version;
  if (version !== undefined && typeof version !== 'string') {
    throw new AuthorizerOutputError(`policyDocument.Version must be a string, received ${describeValue(version)}`);
  }
  const statement = value.Statement;
  if (statement === undefined) {
    throw new AuthorizerOutputError('policyDocument has no Statement; expected a statement object or a list of them');
  }
  const rawStatements: readonly unknown[] = Array.isArray(statement) ? statement : [statement];
  if (!Array.isArray(statement) && !isPlainObject(statement)) {
    throw new AuthorizerOutputError(
      `policyDocument.Statement must be an object or a list of objects, received ${describeValue(statement)}`,
    );
  }
  return {
    version,
    statements: rawStatements.map((raw, index) => parseStatement(raw, `policyDocument.Statement[${index}]`)),
  };
}

/**
 * Each policy's decisions by method ARN: a cached Lambda authorizer result is evaluated again on every request it
 * serves, mostly for the same few methods. A policy is never changed once parsed, and is forgotten with it.
 */
const decisions = new WeakMap<PolicyDocument, Map<string, PolicyDecision>>();
const MAX_DECISIONS_PER_POLICY = 1000;

/**
 * Evaluates a policy for `execute-api:Invoke` on `methodArn` as IAM does: an explicit Deny wins, then any Allow, and
 * no matching statement is an implicit deny. Actions match case-insensitively (the IAM reference: "The prefix and
 * the action name are case insensitive"); resources match case-sensitively; `*` and `?` are IAM wildcards.
 *
 * A statement with a `Condition` never matches, neither to allow nor to deny: the local runtime does not model the
 * request context condition keys read (source IP, time, tags). Whether API Gateway evaluates conditions in
 * authorizer policies is not documented (uncertain).
 */
export function evaluatePolicy(policy: PolicyDocument, methodArn: string): PolicyDecision {
  let byArn = decisions.get(policy);
  if (byArn === undefined) {
    byArn = new Map();
    decisions.set(policy, byArn);
  }
  let decision = byArn.get(methodArn);
  if (decision === undefined) {
    decision = decide(policy, methodArn);
    if (byArn.size >= MAX_DECISIONS_PER_POLICY) {
      byArn.clear();
    }
    byArn.set(methodArn, decision);
  }
  return decision;
}

function decide(policy: PolicyDocument, methodArn: string): PolicyDecision {
  const applicable = policy.statements.filter((statement) => statementApplies(statement, methodArn));
  if (applicable.some((statement) => statement.effect === 'Deny')) {
    return 'EXPLICIT_DENY';
  }
  return applicable.some((statement) => statement.effect === 'Allow') ? 'ALLOW' : 'IMPLICIT_DENY';
}

function statementApplies(statement: PolicyStatement, methodArn: string): boolean {
  if (statement.hasCondition) {
    return false;
  }
  const actionMatches = (pattern: string) => matchesIamWildcard(pattern, INVOKE_ACTION, { caseInsensitive: true });
  const resourceMatches = (pattern: string) => matchesIamWildcard(pattern, methodArn, { caseInsensitive: false });
  const actionApplies = statement.actions
    ? statement.actions.some(actionMatches)
    : !(statement.notActions ?? []).some(actionMatches);
  const resourceApplies = statement.resources
    ? statement.resources.some(resourceMatches)
    : !(statement.notResources ?? []).some(resourceMatches);
  return actionApplies && resourceApplies;
}

function parseStatement(raw: unknown, where: string): PolicyStatement {
  if (!isPlainObject(raw)) {
    throw new AuthorizerOutputError(`${where} must be an object, received ${describeValue(raw)}`);
  }
  const effect = effectOf(raw.Effect);
  if (effect === undefined) {
    throw new AuthorizerOutputError(`${where}.Effect must be "Allow" or "Deny", received ${describeValue(raw.Effect)}`);
  }
  const action = pickOneOf(raw, 'Action', 'NotAction', where);
  const resource = pickOneOf(raw, 'Resource', 'NotResource', where);
  return {
    effect,
    ...(action.negated ? { notActions: action.values } : { actions: action.values }),
    ...(resource.negated ? { notResources: resource.values } : { resources: resource.values }),
    hasCondition: raw.Condition !== undefined,
  };
}

/**
 * `Allow` or `Deny` in any case. The IAM reference calls the value case sensitive
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_effect.html), but API Gateway accepts
 * `allow` and `deny` from a Lambda authorizer: aws-cdk's integ test `integ.token-authorizer.ts`
 * (framework-integ/test/aws-apigateway/test/authorizers) returns them and asserts 200 and the explicit-deny 403
 * against AWS (uncertain: recorded, not documented).
 */
function effectOf(value: unknown): PolicyStatement['effect'] | undefined {
  const lower = typeof value === 'string' ? value.toLowerCase() : undefined;
  return lower === 'allow' ? 'Allow' : lower === 'deny' ? 'Deny' : undefined;
}

function pickOneOf(
  raw: Record<string, unknown>,
  key: 'Action' | 'Resource',
  notKey: 'NotAction' | 'NotResource',
  where: string,
): { negated: boolean; values: readonly string[] } {
  const positive = raw[key];
  const negative = raw[notKey];
  if (positive !== undefined && negative !== undefined) {
    throw new AuthorizerOutputError(`${where} has both ${key} and ${notKey}; expected exactly one of them`);
  }
  if (positive === undefined && negative === undefined) {
    throw new AuthorizerOutputError(`${where} has no ${key}; expected ${key} or ${notKey} as a string or a list of strings`);
  }
  const negated = positive === undefined;
  return { negated, values: stringList(negated ? negative : positive, `${where}.${negated ? notKey : key}`) };
}

function stringList(value: unknown, where: string): readonly string[] {
  if (typeof value === 'string') {
    return [value];
  }
  if (Array.isArray(value) && value.length > 0 && value.every((item) => typeof item === 'string')) {
    return value;
  }
  throw new AuthorizerOutputError(`${where} must be a string or a non-empty list of strings, received ${describeValue(value)}`);
}
