import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InFlight } from './in-flight';
import type { StartOptions } from './start';
import { loadAppModel } from '../assembly';
import type { LocalIssuer } from '../auth';
import type { LocalApiEndpoints } from '../gateway/local-endpoints';
import { trustedIssuers } from '../gateway/trusted-issuers';
import { LambdaRuntime, SandboxExtras } from '../lambda';
import type { AppModel } from '../model';

/** An app's model, with the folder its functions' inline code was written to. */
export interface ServedModel {
  readonly model: AppModel;
  readonly workDir: string;
}

/** Reads the assembly; functions' inline code is written to a fresh folder, which stopping removes. */
export function loadServedModel(assemblyDir: string, options: StartOptions): ServedModel {
  const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-'));
  try {
    return { model: loadAppModel(assemblyDir, { region: options.region, accountId: options.accountId, workDir }), workDir };
  } catch (error) {
    fs.rmSync(workDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * Stops an app once `released` (its listeners closed or handed over) and, with `drain`, once the work under way on its
 * functions has ended: then its workers end and its code folder goes.
 */
export async function closeAll(released: Promise<void>, inFlight: InFlight, lambda: LambdaRuntime, workDir: string, drain?: boolean): Promise<void> {
  await released;
  if (drain) {
    await inFlight.settled();
  }
  await lambda.close();
  fs.rmSync(workDir, { recursive: true, force: true });
}

/** The runtime of the app's functions: the local issuer's documents and the served APIs' hosts answered locally. */
export function lambdaRuntimeFor(
  model: AppModel,
  options: StartOptions,
  environment: { readonly region: string; readonly accountId: string },
  issuer: LocalIssuer,
  localEndpoints: LocalApiEndpoints,
  sandboxExtras: () => SandboxExtras | undefined,
): LambdaRuntime {
  return new LambdaRuntime(model.functions, {
    ...environment,
    outboundOrigins: () => new Map([...localEndpoints.hosts(environment.region), ...options.outboundOrigins ?? []]),
    extraEnvironment: options.extraEnvironment,
    maxWorkersPerFunction: options.maxWorkersPerFunction,
    outboundResponses: issuer.jwksDocuments(trustedIssuers(model)),
    onHandlerOutput: options.onHandlerOutput,
    sandboxExtras,
  });
}
