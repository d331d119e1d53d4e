/** How a parameter's string value becomes a field of the action's JSON request. */
type ParameterKind = 'string' | 'number' | 'json';

/** One first-class service integration: the AWS JSON-protocol action it calls and the parameters it takes. */
interface ServiceAction {
  /** The SigV4 signing name. */
  readonly service: string;
  /** `X-Amz-Target`. */
  readonly target: string;
  /** `application/x-amz-json-{version}`. */
  readonly jsonVersion: '1.0' | '1.1';
  readonly parameters: Readonly<Record<string, ParameterKind>>;
  /** Wraps the parameters when the action's request nests them (PutEvents takes a list of entries). */
  readonly wrap?: (fields: Record<string, unknown>) => Record<string, unknown>;
}

/**
 * The `IntegrationSubtype`s served, with their parameters as API Gateway documents them; `Region` (which region to
 * call) is accepted by every one. AppConfig-GetConfiguration, a REST-JSON action, is not served.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/http-api-develop-integrations-aws-services-reference.html
 */
const SERVICE_ACTIONS: Readonly<Record<string, ServiceAction>> = {
  'EventBridge-PutEvents': {
    service: 'events',
    target: 'AWSEvents.PutEvents',
    jsonVersion: '1.1',
    parameters: { Detail: 'string', DetailType: 'string', Source: 'string', Time: 'string', EventBusName: 'string', Resources: 'json', TraceHeader: 'string' },
    wrap: (entry) => ({ Entries: [entry] }),
  },
  'SQS-SendMessage': {
    service: 'sqs',
    target: 'AmazonSQS.SendMessage',
    jsonVersion: '1.0',
    parameters: {
      QueueUrl: 'string',
      MessageBody: 'string',
      DelaySeconds: 'number',
      MessageAttributes: 'json',
      MessageDeduplicationId: 'string',
      MessageGroupId: 'string',
      MessageSystemAttributes: 'json',
    },
  },
  'SQS-ReceiveMessage': {
    service: 'sqs',
    target: 'AmazonSQS.ReceiveMessage',
    jsonVersion: '1.0',
    parameters: {
      QueueUrl: 'string',
      AttributeNames: 'json',
      MaxNumberOfMessages: 'number',
      MessageAttributeNames: 'json',
      ReceiveRequestAttemptId: 'string',
      VisibilityTimeout: 'number',
      WaitTimeSeconds: 'number',
    },
  },
  'SQS-DeleteMessage': { service: 'sqs', target: 'AmazonSQS.DeleteMessage', jsonVersion: '1.0', parameters: { QueueUrl: 'string', ReceiptHandle: 'string' } },
  'SQS-PurgeQueue': { service: 'sqs', target: 'AmazonSQS.PurgeQueue', jsonVersion: '1.0', parameters: { QueueUrl: 'string' } },
  'Kinesis-PutRecord': {
    service: 'kinesis',
    target: 'Kinesis_20131202.PutRecord',
    jsonVersion: '1.1',
    parameters: { StreamName: 'string', Data: 'string', PartitionKey: 'string', SequenceNumberForOrdering: 'string', ExplicitHashKey: 'string' },
  },
  'StepFunctions-StartExecution': {
    service: 'states', target: 'AWSStepFunctions.StartExecution', jsonVersion: '1.0', parameters: { StateMachineArn: 'string', Name: 'string', Input: 'string' },
  },
  'StepFunctions-StartSyncExecution': {
    service: 'states',
    target: 'AWSStepFunctions.StartSyncExecution',
    jsonVersion: '1.0',
    parameters: { StateMachineArn: 'string', Name: 'string', Input: 'string', TraceHeader: 'string' },
  },
  'StepFunctions-StopExecution': {
    service: 'states', target: 'AWSStepFunctions.StopExecution', jsonVersion: '1.0', parameters: { ExecutionArn: 'string', Cause: 'string', Error: 'string' },
  },
};

/** An action's request: who signs it for which service, its headers and JSON body. */
export interface ServiceActionRequest {
  readonly service: string;
  readonly region: string;
  readonly headers: [string, string][];
  readonly body: string;
}

export function isServedSubtype(subtype: string): boolean {
  return Object.prototype.hasOwnProperty.call(SERVICE_ACTIONS, subtype);
}

/**
 * The JSON-protocol request of the subtype's action from its evaluated parameters (empty ones left out, numbers and
 * JSON values parsed); undefined for a subtype that is not served.
 */
export function serviceActionRequest(
  subtype: string, parameters: Readonly<Record<string, string>>, defaultRegion: string,
): ServiceActionRequest | undefined {
  if (!isServedSubtype(subtype)) {
    return undefined;
  }
  const action = SERVICE_ACTIONS[subtype];
  const fields: Record<string, unknown> = {};
  for (const [name, kind] of Object.entries(action.parameters)) {
    const value = parameters[name];
    if (value !== undefined && value !== '') {
      fields[name] = kind === 'number' ? Number(value) : kind === 'json' ? parseJsonOrText(value) : value;
    }
  }
  return {
    service: action.service,
    region: parameters.Region || defaultRegion,
    headers: [['Content-Type', `application/x-amz-json-${action.jsonVersion}`], ['X-Amz-Target', action.target]],
    body: JSON.stringify(action.wrap ? action.wrap(fields) : fields),
  };
}

function parseJsonOrText(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
