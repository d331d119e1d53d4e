import { functionNamed, inlineFunction, loadTemplate, notServedReason, resolvedEnvironment, tempDir, writeAssembly } from './support';
import { loadAppModel } from '../../src/assembly';

const CUSTOM = { Type: 'Custom::Thing', Properties: { ServiceToken: 'arn:aws:lambda:us-east-1:123456789012:function:provider' } };
const TABLE = { Type: 'AWS::DynamoDB::Table', Properties: { TableName: 'items' } };

describe('Ref', () => {
  test('resolves a parameter to its Default', () => {
    const environment = resolvedEnvironment({ VALUE: { Ref: 'Stage' } }, { Parameters: { Stage: { Type: 'String', Default: 'beta' } } });
    expect(environment.VALUE).toBe('beta');
  });

  test('resolves a CommaDelimitedList parameter to a list', () => {
    const environment = resolvedEnvironment(
      { VALUE: { 'Fn::Select': [1, { Ref: 'Names' }] } },
      { Parameters: { Names: { Type: 'CommaDelimitedList', Default: 'a, b,c' } } },
    );
    expect(environment.VALUE).toBe('b');
  });

  test('resolves a parameter without a Default to a placeholder naming it', () => {
    const environment = resolvedEnvironment({ VALUE: { Ref: 'Secret' } }, { Parameters: { Secret: { Type: 'String' } } });
    expect(environment.VALUE).toBe('{{parameter:Secret}}');
  });

  test('resolves AWS::Region and AWS::AccountId to the load options for an environment-agnostic stack', () => {
    const environment = resolvedEnvironment(
      { REGION: { Ref: 'AWS::Region' }, ACCOUNT: { Ref: 'AWS::AccountId' } },
      {},
      { region: 'eu-west-3', accountId: '111122223333' },
    );
    expect(environment).toEqual({ REGION: 'eu-west-3', ACCOUNT: '111122223333' });
  });

  test('resolves AWS::Partition and AWS::URLSuffix to the commercial partition', () => {
    const environment = resolvedEnvironment({ PARTITION: { Ref: 'AWS::Partition' }, SUFFIX: { Ref: 'AWS::URLSuffix' } });
    expect(environment).toEqual({ PARTITION: 'aws', SUFFIX: 'amazonaws.com' });
  });

  test('resolves AWS::StackName and AWS::StackId to the stack', () => {
    const environment = resolvedEnvironment({ NAME: { Ref: 'AWS::StackName' }, ID: { Ref: 'AWS::StackId' } });
    expect(environment.NAME).toBe('Test');
    expect(environment.ID).toMatch(/^arn:aws:cloudformation:us-east-1:123456789012:stack\/Test\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
  });

  test('AWS::NoValue removes the property', () => {
    const environment = resolvedEnvironment({ KEPT: 'yes', REMOVED: { Ref: 'AWS::NoValue' } });
    expect(environment).toEqual({ KEPT: 'yes' });
  });

  test('a Ref to a name that is neither a parameter nor a resource leaves the function not served, naming it', () => {
    expect(notServedReason({ VALUE: { Ref: 'Missing' } }))
      .toMatch(/the function Probe is not served: its property Environment cannot be resolved locally \(Ref to "Missing", which is neither a parameter, a pseudo parameter nor a resource of the template/);
  });
});

describe('Fn::GetAtt', () => {
  test('reads the same attribute in list and string form', () => {
    const environment = resolvedEnvironment(
      { LIST: { 'Fn::GetAtt': ['Table', 'Arn'] }, STRING: { 'Fn::GetAtt': 'Table.Arn' } },
      { Resources: { Table: TABLE } },
    );
    expect(environment).toEqual({ LIST: 'arn:aws:dynamodb:us-east-1:123456789012:table/items', STRING: 'arn:aws:dynamodb:us-east-1:123456789012:table/items' });
  });

  test('reads an attribute of a custom resource as a readable placeholder', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::GetAtt': ['Thing', 'Endpoint'] } }, { Resources: { Thing: CUSTOM } });
    expect(environment.VALUE).toBe('{{Thing.Endpoint}}');
  });

  test('of a resource that is not in the template leaves the function not served, naming it', () => {
    expect(notServedReason({ VALUE: { 'Fn::GetAtt': ['Nowhere', 'Arn'] } }))
      .toMatch(/Fn::GetAtt of "Nowhere", which is not a resource of the template/);
  });
});

describe('Fn::Join', () => {
  test('joins resolved values with the delimiter', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Join': ['/', ['a', { Ref: 'AWS::Region' }, 3]] } });
    expect(environment.VALUE).toBe('a/us-east-1/3');
  });
});

describe('Fn::Sub', () => {
  test('substitutes pseudo parameters, parameters, resources and resource attributes in the string form', () => {
    const environment = resolvedEnvironment(
      { VALUE: { 'Fn::Sub': '${AWS::Region}:${Stage}:${Table}:${Table.Arn}' } },
      { Parameters: { Stage: { Type: 'String', Default: 'beta' } }, Resources: { Table: TABLE } },
    );
    expect(environment.VALUE).toBe('us-east-1:beta:items:arn:aws:dynamodb:us-east-1:123456789012:table/items');
  });

  test('substitutes the variables of the list form, which may hold intrinsics', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Sub': ['${Greeting}, ${Where}', { Greeting: 'hello', Where: { Ref: 'AWS::Region' } }] } });
    expect(environment.VALUE).toBe('hello, us-east-1');
  });

  test('writes ${!Literal} as ${Literal}', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Sub': 'a ${!Literal} b' } });
    expect(environment.VALUE).toBe('a ${Literal} b');
  });

  test('keeps a name that is neither a parameter nor a resource as written, such as a stage variable', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Sub': 'arn:aws:lambda:${AWS::Region}:123456789012:function:${stageVariables.fn}' } });
    expect(environment.VALUE).toBe('arn:aws:lambda:us-east-1:123456789012:function:${stageVariables.fn}');
  });
});

describe('Fn::Select', () => {
  test('picks the item at the index', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Select': ['1', ['a', 'b', 'c']] } });
    expect(environment.VALUE).toBe('b');
  });

  test('an index out of range leaves the function not served, saying the range', () => {
    expect(notServedReason({ VALUE: { 'Fn::Select': [3, ['a', 'b']] } }))
      .toMatch(/Fn::Select index 3 is out of range for a list of 2; expected 0 to 1/);
  });
});

describe('Fn::Split', () => {
  test('splits a resolved string into a list', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Select': [4, { 'Fn::Split': [':', { 'Fn::GetAtt': ['Table', 'Arn'] }] }] } }, { Resources: { Table: TABLE } });
    expect(environment.VALUE).toBe('123456789012');
  });
});

describe('Fn::If and conditions', () => {
  const parameters = { Parameters: { Stage: { Type: 'String', Default: 'prod' } } };
  function ifCondition(condition: unknown) {
    return resolvedEnvironment({ VALUE: { 'Fn::If': ['Chosen', 'yes', 'no'] } }, { ...parameters, Conditions: { Chosen: condition } }).VALUE;
  }

  test('Fn::Equals compares resolved values', () => {
    expect(ifCondition({ 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] })).toBe('yes');
  });

  test('Fn::And holds when every condition holds', () => {
    expect(ifCondition({ 'Fn::And': [{ 'Fn::Equals': ['a', 'a'] }, { 'Fn::Equals': [{ Ref: 'Stage' }, 'dev'] }] })).toBe('no');
  });

  test('Fn::Or holds when one condition holds', () => {
    expect(ifCondition({ 'Fn::Or': [{ 'Fn::Equals': ['a', 'b'] }, { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }] })).toBe('yes');
  });

  test('Fn::Not negates a condition', () => {
    expect(ifCondition({ 'Fn::Not': [{ 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }] })).toBe('no');
  });

  test('Condition refers to another condition by name', () => {
    const environment = resolvedEnvironment(
      { VALUE: { 'Fn::If': ['Chosen', 'yes', 'no'] } },
      { ...parameters, Conditions: { IsProd: { 'Fn::Equals': [{ Ref: 'Stage' }, 'prod'] }, Chosen: { 'Fn::Not': [{ Condition: 'IsProd' }] } } },
    );
    expect(environment.VALUE).toBe('no');
  });

  test('Fn::If with AWS::NoValue removes the property', () => {
    const environment = resolvedEnvironment(
      { VALUE: { 'Fn::If': ['Never', 'set', { Ref: 'AWS::NoValue' }] } },
      { Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } } },
    );
    expect(environment).toEqual({});
  });

  test('a resource whose condition does not hold is absent', () => {
    const model = loadTemplate({
      Conditions: { Never: { 'Fn::Equals': ['a', 'b'] } },
      Resources: { Kept: inlineFunction(), Dropped: { ...inlineFunction(), Condition: 'Never' } },
    });
    expect([...model.functions.values()].map((fn) => fn.origin.logicalId)).toEqual(['Kept']);
  });

  test('an undefined condition leaves the function not served, naming it', () => {
    expect(notServedReason({ VALUE: { 'Fn::If': ['Undefined', 'a', 'b'] } })).toMatch(/the condition Undefined is used but not defined in Conditions/);
  });
});

describe('Fn::FindInMap', () => {
  const mappings = { Mappings: { Sizes: { prod: { memory: '1024' } } } };

  test('reads the value at the two keys', () => {
    expect(resolvedEnvironment({ VALUE: { 'Fn::FindInMap': ['Sizes', 'prod', 'memory'] } }, mappings).VALUE).toBe('1024');
  });

  test('falls back to DefaultValue when the keys are missing', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::FindInMap': ['Sizes', 'dev', 'memory', { DefaultValue: '128' }] } }, mappings);
    expect(environment.VALUE).toBe('128');
  });

  test('missing keys without a DefaultValue are an error naming them', () => {
    expect(notServedReason({ VALUE: { 'Fn::FindInMap': ['Sizes', 'dev', 'memory'] } }, mappings))
      .toMatch(/Fn::FindInMap found no Sizes.dev.memory/);
  });
});

describe('Fn::Base64', () => {
  test('encodes the resolved string', () => {
    expect(resolvedEnvironment({ VALUE: { 'Fn::Base64': { 'Fn::Sub': 'hi ${AWS::Region}' } } }).VALUE).toBe(Buffer.from('hi us-east-1').toString('base64'));
  });
});

describe('Fn::GetAZs', () => {
  test('lists three zones of the stack region for an empty region', () => {
    expect(resolvedEnvironment({ VALUE: { 'Fn::GetAZs': '' } }, {}, { region: 'eu-west-1' }).VALUE).toBe('["eu-west-1a","eu-west-1b","eu-west-1c"]');
  });
});

describe('Fn::ImportValue', () => {
  test('reads the output another stack exports under that name', () => {
    const dir = writeAssembly({
      Producer: {
        Resources: { Table: TABLE },
        Outputs: { TableArn: { Value: { 'Fn::GetAtt': ['Table', 'Arn'] }, Export: { Name: { 'Fn::Sub': '${AWS::StackName}:TableArn' } } } },
      },
      Consumer: { Resources: { Probe: inlineFunction({ VALUE: { 'Fn::ImportValue': 'Producer:TableArn' } }) } },
    });
    expect(functionNamed(loadAppModel(dir, { workDir: tempDir() }), 'Probe').environment.VALUE).toBe('arn:aws:dynamodb:us-east-1:123456789012:table/items');
  });

  test('reads an export no stack of the assembly has as a placeholder naming it', () => {
    expect(resolvedEnvironment({ VALUE: { 'Fn::ImportValue': 'shared-vpc-id' } }).VALUE).toBe('{{import:shared-vpc-id}}');
  });
});

describe('strings', () => {
  test('keep dynamic references as written', () => {
    const environment = resolvedEnvironment({ VALUE: { 'Fn::Join': ['', ['{{resolve:secretsmanager:', { Ref: 'AWS::Region' }, ':SecretString:key}}']] } });
    expect(environment.VALUE).toBe('{{resolve:secretsmanager:us-east-1:SecretString:key}}');
  });

  test('an unknown intrinsic function leaves the function not served, naming it', () => {
    expect(notServedReason({ VALUE: { 'Fn::Cidr': ['10.0.0.0/16', 4, 8] } })).toMatch(/the intrinsic function Fn::Cidr is not supported/);
  });
});

describe('Fn::Transform', () => {
  test('a macro other than AWS::Include leaves the function not served, saying what is read', () => {
    expect(notServedReason({ VALUE: { 'Fn::Transform': { Name: 'MyMacro', Parameters: {} } } }))
      .toMatch(/Fn::Transform \{"Name":"MyMacro","Parameters":\{\}\} is not supported; expected \{ Name: AWS::Include, Parameters: \{ Location \} \}/);
  });

  test('AWS::Include of a file that is not an asset of the cloud assembly leaves the function not served, naming the location', () => {
    expect(notServedReason({ VALUE: { 'Fn::Transform': { Name: 'AWS::Include', Parameters: { Location: 's3://elsewhere/snippet.yaml' } } } }))
      .toMatch(/AWS::Include of s3:\/\/elsewhere\/snippet\.yaml, which is not a file asset of the cloud assembly/);
  });
});
