import { randomUUID } from 'node:crypto';
import type * as FastXmlParser from 'fast-xml-parser';
import { DeployedStack } from './deployed-stacks';
import { accessDeniedMessage, FaultPlan } from './faults';
import { lazyRequire } from '../lazy-require';

const XMLNS = 'http://cloudformation.amazonaws.com/doc/2010-05-15/';
let builder: FastXmlParser.XMLBuilder | undefined;
/** Built on the first CloudFormation call: most runs of the control plane make none. */
const xml = (): FastXmlParser.XMLBuilder => (builder ??= new (lazyRequire<typeof FastXmlParser>('fast-xml-parser')().XMLBuilder)({ ignoreAttributes: false, suppressEmptyNode: false }));

/** An answer of the local CloudFormation: status and XML body. */
export interface QueryResponse {
  readonly status: number;
  readonly body: string;
}

/**
 * The CloudFormation calls that resolve `--stack`/`--api` to ids (its query protocol: a form-encoded POST with an
 * `Action`, answered in XML): `GetTemplate`, `DescribeStackResources` and `ListStackResources` over the served app's
 * stacks, with the local physical ids.
 */
export function answerCloudFormation(form: URLSearchParams, stacks: readonly DeployedStack[], faults: FaultPlan): QueryResponse {
  const action = form.get('Action') ?? '';
  const fault = faults.get(action);
  if (fault) {
    return fault === 'AccessDenied'
      ? error(403, 'AccessDenied', accessDeniedMessage('cloudformation', action))
      : error(400, 'Throttling', 'Rate exceeded');
  }
  const stackName = form.get('StackName') ?? '';
  const stack = stacks.find((s) => s.stackName === stackName || s.stackId === stackName);
  if (!['GetTemplate', 'DescribeStackResources', 'ListStackResources'].includes(action)) {
    return error(400, 'InvalidAction', `The action ${action} is not valid for this web service (the local control plane answers GetTemplate, DescribeStackResources and ListStackResources)`);
  }
  if (!stack) {
    return error(400, 'ValidationError', `Stack with id ${stackName} does not exist`);
  }
  const now = new Date().toISOString();
  switch (action) {
    case 'GetTemplate':
      return ok(action, { TemplateBody: stack.templateBody, StagesAvailable: { member: ['Original', 'Processed'] } });
    case 'DescribeStackResources':
      return ok(action, {
        StackResources: {
          member: stack.resources.map((r) => ({
            StackName: stack.stackName, StackId: stack.stackId, LogicalResourceId: r.logicalId, PhysicalResourceId: r.physicalId, ResourceType: r.type, Timestamp: now, ResourceStatus: 'CREATE_COMPLETE',
          })),
        },
      });
    default:
      return ok(action, {
        StackResourceSummaries: {
          member: stack.resources.map((r) => ({
            LogicalResourceId: r.logicalId, PhysicalResourceId: r.physicalId, ResourceType: r.type, LastUpdatedTimestamp: now, ResourceStatus: 'CREATE_COMPLETE',
          })),
        },
      });
  }
}

function ok(action: string, result: Record<string, unknown>): QueryResponse {
  return {
    status: 200,
    body: xml().build({
      [`${action}Response`]: { '@_xmlns': XMLNS, [`${action}Result`]: result, 'ResponseMetadata': { RequestId: randomUUID() } },
    }),
  };
}

function error(status: number, code: string, message: string): QueryResponse {
  return {
    status,
    body: xml().build({ ErrorResponse: { '@_xmlns': XMLNS, 'Error': { Type: 'Sender', Code: code, Message: message }, 'RequestId': randomUUID() } }),
  };
}
