import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { FunctionModel } from '../model';
import { locateFunctionCode } from './function-code';
import { ResourceIndex, TemplateResource } from './resources';
import { UnsupportedReport } from './unsupported';

const FUNCTION = 'AWS::Lambda::Function';

/** Every Lambda function, keyed by its local ARN; functions that cannot run locally stay, with an unsupported entry. */
export function buildFunctions(index: ResourceIndex, workDir: string | undefined, report: UnsupportedReport): Map<string, FunctionModel> {
  let inlineCodeDir = workDir;
  const inlineCodeRoot = () => {
    inlineCodeDir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-'));
    return inlineCodeDir;
  };
  const functions = new Map<string, FunctionModel>();
  for (const resource of index.ofType(FUNCTION)) {
    const model = report.serveOrReport(resource.origin, FUNCTION, `the function ${resource.logicalId}`, () => buildFunction(resource, inlineCodeRoot, report));
    if (model) functions.set(model.arn, model);
  }
  return functions;
}

function buildFunction(resource: TemplateResource, inlineCodeRoot: () => string, report: UnsupportedReport): FunctionModel {
  const properties = resource.properties();
  const functionName = resource.ref();
  const runtime = properties.optionalString('Runtime') ?? '';
  const code = locateFunctionCode(resource, inlineCodeRoot);
  if ('problem' in code) {
    report.add(resource.origin, FUNCTION, `the function ${functionName} is not run: ${code.problem}; routes to it fail`);
  } else if (!runtime.startsWith('nodejs')) {
    report.add(resource.origin, FUNCTION, `the function ${functionName} has runtime ${runtime || '(none)'}, which is not run locally; only nodejs* runtimes are`);
  }
  return {
    origin: resource.origin,
    arn: String(resource.attribute('Arn')),
    functionName,
    runtime,
    handler: properties.optionalString('Handler') ?? '',
    codeDir: 'codeDir' in code ? code.codeDir : undefined,
    timeoutSeconds: properties.optionalNumber('Timeout') ?? 3,
    memorySizeMb: properties.optionalNumber('MemorySize') ?? 128,
    environment: properties.object('Environment')?.stringMap('Variables') ?? {},
    reservedConcurrency: properties.optionalNumber('ReservedConcurrentExecutions'),
  };
}
