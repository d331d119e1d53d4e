import { SigV4Result, verifySigV4 } from '../auth';
import { Clock } from '../clock';
import { ApiRequest, headerValuesByLowerName } from './api-request';

/** What IAM authorization needs: the local credentials and the signing region. */
export interface IamCallerDeps {
  readonly credentials: ReadonlyMap<string, string>;
  readonly region: string;
  readonly accountId: string;
  readonly clock: Clock;
}

/** The caller of an IAM-authorized request, as REST (`identity`) and HTTP (`authorizer.iam`) events describe it. */
export interface IamCaller {
  readonly accessKeyId: string;
  readonly accountId: string;
  readonly userArn: string;
}

export type IamCallerResult = { readonly ok: true; readonly caller: IamCaller } | Extract<SigV4Result, { ok: false }>;

/**
 * Checks the request's SigV4 signature against the local credentials. Only the signature: the caller's IAM policies
 * are not in the template, so every signed caller is allowed.
 */
export async function verifyIamCaller(request: ApiRequest, deps: IamCallerDeps): Promise<IamCallerResult> {
  const headers = Object.fromEntries(headerValuesByLowerName(request));
  const verdict = await verifySigV4(
    { method: request.method, path: request.rawPath, query: request.rawQuery, headers, body: request.body },
    { credentials: deps.credentials, region: deps.region, service: 'execute-api', clock: deps.clock },
  );
  if (!verdict.ok) {
    return verdict;
  }
  return {
    ok: true,
    caller: { accessKeyId: verdict.accessKeyId, accountId: deps.accountId, userArn: `arn:aws:iam::${deps.accountId}:user/${verdict.accessKeyId}` },
  };
}
