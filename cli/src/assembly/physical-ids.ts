import { functionArn, unqualifiedFunctionArn } from './lambda-arns';
import { ALPHANUMERIC, stableToken, stableUuid } from './stable-ids';

/** A resource as its physical ids need it: identity, environment, and its own properties, resolved on demand. */
export interface PhysicalResource {
  readonly type: string;
  readonly logicalId: string;
  readonly stackName: string;
  readonly region: string;
  readonly accountId: string;
  /** One property of the resource, resolved; undefined when absent. */
  property(name: string): unknown;
}

interface PhysicalType {
  readonly ref: (resource: PhysicalResource) => string;
  readonly attributes?: Readonly<Record<string, (resource: PhysicalResource) => unknown>>;
}

/** What `Ref` of the resource returns locally: the same on every run for the same stack name and logical id. */
export function physicalRef(resource: PhysicalResource): string {
  return (PHYSICAL_TYPES[resource.type] ?? GENERIC).ref(resource);
}

/**
 * What `Fn::GetAtt` returns locally: the type's known attributes, the id for `Id`-named attributes, a well-formed
 * ARN for `Arn`, else a readable placeholder `{{LogicalId.Attribute}}`.
 */
export function physicalAttribute(resource: PhysicalResource, attribute: string): unknown {
  const known = PHYSICAL_TYPES[resource.type];
  const attributeOf = known?.attributes?.[attribute];
  if (attributeOf) return attributeOf(resource);
  const isCustom = resource.type.startsWith('Custom::') || resource.type === 'AWS::CloudFormation::CustomResource';
  if (!isCustom && [`${shortTypeName(resource)}Id`, 'Id'].some((name) => name.toLowerCase() === attribute.toLowerCase())) {
    return physicalRef(resource);
  }
  if (!isCustom && attribute === 'Arn') return genericArn(resource);
  return `{{${resource.logicalId}.${attribute}}}`;
}

/** `{parent}-{logicalId}`: CloudFormation adds a random suffix, which would change on every run. */
export function nestedStackName(parentStackName: string, logicalId: string): string {
  return `${parentStackName}-${logicalId}`;
}

export function stackId(region: string, accountId: string, stackName: string): string {
  return `arn:aws:cloudformation:${region}:${accountId}:stack/${stackName}/${stableUuid([stackName, 'StackId'])}`;
}

function token(resource: PhysicalResource, length: number, kind = 'ref', alphabet?: string): string {
  return stableToken([resource.stackName, resource.logicalId, kind], length, alphabet);
}

function idOf(length: number): PhysicalType {
  return { ref: (resource) => token(resource, length) };
}

/** The resource's name property when the template sets it, else `{logicalId}-{hash}`. */
function named(property: string): (resource: PhysicalResource) => string {
  return (resource) => {
    const name = resource.property(property);
    return typeof name === 'string' ? name : `${resource.logicalId}-${token(resource, 8)}`;
  };
}

/** `{stackName}-{logicalId}` as CloudFormation names functions, shortened with a hash to Lambda's 64 characters. */
function functionNameOf(resource: PhysicalResource): string {
  const name = resource.property('FunctionName');
  if (typeof name === 'string') return name;
  const generated = `${resource.stackName}-${resource.logicalId}`;
  return generated.length <= 64 ? generated : `${generated.slice(0, 55)}-${token(resource, 8)}`;
}

/** The unqualified ARN of the function an alias or version belongs to (`FunctionName` is a name or an ARN). */
function targetFunctionArn(resource: PhysicalResource): string {
  const target = String(resource.property('FunctionName'));
  return target.startsWith('arn:') ? unqualifiedFunctionArn(target) : functionArn(resource.region, resource.accountId, target);
}

function aliasArn(resource: PhysicalResource): string {
  return `${targetFunctionArn(resource)}:${String(resource.property('Name'))}`;
}

function userPoolId(resource: PhysicalResource): string {
  return `${resource.region}_${token(resource, 9, 'ref', ALPHANUMERIC)}`;
}

function arn(service: string, resource: PhysicalResource, suffix: string, regional = true): string {
  return `arn:aws:${service}:${regional ? resource.region : ''}:${service === 's3' ? '' : resource.accountId}:${suffix}`;
}

function shortTypeName(resource: PhysicalResource): string {
  return resource.type.split('::').pop() ?? resource.type;
}

function genericArn(resource: PhysicalResource): string {
  const service = (resource.type.split('::')[1] ?? 'unknown').toLowerCase();
  return arn(service, resource, `${shortTypeName(resource).toLowerCase()}/${physicalRef(resource)}`);
}

const GENERIC: PhysicalType = { ref: (resource) => `${resource.logicalId}-${token(resource, 8)}` };
const REST_CHILD = idOf(6);
const HTTP_CHILD = idOf(7);
const STAGE: PhysicalType = { ref: (resource) => String(resource.property('StageName')) };

const bucketName = (resource: PhysicalResource) => {
  const name = resource.property('BucketName');
  return typeof name === 'string' ? name : `${resource.logicalId.toLowerCase()}-${token(resource, 8)}`;
};
const queueName = named('QueueName');
const topicName = named('TopicName');
const topicArn = (resource: PhysicalResource) => arn('sns', resource, topicName(resource));

const PHYSICAL_TYPES: Readonly<Record<string, PhysicalType>> = {
  'AWS::Lambda::Function': {
    ref: functionNameOf,
    attributes: { Arn: (resource) => functionArn(resource.region, resource.accountId, functionNameOf(resource)) },
  },
  'AWS::Lambda::Alias': { ref: aliasArn, attributes: { AliasArn: aliasArn, Arn: aliasArn } },
  'AWS::Lambda::Version': {
    // One local version per function: every version runs the same code here.
    ref: (resource) => `${targetFunctionArn(resource)}:1`,
    attributes: { Version: () => '1', FunctionArn: targetFunctionArn, Arn: (resource) => `${targetFunctionArn(resource)}:1` },
  },
  'AWS::ApiGateway::RestApi': { ref: (resource) => token(resource, 10), attributes: { RootResourceId: (resource) => token(resource, 10, 'root') } },
  'AWS::ApiGateway::Resource': REST_CHILD,
  'AWS::ApiGateway::Method': REST_CHILD,
  'AWS::ApiGateway::Authorizer': REST_CHILD,
  'AWS::ApiGateway::Deployment': REST_CHILD,
  'AWS::ApiGateway::RequestValidator': REST_CHILD,
  'AWS::ApiGateway::UsagePlan': REST_CHILD,
  'AWS::ApiGateway::UsagePlanKey': REST_CHILD,
  'AWS::ApiGateway::GatewayResponse': REST_CHILD,
  'AWS::ApiGateway::ApiKey': idOf(10),
  // Ref of a model is its name, which is what `RequestModels` holds; names are alphanumeric.
  'AWS::ApiGateway::Model': {
    ref: (resource) => {
      const name = resource.property('Name');
      return typeof name === 'string' ? name : `${resource.logicalId.replace(/[^A-Za-z0-9]/g, '')}${token(resource, 6)}`;
    },
  },
  'AWS::ApiGateway::Stage': STAGE,
  'AWS::ApiGatewayV2::Api': {
    ref: (resource) => token(resource, 10),
    attributes: {
      ApiEndpoint: (resource) => `${resource.property('ProtocolType') === 'WEBSOCKET' ? 'wss' : 'https'}://${token(resource, 10)}.execute-api.${resource.region}.amazonaws.com`,
    },
  },
  'AWS::ApiGatewayV2::Integration': HTTP_CHILD,
  'AWS::ApiGatewayV2::Route': HTTP_CHILD,
  'AWS::ApiGatewayV2::Authorizer': HTTP_CHILD,
  'AWS::ApiGatewayV2::Deployment': HTTP_CHILD,
  'AWS::ApiGatewayV2::Stage': STAGE,
  'AWS::Cognito::UserPool': {
    ref: userPoolId,
    attributes: {
      Arn: (resource) => arn('cognito-idp', resource, `userpool/${userPoolId(resource)}`),
      ProviderName: (resource) => `cognito-idp.${resource.region}.amazonaws.com/${userPoolId(resource)}`,
      ProviderURL: (resource) => `https://cognito-idp.${resource.region}.amazonaws.com/${userPoolId(resource)}`,
    },
  },
  'AWS::Cognito::UserPoolClient': {
    ref: (resource) => token(resource, 26),
    attributes: { ClientId: (resource) => token(resource, 26), ClientSecret: (resource) => token(resource, 51, 'secret') },
  },
  'AWS::IAM::Role': {
    ref: named('RoleName'),
    attributes: { Arn: (resource) => arn('iam', resource, `role/${named('RoleName')(resource)}`, false) },
  },
  'AWS::Logs::LogGroup': {
    ref: named('LogGroupName'),
    attributes: { Arn: (resource) => arn('logs', resource, `log-group:${named('LogGroupName')(resource)}:*`) },
  },
  'AWS::DynamoDB::Table': {
    ref: named('TableName'),
    attributes: {
      Arn: (resource) => arn('dynamodb', resource, `table/${named('TableName')(resource)}`),
      StreamArn: (resource) => arn('dynamodb', resource, `table/${named('TableName')(resource)}/stream/1970-01-01T00:00:00.000`),
    },
  },
  'AWS::SQS::Queue': {
    ref: (resource) => `https://sqs.${resource.region}.amazonaws.com/${resource.accountId}/${queueName(resource)}`,
    attributes: {
      Arn: (resource) => arn('sqs', resource, queueName(resource)),
      QueueName: queueName,
      QueueUrl: (resource) => `https://sqs.${resource.region}.amazonaws.com/${resource.accountId}/${queueName(resource)}`,
    },
  },
  'AWS::SNS::Topic': { ref: topicArn, attributes: { TopicArn: topicArn, TopicName: topicName } },
  'AWS::S3::Bucket': {
    ref: bucketName,
    attributes: {
      Arn: (resource) => arn('s3', resource, bucketName(resource), false),
      DomainName: (resource) => `${bucketName(resource)}.s3.amazonaws.com`,
      RegionalDomainName: (resource) => `${bucketName(resource)}.s3.${resource.region}.amazonaws.com`,
    },
  },
  'AWS::SecretsManager::Secret': {
    ref: (resource) => arn('secretsmanager', resource, `secret:${named('Name')(resource)}-${token(resource, 6, 'suffix', ALPHANUMERIC)}`),
  },
  'AWS::CloudFormation::Stack': {
    ref: (resource) => stackId(resource.region, resource.accountId, nestedStackName(resource.stackName, resource.logicalId)),
  },
};
