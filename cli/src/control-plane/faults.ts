/** A failure the local control plane can be told to answer an operation with, to exercise callers' error paths. */
export type SimulatedFault = 'AccessDenied' | 'Throttling';

export const SIMULATED_FAULTS: readonly SimulatedFault[] = ['AccessDenied', 'Throttling'];

/** Operation name (`UpdateStage`, `GetUsage`, `DescribeStackResources`, `PutSecretValue`, ...) -> its fault. */
export type FaultPlan = ReadonlyMap<string, SimulatedFault>;

/** The message of a simulated AccessDenied, worded as IAM's. */
export function accessDeniedMessage(service: string, operation: string): string {
  return `User: arn:aws:iam::000000000000:user/local is not authorized to perform: ${service}:${operation} (simulated by gatewaykit serve --control-plane-fault)`;
}
