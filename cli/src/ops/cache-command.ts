import { FlushStageAuthorizersCacheCommand, FlushStageCacheCommand } from '@aws-sdk/client-api-gateway';
import { resolveApi } from './api-target';
import { awsCall } from './aws-errors';
import { COMMON_USAGE } from './aws-options';
import { parseOpsArgs, wantsHelp } from './command-args';
import { CommandIo, json, table } from './output';
import { chooseStage } from './stage-choice';
import { optionValue, UsageError } from '../cli/args';

export const CACHE_USAGE = `usage: gatewaykit cache flush (--stack STACK --api PATH | --api-id ID) [--stage NAME] [--authorizers] [--json]
  Flushes the stage's response cache (FlushStageCache); with --authorizers also its cached authorizer results
  (FlushStageAuthorizersCache). --stage defaults to the API's only stage.
${COMMON_USAGE}`;

/** `gatewaykit cache flush`: empties a stage's caches. */
export async function cacheCommand(argv: readonly string[], io: CommandIo): Promise<void> {
  const [action, ...rest] = argv;
  if (action === undefined || wantsHelp(argv)) {
    io.out(`${CACHE_USAGE}\n`);
    return;
  }
  if (action !== 'flush') {
    throw new UsageError(`unknown cache action '${action}'; expected flush\n${CACHE_USAGE}`);
  }
  const args = parseOpsArgs(rest, ['stage'], ['authorizers'], CACHE_USAGE);
  const { restApiId } = await resolveApi(args.selector, args.clients);
  const stageName = await chooseStage(args.clients, restApiId, optionValue(args.parsed, 'stage'));
  await awsCall('FlushStageCache', () => args.clients.apiGateway.send(new FlushStageCacheCommand({ restApiId, stageName })));
  const flushed = ['stage cache'];
  if (args.parsed.flags.has('authorizers')) {
    await awsCall('FlushStageAuthorizersCache', () => args.clients.apiGateway.send(new FlushStageAuthorizersCacheCommand({ restApiId, stageName })));
    flushed.push('authorizer cache');
  }
  io.out(args.asJson ? json({ restApiId, stageName, flushed }) : table(['API', 'STAGE', 'FLUSHED'], [[restApiId, stageName, flushed.join(', ')]]));
}
