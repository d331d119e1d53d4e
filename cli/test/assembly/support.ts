import * as fs from 'fs';
import * as path from 'path';
import { App } from 'aws-cdk-lib';
import { loadAppModel, LoadOptions } from '../../src/assembly';
import { AppModel, FunctionModel } from '../../src/model';
import { tempDir } from '../support/temp-dirs';

export { tempDir };

/** A folder holding `index.js` with a handler, for `Code.fromAsset`. */
export function handlerDir(body = 'exports.handler = async () => ({ statusCode: 200, body: "ok" });'): string {
  const dir = tempDir('gatewaykit-handler-');
  fs.writeFileSync(path.join(dir, 'index.js'), body);
  return dir;
}

/** Synthesizes the app `define` builds into a fresh folder and returns the folder. */
export function synth(define: (app: App) => void, context: Record<string, unknown> = {}): string {
  const app = new App({ outdir: tempDir('gatewaykit-cdk-out-'), context });
  define(app);
  return app.synth().directory;
}

/** Synthesizes the app and loads its model. */
export function synthModel(define: (app: App) => void, options: { context?: Record<string, unknown>; load?: LoadOptions } = {}): AppModel {
  return loadAppModel(synth(define, options.context), { workDir: tempDir(), ...options.load });
}

/** A cloud assembly of hand-written templates, one stack per entry, environment-agnostic unless `environment` says. */
export function writeAssembly(templates: Record<string, unknown>, environment = 'aws://unknown-account/unknown-region'): string {
  const dir = tempDir('gatewaykit-hand-written-');
  const artifacts: Record<string, unknown> = {};
  for (const [stackName, template] of Object.entries(templates)) {
    fs.writeFileSync(path.join(dir, `${stackName}.template.json`), JSON.stringify(template));
    artifacts[stackName] = { type: 'aws:cloudformation:stack', environment, properties: { templateFile: `${stackName}.template.json` } };
  }
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version: '53.0.0', artifacts }));
  return dir;
}

/** Loads a one-stack assembly (stack `Test`) of a hand-written template. */
export function loadTemplate(template: Record<string, unknown>, options: LoadOptions = {}): AppModel {
  return loadAppModel(writeAssembly({ Test: template }), { workDir: tempDir(), ...options });
}

/** An inline Node.js function whose environment variables are `variables`: a window onto resolved values. */
export function inlineFunction(variables: Record<string, unknown> = {}, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    Type: 'AWS::Lambda::Function',
    Properties: {
      Runtime: 'nodejs22.x',
      Handler: 'index.handler',
      Code: { ZipFile: 'exports.handler = async () => ({ statusCode: 200 });' },
      Environment: { Variables: variables },
      ...extra,
    },
  };
}

/**
 * Resolves `value` as the environment variable `VALUE` of a function in a template with `template` merged in
 * (parameters, conditions, mappings, more resources), and returns the environment.
 */
export function resolvedEnvironment(variables: Record<string, unknown>, template: Record<string, unknown> = {}, options: LoadOptions = {}) {
  const resources = (template.Resources ?? {}) as Record<string, unknown>;
  const model = loadTemplate({ ...template, Resources: { ...resources, Probe: inlineFunction(variables) } }, options);
  return functionNamed(model, 'Probe').environment;
}

/**
 * The startup report's reason for not serving a function whose environment variables are `variables` (as
 * {@link resolvedEnvironment}), when they do not resolve; fails when the function is served.
 */
export function notServedReason(variables: Record<string, unknown>, template: Record<string, unknown> = {}): string {
  const resources = (template.Resources ?? {}) as Record<string, unknown>;
  const model = loadTemplate({ ...template, Resources: { ...resources, Probe: inlineFunction(variables) } });
  const item = model.unsupported.find((entry) => entry.path === 'Test/Probe');
  if (!item) throw new Error(`the function Probe is served; reported: ${JSON.stringify(model.unsupported)}`);
  return item.reason;
}

/** The function whose logical id starts with `prefix` (CDK appends a hash). */
export function functionNamed(model: AppModel, prefix: string): FunctionModel {
  const found = [...model.functions.values()].filter((fn) => fn.origin.logicalId.startsWith(prefix));
  if (found.length !== 1) throw new Error(`expected one function ${prefix}*, found ${found.map((fn) => fn.origin.logicalId).join(', ') || 'none'}`);
  return found[0];
}
