import { AppModel, DEFAULT_ACCOUNT_ID, DEFAULT_REGION } from '../model';
import { routesByApi } from './api-routes';
import { readCloudAssembly } from './cloud-assembly';
import { buildDynamoDbTables } from './dynamodb-tables';
import { buildFunctions } from './functions';
import { buildHttpApis } from './http-apis';
import { LoadedStack } from './loaded-stack';
import { ResourceIndex } from './resources';
import { buildRestApis } from './rest-apis';
import { loadStacks } from './stack-set';
import { UnsupportedReport } from './unsupported';
import { reportUnsupportedTypes } from './unsupported-types';
import { buildUsagePlans } from './usage-plans';
import { buildUserPools } from './user-pools';
import { buildWebSocketApis } from './websocket-apis';

export interface LoadOptions {
  /**
   * The region of stacks without an explicit one.
   * @default DEFAULT_REGION
   */
  readonly region?: string;
  /**
   * The account of stacks without an explicit one.
   * @default DEFAULT_ACCOUNT_ID
   */
  readonly accountId?: string;
  /**
   * Where inline (`Code.ZipFile`) function code is written, one folder per function.
   * @default - a fresh folder under os.tmpdir(), created when a function has inline code
   */
  readonly workDir?: string;
}

/**
 * Reads `dir` (a cloud assembly: manifest.json at its root) and returns the app model, with every intrinsic resolved
 * to a local value that is the same on every run.
 * @throws AssemblyError when the manifest or a template cannot be read
 */
export function loadAppModel(dir: string, options: LoadOptions = {}): AppModel {
  const artifacts = readCloudAssembly(dir);
  const agnosticEnvironment = { region: options.region ?? DEFAULT_REGION, accountId: options.accountId ?? DEFAULT_ACCOUNT_ID };
  const report = new UnsupportedReport();
  const stacks = loadStacks(artifacts, agnosticEnvironment, report);
  const index = new ResourceIndex(stacks);
  const functions = buildFunctions(index, options.workDir, report);
  const restApis = buildRestApis(index, functions, report);
  const httpApis = buildHttpApis(index, functions, report);
  const webSocketApis = buildWebSocketApis(index, functions, report);
  const dynamoDbTables = buildDynamoDbTables(index, report);
  const usagePlans = buildUsagePlans(index, report);
  const userPools = buildUserPools(index, report);
  reportUnsupportedTypes(index, report);
  reportStacksWithNothingToServe(stacks, report);
  return {
    region: artifacts.find((artifact) => artifact.region)?.region ?? agnosticEnvironment.region,
    accountId: artifacts.find((artifact) => artifact.account)?.account ?? agnosticEnvironment.accountId,
    functions,
    restApis,
    httpApis,
    webSocketApis,
    dynamoDbTables,
    userPools,
    usagePlans,
    unsupported: report.list(routesByApi(restApis, httpApis)),
  };
}

/** Resource types whose stack takes part in serving: APIs, the functions and user pools they use, nested stacks. */
const SERVING_TYPES = ['AWS::Lambda::Function', 'AWS::Cognito::UserPool', 'AWS::CloudFormation::Stack'];

/**
 * A stack with none of those (a database, a bucket, the custom resources of an `IntegTest` assertion stack) serves
 * nothing on its own; it is named so that no stack goes unmentioned.
 */
function reportStacksWithNothingToServe(stacks: readonly LoadedStack[], report: UnsupportedReport): void {
  for (const stack of stacks) {
    const serving = stack.presentResources().some(([, resource]) =>
      resource.type.startsWith('AWS::ApiGateway') || SERVING_TYPES.includes(resource.type));
    if (!serving) {
      report.add({ stackName: stack.stackName, logicalId: '', path: stack.stackName }, 'AWS::CloudFormation::Stack',
        'the stack has no API, Lambda function or user pool, so there is nothing in it to serve');
    }
  }
}
