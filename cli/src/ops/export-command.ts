import * as fs from 'node:fs';
import * as path from 'node:path';
import { GetExportCommand, GetSdkCommand } from '@aws-sdk/client-api-gateway';
import { resolveApi } from './api-target';
import { awsCall } from './aws-errors';
import { COMMON_USAGE } from './aws-options';
import { OpsArgs, parseOpsArgs, wantsHelp } from './command-args';
import { CommandIo, json, table } from './output';
import { chooseStage } from './stage-choice';
import { optionValue, UsageError } from '../cli/args';

export const EXPORT_USAGE = `usage: gatewaykit export (--stack STACK --api PATH | --api-id ID) [--stage NAME] [--type oas30|swagger]
                        [--extensions integrations|apigateway|authorizers|postman] [--yaml] [--out FILE] [--json]
  Writes the stage's API definition (GetExport) to FILE (default API-STAGE-TYPE.json or .yaml): OpenAPI 3.0
  (oas30, the default) or Swagger 2.0, with the API Gateway extensions named by --extensions.
${COMMON_USAGE}`;

export const SDK_USAGE = `usage: gatewaykit sdk (--stack STACK --api PATH | --api-id ID) --type javascript|android|objectivec|swift|java|ruby
                     [--stage NAME] [--param NAME=VALUE]... [--out FILE] [--json]
  Writes the client SDK API Gateway generates for the stage (GetSdk) to FILE (default API-STAGE-TYPE.zip). Some types
  need parameters: android and java groupId, invokerPackage, artifactId, artifactVersion; objectivec and swift
  classPrefix; ruby service.name. The local control plane returns a stub: the stage's Swagger export and a README.
${COMMON_USAGE}`;

const SDK_TYPES = ['javascript', 'android', 'objectivec', 'swift', 'java', 'ruby'];

/** `gatewaykit export`: the stage's OpenAPI or Swagger definition, to a file. */
export async function exportCommand(argv: readonly string[], io: CommandIo): Promise<void> {
  if (wantsHelp(argv)) {
    io.out(`${EXPORT_USAGE}\n`);
    return;
  }
  const args = parseOpsArgs(argv, ['stage', 'type', 'extensions', 'out'], ['yaml'], EXPORT_USAGE);
  const exportType = optionValue(args.parsed, 'type') ?? 'oas30';
  if (exportType !== 'oas30' && exportType !== 'swagger') {
    throw new UsageError(`--type expects oas30 or swagger, got '${exportType}'\n${EXPORT_USAGE}`);
  }
  const { restApiId, stageName } = await stageOf(args);
  const accepts = args.parsed.flags.has('yaml') ? 'application/yaml' : 'application/json';
  const extensions = optionValue(args.parsed, 'extensions');
  const exported = await awsCall('GetExport', () => args.clients.apiGateway.send(new GetExportCommand({
    restApiId, stageName, exportType, accepts, parameters: extensions ? { extensions } : undefined,
  })));
  const file = optionValue(args.parsed, 'out') ?? `${restApiId}-${stageName}-${exportType}.${args.parsed.flags.has('yaml') ? 'yaml' : 'json'}`;
  io.out(written(args, io, file, exported.body ?? new Uint8Array(), { restApiId, stageName, type: exportType }));
}

/** `gatewaykit sdk`: the stage's generated client SDK, to a zip. */
export async function sdkCommand(argv: readonly string[], io: CommandIo): Promise<void> {
  if (wantsHelp(argv)) {
    io.out(`${SDK_USAGE}\n`);
    return;
  }
  const args = parseOpsArgs(argv, ['stage', 'type', 'param', 'out'], [], SDK_USAGE);
  const sdkType = optionValue(args.parsed, 'type');
  if (sdkType === undefined || !SDK_TYPES.includes(sdkType)) {
    throw new UsageError(`--type expects one of ${SDK_TYPES.join(', ')}, got '${sdkType ?? ''}'\n${SDK_USAGE}`);
  }
  const parameters = Object.fromEntries((args.parsed.options.get('param') ?? []).map((pair) => {
    const [name, ...value] = pair.split('=');
    if (!name || value.length === 0) throw new UsageError(`--param expects NAME=VALUE, got '${pair}'\n${SDK_USAGE}`);
    return [name, value.join('=')];
  }));
  const { restApiId, stageName } = await stageOf(args);
  const sdk = await awsCall('GetSdk', () => args.clients.apiGateway.send(new GetSdkCommand({ restApiId, stageName, sdkType, parameters })));
  const file = optionValue(args.parsed, 'out') ?? `${restApiId}-${stageName}-${sdkType}.zip`;
  io.out(written(args, io, file, sdk.body ?? new Uint8Array(), { restApiId, stageName, type: sdkType }));
}

async function stageOf(args: OpsArgs): Promise<{ restApiId: string; stageName: string }> {
  const { restApiId } = await resolveApi(args.selector, args.clients);
  return { restApiId, stageName: await chooseStage(args.clients, restApiId, optionValue(args.parsed, 'stage')) };
}

function written(args: OpsArgs, io: CommandIo, file: string, body: Uint8Array, what: { restApiId: string; stageName: string; type: string }): string {
  const fullPath = path.resolve(io.cwd, file);
  fs.writeFileSync(fullPath, body);
  return args.asJson
    ? json({ ...what, file: fullPath, bytes: body.length })
    : table(['API', 'STAGE', 'TYPE', 'FILE', 'BYTES'], [[what.restApiId, what.stageName, what.type, fullPath, String(body.length)]]);
}
