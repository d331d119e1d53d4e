import { functionForArn, substituteStageVariables } from '../../src/gateway/stage-variables';
import { FunctionModel } from '../../src/model';

const ARN = 'arn:aws:lambda:eu-west-1:111122223333:function:orders';

function fn(arn: string, functionName: string): FunctionModel {
  return {
    origin: { stackName: 'Shop', logicalId: functionName, path: `Shop/${functionName}` },
    arn,
    functionName,
    runtime: 'nodejs22.x',
    handler: 'index.handler',
    timeoutSeconds: 3,
    memorySizeMb: 128,
    environment: {},
  };
}

const functions = new Map([[ARN, fn(ARN, 'orders')]]);

describe('substituteStageVariables', () => {
  test('replaces each ${stageVariables.x} with the stage\'s value', () => {
    expect(substituteStageVariables('https://${stageVariables.host}/v${stageVariables.version}', { host: 'api.example.com', version: '2' }))
      .toBe('https://api.example.com/v2');
  });

  test('a variable the stage lacks is replaced with nothing', () => {
    expect(substituteStageVariables('fn-${stageVariables.alias}', {})).toBe('fn-');
  });
});

describe('functionForArn', () => {
  test('finds a function by its ARN, an alias-qualified ARN or its bare name', () => {
    expect(functionForArn(functions, ARN)?.functionName).toBe('orders');
    expect(functionForArn(functions, `${ARN}:live`)?.functionName).toBe('orders');
    expect(functionForArn(functions, 'orders')?.functionName).toBe('orders');
  });

  test('a function of no stack of the app is undefined', () => {
    expect(functionForArn(functions, 'arn:aws:lambda:eu-west-1:111122223333:function:other')).toBeUndefined();
  });
});
