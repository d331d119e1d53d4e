import * as fs from 'fs';
import * as path from 'path';
import { inlineFunction, loadTemplate, tempDir, writeAssembly } from './support';
import { AssemblyError, loadAppModel } from '../../src/assembly';

function assemblyWithManifest(manifest: string): string {
  const dir = tempDir();
  fs.writeFileSync(path.join(dir, 'manifest.json'), manifest);
  return dir;
}

function assemblyWithTemplate(template: string): string {
  const dir = writeAssembly({ Test: {} });
  fs.writeFileSync(path.join(dir, 'Test.template.json'), template);
  return dir;
}

describe('AssemblyError', () => {
  test('is thrown for a folder that does not exist, naming it and what to pass', () => {
    const missing = path.join(tempDir(), 'cdk.out');
    expect(() => loadAppModel(missing)).toThrow(AssemblyError);
    expect(() => loadAppModel(missing)).toThrow(`the cloud assembly folder ${missing} does not exist: pass the cdk.out folder of a synthesized app (cdk synth)`);
  });

  test('is thrown for a file instead of a folder', () => {
    const file = path.join(tempDir(), 'manifest.json');
    fs.writeFileSync(file, '{}');
    expect(() => loadAppModel(file)).toThrow(`${file} is a file, not a folder: pass the cdk.out folder of a synthesized app (cdk synth)`);
  });

  test('is thrown for a folder without manifest.json', () => {
    const dir = tempDir();
    expect(() => loadAppModel(dir)).toThrow(`no manifest.json in ${dir}: pass the cdk.out folder of a synthesized app (cdk synth)`);
  });

  test('is thrown for a manifest that is not JSON', () => {
    const dir = assemblyWithManifest('{ "artifacts": ');
    expect(() => loadAppModel(dir)).toThrow(new RegExp(`the cloud assembly manifest ${dir}/manifest.json is not valid JSON \\(.+\\); expected the JSON file cdk synth writes`));
  });

  test('is thrown for a manifest that is not an object', () => {
    const dir = assemblyWithManifest('[1, 2]');
    expect(() => loadAppModel(dir)).toThrow(`the cloud assembly manifest ${dir}/manifest.json holds [1,2]; expected a JSON object`);
  });

  test('is thrown for a stack artifact without a template file', () => {
    const dir = assemblyWithManifest(JSON.stringify({ artifacts: { Api: { type: 'aws:cloudformation:stack', properties: {} } } }));
    expect(() => loadAppModel(dir)).toThrow(`the aws:cloudformation:stack artifact Api of ${dir}/manifest.json has no properties.templateFile; expected the file name cdk synth writes`);
  });

  test('is thrown for a malformed stack environment', () => {
    const dir = writeAssembly({ Test: { Resources: {} } }, 'eu-west-1');
    expect(() => loadAppModel(dir)).toThrow(`the stack Test of ${dir}/manifest.json has environment "eu-west-1"; expected aws://ACCOUNT/REGION`);
  });

  test('is thrown for a template file that is missing', () => {
    const dir = writeAssembly({ Test: { Resources: {} } });
    fs.rmSync(path.join(dir, 'Test.template.json'));
    expect(() => loadAppModel(dir)).toThrow(`cannot read the stack template ${dir}/Test.template.json: the file does not exist; run cdk synth again to rewrite the cloud assembly`);
  });

  test('is thrown for a template that is not JSON', () => {
    const dir = assemblyWithTemplate('Resources:\n  Fn: {}');
    expect(() => loadAppModel(dir)).toThrow(/the stack template .*Test\.template\.json is not valid JSON/);
  });

  test('is thrown for a resource without a type', () => {
    expect(() => loadTemplate({ Resources: { Fn: { Properties: {} } } })).toThrow(/the resource Fn of the stack template .* has Type undefined; expected a resource type such as AWS::Lambda::Function/);
  });

});

describe('a resource that cannot be read', () => {
  test('is a not-served line naming the property and the value, and the rest of the app loads', () => {
    const model = loadTemplate({ Resources: { Fn: inlineFunction({}, { Timeout: 'soon' }), Other: inlineFunction() } });
    expect([...model.functions.values()].map((fn) => fn.origin.logicalId)).toEqual(['Other']);
    expect(model.unsupported).toEqual([{
      path: 'Test/Fn',
      type: 'AWS::Lambda::Function',
      reason: expect.stringMatching(/^the function Fn is not served: .*resource Fn \(AWS::Lambda::Function\) property Properties\.Timeout is "soon"; expected a number/),
    }]);
  });

  test('with a circular reference is a not-served line saying so', () => {
    const template = {
      Resources: {
        Alias: { Type: 'AWS::Lambda::Alias', Properties: { FunctionName: { Ref: 'Alias' }, Name: 'live', FunctionVersion: '1' } },
        Fn: inlineFunction({ ALIAS: { Ref: 'Alias' } }),
      },
    };
    expect(loadTemplate(template).unsupported.map((item) => item.reason))
      .toEqual([expect.stringMatching(/refers to itself through Ref or Fn::GetAtt; expected a template without circular references/)]);
  });
});
