import { readCloudAssembly } from '../assembly/cloud-assembly';
import { isJsonObject, readJsonObject } from '../assembly/json';
import { LoadedStack } from '../assembly/loaded-stack';
import { loadStacks } from '../assembly/stack-set';
import { UnsupportedReport } from '../assembly/unsupported';
import { DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../model';

/** The resource types integ-tests-alpha's assertions create: `Custom::DeployAssert@HttpCall…`, `…@SdkCall…`, `…@AssertEquals`. */
const ASSERTION_TYPE_PREFIX = 'Custom::DeployAssert@';
const STATE_MACHINE = 'AWS::StepFunctions::StateMachine';

/** One assertion custom resource of an `IntegTest`'s assertion stack. */
export interface AssertionResource {
  readonly stack: LoadedStack;
  readonly logicalId: string;
  readonly type: string;
  /** The assertions it needs first: its `DependsOn` (`next()` chains) and the ones whose attributes it reads. */
  readonly dependsOn: readonly string[];
}

/** The assertions of an app in the order CloudFormation could create them, and its state machines by `Ref`. */
export interface AssertionPlan {
  /** Every stack of the app, resolved as the runtime resolves them. */
  readonly stacks: readonly LoadedStack[];
  readonly assertions: readonly AssertionResource[];
  readonly stateMachines: ReadonlyMap<string, { readonly stack: LoadedStack; readonly logicalId: string }>;
}

/**
 * Reads the assertion custom resources of every stack of the assembly, with intrinsics resolved as the runtime
 * resolves them (the same local ids on every load), ordered so that each comes after those it depends on.
 */
export function planAssertions(assemblyDir: string, environment: { readonly region?: string; readonly accountId?: string } = {}): AssertionPlan {
  const stacks = loadStacks(
    readCloudAssembly(assemblyDir),
    { region: environment.region ?? DEFAULT_REGION, accountId: environment.accountId ?? DEFAULT_ACCOUNT_ID },
    new UnsupportedReport(),
  );
  const assertions: AssertionResource[] = [];
  const stateMachines = new Map<string, { stack: LoadedStack; logicalId: string }>();
  for (const stack of stacks) {
    const present = stack.presentResources();
    const assertionIds = new Set(present.filter(([, r]) => r.type.startsWith(ASSERTION_TYPE_PREFIX)).map(([id]) => id));
    const explicitDependencies = assertionIds.size === 0 ? undefined : dependsOnOf(stack.template.file);
    for (const [logicalId, resource] of present) {
      if (resource.type === STATE_MACHINE) {
        stateMachines.set(String(stack.resourceRef(logicalId)), { stack, logicalId });
      } else if (assertionIds.has(logicalId)) {
        const referenced = [...explicitDependencies?.get(logicalId) ?? [], ...referencedIds(resource.properties)]
          .filter((id) => assertionIds.has(id) && id !== logicalId);
        assertions.push({ stack, logicalId, type: resource.type, dependsOn: [...new Set(referenced)] });
      }
    }
  }
  return { stacks, assertions: dependencyOrder(assertions), stateMachines };
}

/** The `DependsOn` of each resource of a template (which the runtime's template reader leaves out: serving ignores it). */
function dependsOnOf(templateFile: string): Map<string, string[]> {
  const resources = readJsonObject(templateFile, 'stack template').Resources;
  const result = new Map<string, string[]>();
  for (const [id, resource] of Object.entries(isJsonObject(resources) ? resources : {})) {
    const dependsOn = isJsonObject(resource) ? resource.DependsOn : undefined;
    result.set(id, (Array.isArray(dependsOn) ? dependsOn : [dependsOn]).filter((d): d is string => typeof d === 'string'));
  }
  return result;
}

/** The logical ids a template value refers to with `Ref` or `Fn::GetAtt`. */
function referencedIds(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(referencedIds);
  if (typeof value !== 'object' || value === null) return [];
  const object = value as Record<string, unknown>;
  const ids: string[] = [];
  if (typeof object.Ref === 'string') ids.push(object.Ref);
  const getAtt = object['Fn::GetAtt'];
  if (Array.isArray(getAtt) && typeof getAtt[0] === 'string') ids.push(getAtt[0]);
  if (typeof getAtt === 'string') ids.push(getAtt.split('.')[0]);
  return [...ids, ...Object.values(object).flatMap(referencedIds)];
}

/** Template order, except that an assertion comes after those it depends on (a cycle keeps template order). */
function dependencyOrder(assertions: readonly AssertionResource[]): AssertionResource[] {
  const byKey = new Map(assertions.map((a) => [key(a.stack, a.logicalId), a]));
  const ordered: AssertionResource[] = [];
  const placed = new Set<string>();
  const visiting = new Set<string>();
  const place = (assertion: AssertionResource) => {
    const own = key(assertion.stack, assertion.logicalId);
    if (placed.has(own) || visiting.has(own)) return;
    visiting.add(own);
    for (const id of assertion.dependsOn) {
      const dependency = byKey.get(key(assertion.stack, id));
      if (dependency) place(dependency);
    }
    placed.add(own);
    ordered.push(assertion);
  };
  assertions.forEach(place);
  return ordered;
}

function key(stack: LoadedStack, logicalId: string): string {
  return `${stack.stackName}/${logicalId}`;
}
