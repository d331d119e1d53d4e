import { GetStagesCommand } from '@aws-sdk/client-api-gateway';
import { awsCall } from './aws-errors';
import { AwsClients } from './aws-options';
import { UsageError } from '../cli/args';

/** `--stage`, or the API's only stage when it has one. */
export async function chooseStage(clients: AwsClients, restApiId: string, stage: string | undefined): Promise<string> {
  if (stage !== undefined) {
    return stage;
  }
  const stages = (await awsCall('GetStages', () => clients.apiGateway.send(new GetStagesCommand({ restApiId })))).item ?? [];
  if (stages.length !== 1) {
    throw new UsageError(`REST API ${restApiId} has ${stages.length} stages (${stages.map((s) => s.stageName).join(', ') || 'none'}); name one with --stage`);
  }
  return stages[0].stageName!;
}
