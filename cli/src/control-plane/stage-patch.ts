import { badRequest } from './errors';
import { CanaryModel, RestStageModel } from '../model';

/** One operation of an `UpdateStage` request (JSON Patch as API Gateway takes it: values are strings). */
export interface PatchOperation {
  readonly op?: string;
  readonly path?: string;
  readonly value?: string;
  readonly from?: string;
}

/**
 * The stage after `operations`, applied in order: the deployment, stage variables and canary settings, the paths the
 * canary operations use (API Gateway's "Promote a canary release" and "Update a canary release" guides); anything
 * else is refused with BadRequestException rather than ignored.
 */
export function applyStagePatch(stage: RestStageModel, operations: readonly PatchOperation[], deploymentIds: readonly string[]): RestStageModel {
  return operations.reduce((current, operation) => applyOne(current, operation, deploymentIds), stage);
}

function applyOne(stage: RestStageModel, operation: PatchOperation, deploymentIds: readonly string[]): RestStageModel {
  const { op, path = '' } = operation;
  const variable = /^\/variables\/(.+)$/.exec(path)?.[1];
  const override = /^\/canarySettings\/stageVariableOverrides\/(.+)$/.exec(path)?.[1];
  if (op === 'remove' && path === '/canarySettings') {
    return { ...stage, canary: undefined };
  }
  if (op === 'copy' && path === '/deploymentId' && operation.from === '/canarySettings/deploymentId') {
    return { ...stage, deploymentId: canaryOf(stage, path).deploymentId };
  }
  if (op === 'copy' && path === '/variables' && operation.from === '/canarySettings/stageVariableOverrides') {
    return { ...stage, variables: { ...stage.variables, ...canaryOf(stage, path).stageVariableOverrides } };
  }
  if (variable !== undefined && (op === 'replace' || op === 'add' || op === 'remove')) {
    const { [variable]: _removed, ...others } = stage.variables;
    return { ...stage, variables: op === 'remove' ? others : { ...others, [variable]: valueOf(operation) } };
  }
  if (op === 'replace' && path === '/deploymentId') {
    return { ...stage, deploymentId: deploymentOf(operation, deploymentIds) };
  }
  return { ...stage, canary: patchCanary(stage, operation, override, deploymentIds) };
}

function patchCanary(stage: RestStageModel, operation: PatchOperation, override: string | undefined, deploymentIds: readonly string[]): CanaryModel {
  const { op, path = '' } = operation;
  const canary = stage.canary ?? { percentTraffic: 0, deploymentId: stage.deploymentId, stageVariableOverrides: {}, useStageCache: false };
  if (override !== undefined && (op === 'replace' || op === 'add' || op === 'remove')) {
    const { [override]: _removed, ...others } = canary.stageVariableOverrides;
    return { ...canary, stageVariableOverrides: op === 'remove' ? others : { ...others, [override]: valueOf(operation) } };
  }
  if (op === 'replace' && path === '/canarySettings/percentTraffic') {
    const percent = Number(valueOf(operation));
    if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
      throw badRequest(`Invalid percentTraffic '${operation.value}': expected a number from 0.0 to 100.0`);
    }
    return { ...canary, percentTraffic: percent };
  }
  if (op === 'replace' && path === '/canarySettings/deploymentId') {
    return { ...canary, deploymentId: deploymentOf(operation, deploymentIds) };
  }
  if (op === 'replace' && path === '/canarySettings/useStageCache') {
    return { ...canary, useStageCache: valueOf(operation) === 'true' };
  }
  throw badRequest(`Invalid patch path '${path}' for op '${op}'; the local control plane patches /deploymentId, /variables/*, /canarySettings and /canarySettings/*`);
}

function canaryOf(stage: RestStageModel, path: string): CanaryModel {
  if (!stage.canary) {
    throw badRequest(`Cannot copy to ${path}: stage '${stage.stageName}' has no canary settings`);
  }
  return stage.canary;
}

function valueOf(operation: PatchOperation): string {
  if (operation.value === undefined) {
    throw badRequest(`Invalid patch operation '${operation.op} ${operation.path}': a value is required`);
  }
  return operation.value;
}

function deploymentOf(operation: PatchOperation, deploymentIds: readonly string[]): string {
  const deploymentId = valueOf(operation);
  if (!deploymentIds.includes(deploymentId)) {
    throw badRequest(`Invalid deployment identifier specified: ${deploymentId}`);
  }
  return deploymentId;
}
