import { KeyStore } from './key-store';
import { RestApiStates } from './rest-api-states';
import { UsageLedger } from './usage-ledger';
import { UsageMetering } from '../rest/usage-metering';

/** What the API Gateway operations read and change: the live state of the served app. */
export interface ApiGatewayState {
  readonly restApis: RestApiStates;
  readonly keys: KeyStore;
  readonly usage: UsageLedger;
  readonly metering: UsageMetering;
  readonly region: string;
}

/** One API Gateway request, routed: path parameters by name, the query and the JSON body. */
export interface OperationRequest {
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: Readonly<Record<string, unknown>>;
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** A JSON answer, or a file (exports and SDKs) with its content type and disposition. */
export type OperationResult =
  | { readonly status?: number; readonly json: unknown }
  | { readonly status?: number; readonly file: { readonly contentType: string; readonly disposition: string; readonly bytes: Uint8Array } };

export type Operation = (state: ApiGatewayState, request: OperationRequest) => OperationResult;

/** An operation with its name (as IAM and the SDK name it), method and path template. */
export interface RouteDefinition {
  readonly name: string;
  readonly method: string;
  readonly path: string;
  readonly operation: Operation;
}

/** API Gateway's timestamps on the wire: seconds since the epoch. */
export function epochSeconds(epochMs: number): number {
  return Math.floor(epochMs / 1000);
}

/** A page of items as API Gateway lists them. */
export function items(list: readonly unknown[]): OperationResult {
  return { json: { item: list } };
}
