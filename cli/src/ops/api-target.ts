import { GetTemplateCommand, ListStackResourcesCommand, StackResourceSummary } from '@aws-sdk/client-cloudformation';
import { parse as parseYaml } from 'yaml';
import { awsCall } from './aws-errors';
import { ApiSelector, AwsClients } from './aws-options';
import { UsageError } from '../cli/args';

const REST_API = 'AWS::ApiGateway::RestApi';

/** A template resource as the resolution reads it. */
export interface TemplateResource {
  readonly Type?: string;
  readonly Properties?: Record<string, unknown>;
  readonly Metadata?: Record<string, unknown>;
}

/** The API a command acts on: its id, and, when named by stack, the stack's template and physical ids. */
export interface ApiTarget {
  readonly restApiId: string;
  readonly stack?: {
    readonly name: string;
    readonly resources: Readonly<Record<string, TemplateResource>>;
    /** Physical id by logical id. */
    readonly physicalIds: ReadonlyMap<string, string>;
  };
}

/**
 * Resolves `--stack`/`--api` to the REST API's id: the stack's template (`GetTemplate`) gives the logical id of the
 * `AWS::ApiGateway::RestApi` whose construct path (`aws:cdk:path`, which `cdk deploy` writes) is the one given or lies
 * under it, and `ListStackResources` its physical id. `--api-id` is taken as it is.
 */
export async function resolveApi(selector: ApiSelector, clients: AwsClients): Promise<ApiTarget> {
  if (selector.apiId !== undefined) {
    return { restApiId: selector.apiId };
  }
  const stackName = selector.stack!;
  const body = (await awsCall('GetTemplate', () => clients.cloudFormation.send(new GetTemplateCommand({ StackName: stackName })))).TemplateBody ?? '{}';
  const resources = (parseYaml(body) as { Resources?: Record<string, TemplateResource> }).Resources ?? {};
  const physicalIds = new Map((await listResources(clients, stackName)).map((r) => [r.LogicalResourceId!, r.PhysicalResourceId ?? '']));
  const logicalId = restApiLogicalId(stackName, selector.api!, resources);
  const restApiId = physicalIds.get(logicalId);
  if (!restApiId) {
    throw new UsageError(`the REST API ${logicalId} of stack ${stackName} has no physical id yet: is the stack deployed?`);
  }
  return { restApiId, stack: { name: stackName, resources, physicalIds } };
}

async function listResources(clients: AwsClients, stackName: string): Promise<StackResourceSummary[]> {
  const all: StackResourceSummary[] = [];
  let nextToken: string | undefined;
  do {
    const page = await awsCall('ListStackResources', () => clients.cloudFormation.send(new ListStackResourcesCommand({ StackName: stackName, NextToken: nextToken })));
    all.push(...(page.StackResourceSummaries ?? []));
    nextToken = page.NextToken;
  } while (nextToken);
  return all;
}

function restApiLogicalId(stackName: string, api: string, resources: Readonly<Record<string, TemplateResource>>): string {
  const wanted = api.startsWith(`${stackName}/`) ? api : `${stackName}/${api}`;
  const apis = Object.entries(resources).filter(([, r]) => r.Type === REST_API);
  const byLogicalId = apis.filter(([logicalId]) => logicalId === api);
  const exact = apis.filter(([, r]) => constructPath(r) === wanted);
  const under = apis.filter(([, r]) => constructPath(r)?.startsWith(`${wanted}/`));
  const matches = [byLogicalId, exact, under].find((list) => list.length > 0) ?? [];
  if (matches.length !== 1) {
    const known = apis.map(([logicalId, r]) => constructPath(r) ?? logicalId).join(', ') || 'none';
    throw new UsageError(`--api '${api}' matches ${matches.length === 0 ? 'no REST API' : 'several REST APIs'} of stack ${stackName}; its REST APIs are ${known}`);
  }
  return matches[0][0];
}

/** The resource's construct path without the `/Resource` or `/Default` an L2's CloudFormation resource adds. */
function constructPath(resource: TemplateResource): string | undefined {
  const path = resource.Metadata?.['aws:cdk:path'];
  return typeof path === 'string' ? path.replace(/\/(Resource|Default)$/, '') : undefined;
}
