import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { AwsServiceHandler, AwsServiceRequest, AwsServiceResponse, describeCall, jsonError, signingServiceOf } from './service-request';

/** The error type of a call the local endpoint cannot answer, with status 501. */
export const NOT_AVAILABLE_LOCALLY = 'NotAvailableLocally';

/** A request without SigV4 signature (a CloudFormation response to a pre-signed URL), answered by path prefix. */
export type UnsignedHandler = (request: Omit<AwsServiceRequest, 'service'>) => Promise<AwsServiceResponse>;

/**
 * One local HTTP endpoint for every AWS service, which handlers reach through `AWS_ENDPOINT_URL`: each request goes
 * to the handler registered for its service (the signing name of its SigV4 credential scope). A call no handler
 * answers gets a `NotAvailableLocally` error (501) and is reported to `onUnanswered`, so that nothing that depends on
 * it passes by accident.
 *
 * Services are plugged in by signing name: `lambda` (Invoke), `states` (StartExecution); a local API Gateway control
 * plane registers `apigateway` (REST, v1) and `apigateway` paths under `/v2/` (HTTP and WebSocket APIs), a local
 * DynamoDB `dynamodb`.
 */
export class LocalAwsEndpoint {
  private readonly services = new Map<string, AwsServiceHandler[]>();
  private readonly unsigned = new Map<string, UnsignedHandler>();
  private readonly server = http.createServer((request, response) => void this.serve(request, response));

  /** @param onUnanswered receives each call no handler answers, described as `service operation`. */
  constructor(private readonly onUnanswered: (call: string) => void = () => undefined) {}

  /** Adds a handler for a service; several may answer different operations of one service, tried in order. */
  public register(service: string, handler: AwsServiceHandler): void {
    this.services.set(service, [...(this.services.get(service) ?? []), handler]);
  }

  /** Answers unsigned requests whose path starts with `pathPrefix`. */
  public registerUnsigned(pathPrefix: string, handler: UnsignedHandler): void {
    this.unsigned.set(pathPrefix, handler);
  }

  /** Listens on a free loopback port; resolves to the endpoint's URL, e.g. `http://127.0.0.1:43123`. */
  public async listen(): Promise<string> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  public async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise((resolve) => this.server.close(resolve));
  }

  private async serve(incoming: http.IncomingMessage, outgoing: http.ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);
    const url = new URL(incoming.url ?? '/', 'http://localhost');
    const target = incoming.headers['x-amz-target'];
    const base = {
      method: incoming.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: incoming.headers,
      body: Buffer.concat(chunks),
      target: typeof target === 'string' ? target : undefined,
    };
    let response: AwsServiceResponse;
    try {
      response = await this.answer(base);
    } catch (error) {
      response = jsonError(500, 'ServiceException', `gatewaykit: the local endpoint failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    outgoing.writeHead(response.status, response.headers);
    outgoing.end(response.body);
  }

  private async answer(base: Omit<AwsServiceRequest, 'service'>): Promise<AwsServiceResponse> {
    const service = signingServiceOf(base.headers);
    if (service === undefined) {
      const unsigned = [...this.unsigned].find(([prefix]) => base.path.startsWith(prefix))?.[1];
      return unsigned ? unsigned(base) : jsonError(403, 'MissingAuthenticationTokenException', 'Missing Authentication Token');
    }
    const request = { ...base, service };
    for (const handler of this.services.get(service) ?? []) {
      const response = await handler(request);
      if (response !== undefined) return response;
    }
    const call = describeCall(request);
    this.onUnanswered(call);
    return jsonError(501, NOT_AVAILABLE_LOCALLY, `gatewaykit: ${call} is not available locally`);
  }
}
