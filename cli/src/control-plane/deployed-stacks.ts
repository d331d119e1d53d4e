import * as fs from 'node:fs';
import { readCloudAssembly } from '../assembly/cloud-assembly';
import { LoadedStack } from '../assembly/loaded-stack';
import { loadStacks } from '../assembly/stack-set';
import { UnsupportedReport } from '../assembly/unsupported';

/** One resource of a stack as CloudFormation describes it once deployed. */
export interface DeployedResource {
  readonly logicalId: string;
  readonly type: string;
  /** The local physical id: what `Ref` resolves to in the served app. */
  readonly physicalId: string;
}

/** A stack of the served app as if deployed: its template as written and its resources with their local ids. */
export interface DeployedStack {
  readonly stackName: string;
  readonly stackId: string;
  /** The template file's text, as `GetTemplate` returns it. */
  readonly templateBody: string;
  readonly resources: readonly DeployedResource[];
  /** One resolved property of one resource; undefined when absent or not resolvable locally. */
  property(logicalId: string, name: string): unknown;
}

/** The app's stacks (nested ones included) as the local CloudFormation reports them. */
export function deployedStacks(assemblyDir: string, environment: { region: string; accountId: string }): DeployedStack[] {
  return loadStacks(readCloudAssembly(assemblyDir), environment, new UnsupportedReport()).map((stack) => ({
    stackName: stack.stackName,
    stackId: stack.pseudoParameters.stackId,
    templateBody: templateWithPaths(stack),
    resources: stack.presentResources().map(([logicalId, { type }]) => ({ logicalId, type, physicalId: physicalIdOf(stack, logicalId) })),
    property: (logicalId, name) => {
      try {
        return stack.property(logicalId, name);
      } catch {
        return undefined;
      }
    },
  }));
}

/**
 * The template as `cdk deploy` deploys it: with each resource's construct path in its `aws:cdk:path` metadata, which
 * the CDK CLI adds and an app synthesized without it (as tests are) lacks; the cloud assembly's manifest has them.
 */
function templateWithPaths(stack: LoadedStack): string {
  const template = JSON.parse(fs.readFileSync(stack.template.file, 'utf8')) as { Resources?: Record<string, { Metadata?: Record<string, unknown> }> };
  for (const [logicalId, resource] of Object.entries(template.Resources ?? {})) {
    const constructPath = stack.source.constructPaths?.get(logicalId);
    if (constructPath !== undefined && resource.Metadata?.['aws:cdk:path'] === undefined) {
      resource.Metadata = { ...resource.Metadata, 'aws:cdk:path': constructPath };
    }
  }
  return JSON.stringify(template, undefined, 1);
}

/** What `Ref` gives; a resource whose name cannot be resolved locally gets a stand-in naming it. */
function physicalIdOf(stack: LoadedStack, logicalId: string): string {
  try {
    return String(stack.resourceRef(logicalId));
  } catch {
    return `${stack.stackName}-${logicalId}`;
  }
}
