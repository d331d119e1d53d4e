import { GetStageCommand, PatchOperation, Stage, UpdateStageCommand } from '@aws-sdk/client-api-gateway';
import { resolveApi } from './api-target';
import { awsCall } from './aws-errors';
import { COMMON_USAGE } from './aws-options';
import { OpsArgs, parseOpsArgs, wantsHelp } from './command-args';
import { CommandIo, json, table } from './output';
import { chooseStage } from './stage-choice';
import { optionValue, UsageError } from '../cli/args';

export const CANARY_USAGE = `usage: gatewaykit canary status|promote|rollback (--stack STACK --api PATH | --api-id ID) [--stage NAME] [--json]
  status    the stage's deployment and its canary: deployment, share of traffic, stage variable overrides
  promote   the stage takes the canary's deployment and stage variable overrides, then the canary is removed
  rollback  the canary is removed; the stage keeps its deployment
  Both end the release as the StageCanary construct does (promote() / rollBack()), so that the stack and the stage
  agree; --stage defaults to the API's only stage.
${COMMON_USAGE}`;

/** `gatewaykit canary`: the canary release of a REST API stage. */
export async function canaryCommand(argv: readonly string[], io: CommandIo): Promise<void> {
  const [action, ...rest] = argv;
  if (action === undefined || wantsHelp(argv)) {
    io.out(`${CANARY_USAGE}\n`);
    return;
  }
  if (!['status', 'promote', 'rollback'].includes(action)) {
    throw new UsageError(`unknown canary action '${action}'; expected status, promote or rollback\n${CANARY_USAGE}`);
  }
  const args = parseOpsArgs(rest, ['stage'], [], CANARY_USAGE);
  const { restApiId } = await resolveApi(args.selector, args.clients);
  const stageName = await chooseStage(args.clients, restApiId, optionValue(args.parsed, 'stage'));
  const stage = await getStage(args, restApiId, stageName);
  if (action === 'status') {
    io.out(render(args, restApiId, stage));
    return;
  }
  const canary = stage.canarySettings;
  if (!canary) {
    // Not a usage error (exit code 2): the command line is right, the stage's state refuses it (exit code 1).
    throw new Error(`stage '${stageName}' of REST API ${restApiId} has no canary to ${action === 'promote' ? 'promote' : 'roll back'}`);
  }
  if (action === 'promote') {
    // StageCanary.promote(): the stage serves the canary's deployment, its variables take the canary's overrides.
    const promotion: PatchOperation[] = [
      { op: 'replace', path: '/deploymentId', value: canary.deploymentId },
      ...Object.entries(canary.stageVariableOverrides ?? {}).map(([name, value]): PatchOperation => ({ op: 'replace', path: `/variables/${name}`, value })),
    ];
    await updateStage(args, restApiId, stageName, promotion);
  }
  // What the construct's canary handler does once a release ends: remove the canary settings from the stage.
  const ended = await updateStage(args, restApiId, stageName, [{ op: 'remove', path: '/canarySettings' }]);
  io.out(render(args, restApiId, ended, action === 'promote' ? 'promoted' : 'rolled back'));
}

function getStage(args: OpsArgs, restApiId: string, stageName: string): Promise<Stage> {
  return awsCall('GetStage', () => args.clients.apiGateway.send(new GetStageCommand({ restApiId, stageName })));
}

function updateStage(args: OpsArgs, restApiId: string, stageName: string, patchOperations: PatchOperation[]): Promise<Stage> {
  return awsCall('UpdateStage', () => args.clients.apiGateway.send(new UpdateStageCommand({ restApiId, stageName, patchOperations })));
}

function render(args: OpsArgs, restApiId: string, stage: Stage, ended?: string): string {
  const canary = stage.canarySettings;
  if (args.asJson) {
    const { stageName, deploymentId, variables = {} } = stage;
    return json({ restApiId, stageName, deploymentId, variables, canary: canary ?? null, ...(ended ? { release: ended } : {}) });
  }
  const overrides = Object.entries(canary?.stageVariableOverrides ?? {}).map(([name, value]) => `${name}=${value}`).join(',') || '-';
  const rows = [[stage.stageName ?? '', stage.deploymentId ?? '', canary ? `${canary.percentTraffic ?? 0}%` : 'no canary', canary?.deploymentId ?? '-', canary ? overrides : '-']];
  const note = ended ? `Canary ${ended}: stage '${stage.stageName}' serves deployment ${stage.deploymentId} and has no canary.\n` : '';
  return note + table(['STAGE', 'DEPLOYMENT', 'CANARY TRAFFIC', 'CANARY DEPLOYMENT', 'CANARY OVERRIDES'], rows);
}
