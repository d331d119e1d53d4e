import * as fs from 'fs';
import * as path from 'path';
import { Duration, Stack } from 'aws-cdk-lib';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { functionNamed, handlerDir, inlineFunction, loadTemplate, synthModel, tempDir } from './support';

describe('functions', () => {
  test('default to a 3-second timeout and 128 MB', () => {
    const fn = functionNamed(loadTemplate({ Resources: { Fn: inlineFunction() } }), 'Fn');
    expect(fn).toMatchObject({ timeoutSeconds: 3, memorySizeMb: 128, reservedConcurrency: undefined, runtime: 'nodejs22.x', handler: 'index.handler' });
  });

  test('keep their timeout, memory size and reserved concurrency', () => {
    const model = synthModel((app) => {
      new lambda.Function(new Stack(app, 'Functions'), 'Sized', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'src/main.handler',
        code: lambda.Code.fromAsset(handlerDir()),
        timeout: Duration.seconds(20),
        memorySize: 1024,
        reservedConcurrentExecutions: 5,
      });
    });
    expect(functionNamed(model, 'Sized')).toMatchObject({ timeoutSeconds: 20, memorySizeMb: 1024, reservedConcurrency: 5, handler: 'src/main.handler' });
  });

  test('have their environment resolved, values as strings', () => {
    const fn = functionNamed(loadTemplate({ Resources: { Fn: inlineFunction({ NAME: { Ref: 'AWS::StackName' }, COUNT: 3, ON: true }) } }), 'Fn');
    expect(fn.environment).toEqual({ NAME: 'Test', COUNT: '3', ON: 'true' });
  });

  test('with inline code have it written as index.js into a folder of their own under workDir', () => {
    const workDir = tempDir();
    const model = loadTemplate({ Resources: { One: inlineFunction(), Two: inlineFunction() } }, { workDir });
    const [one, two] = [functionNamed(model, 'One'), functionNamed(model, 'Two')];
    expect(path.dirname(one.codeDir!)).toBe(workDir);
    expect(one.codeDir).not.toBe(two.codeDir);
    expect(fs.readFileSync(path.join(one.codeDir!, 'index.js'), 'utf8')).toBe('exports.handler = async () => ({ statusCode: 200 });');
  });

  test('with an asset are found through the asset metadata when the template has it', () => {
    const source = handlerDir('exports.handler = async () => "from metadata";');
    const model = synthModel((app) => {
      new lambda.Function(new Stack(app, 'Functions'), 'Asset', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(source) });
    }, { context: { 'aws:cdk:enable-asset-metadata': true } });
    expect(fs.readFileSync(path.join(functionNamed(model, 'Asset').codeDir!, 'index.js'), 'utf8')).toBe('exports.handler = async () => "from metadata";');
  });

  test('with a runtime other than Node.js stay in the model, reported unsupported', () => {
    const model = loadTemplate({ Resources: { Py: inlineFunction({}, { Runtime: 'python3.12' }) } });
    expect(functionNamed(model, 'Py').codeDir).toBeDefined();
    expect(model.unsupported).toEqual([{
      path: 'Test/Py',
      type: 'AWS::Lambda::Function',
      reason: 'the function Test-Py has runtime python3.12, which is not run locally; only nodejs* runtimes are',
    }]);
  });

  test('with code in an S3 bucket have no code folder and are reported', () => {
    const model = synthModel((app) => {
      const stack = new Stack(app, 'Functions');
      new lambda.Function(stack, 'Remote', {
        runtime: lambda.Runtime.NODEJS_22_X,
        handler: 'index.handler',
        code: lambda.Code.fromBucket(s3.Bucket.fromBucketName(stack, 'Releases', 'releases'), 'app.zip'),
      });
    });
    expect(functionNamed(model, 'Remote').codeDir).toBeUndefined();
    expect(model.unsupported).toContainEqual(expect.objectContaining({
      type: 'AWS::Lambda::Function',
      reason: expect.stringContaining('its code is in S3 (s3://releases/app.zip), not in the cloud assembly; routes to it fail'),
    }));
  });

  test('with a .zip file asset have no code folder and are reported', () => {
    const zip = path.join(tempDir(), 'bundle.zip');
    fs.writeFileSync(zip, 'PK');
    const model = synthModel((app) => {
      new lambda.Function(new Stack(app, 'Functions'), 'Zipped', { runtime: lambda.Runtime.NODEJS_22_X, handler: 'index.handler', code: lambda.Code.fromAsset(zip) });
    });
    expect(functionNamed(model, 'Zipped').codeDir).toBeUndefined();
    expect(model.unsupported).toContainEqual(expect.objectContaining({ reason: expect.stringMatching(/is a file \(e\.g\. a \.zip\), not a folder; only unzipped assets are run locally/) }));
  });

  test('with a container image have no code folder and are reported', () => {
    const model = loadTemplate({
      Resources: { Image: { Type: 'AWS::Lambda::Function', Properties: { PackageType: 'Image', Code: { ImageUri: '123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1' } } } },
    });
    expect(functionNamed(model, 'Image').codeDir).toBeUndefined();
    expect(model.unsupported.map((item) => item.reason)).toEqual([
      'the function Test-Image is not run: its code is a container image (123456789012.dkr.ecr.us-east-1.amazonaws.com/app:1), which is not run locally; routes to it fail',
    ]);
  });
});
