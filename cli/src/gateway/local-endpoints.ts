/** The default endpoint of an API in AWS: `https://{apiId}.execute-api.{region}.amazonaws.com[.cn]`. */
const EXECUTE_API_HOST = /^([a-z0-9]+)\.execute-api\.[a-z0-9-]+\.amazonaws\.com(\.cn)?$/;

/** The host of an API's default endpoint in a region of the `aws` partition. */
export function executeApiHost(apiId: string, region: string): string {
  return `${apiId}.execute-api.${region}.amazonaws.com`;
}

/**
 * The local listener of each served API, by the id the runtime gives it, so that an HTTP integration calling another
 * API of the app at its execute-api URL (`new HttpUrlIntegration('…', otherApi.url!)`) reaches it here rather than an
 * API of that id in AWS, which does not exist.
 */
export class LocalApiEndpoints {
  private readonly origins = new Map<string, string>();

  /** @param origin e.g. `http://127.0.0.1:3001` */
  public register(apiId: string, origin: string): void {
    this.origins.set(apiId, origin);
  }

  /** The execute-api host name of each served API in `region`, with its local origin. */
  public hosts(region: string): Map<string, string> {
    return new Map([...this.origins].map(([apiId, origin]) => [executeApiHost(apiId, region), origin]));
  }

  /** The URL on the local listener when `url` is the execute-api URL of a served API; `url` itself otherwise. */
  public resolve(url: URL): URL {
    const apiId = EXECUTE_API_HOST.exec(url.hostname)?.[1];
    const origin = apiId === undefined ? undefined : this.origins.get(apiId);
    return origin === undefined ? url : new URL(`${url.pathname}${url.search}`, origin);
  }
}
