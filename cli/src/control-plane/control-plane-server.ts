import { randomUUID } from 'node:crypto';
import * as http from 'node:http';
import { AddressInfo } from 'node:net';
import { answerApiGateway } from './api-gateway-router';
import { answerCloudFormation } from './cloudformation';
import { DeployedStack } from './deployed-stacks';
import { FaultPlan } from './faults';
import { ApiGatewayState } from './operation';
import { SecretStore } from './secret-store';
import { answerSecretsManager } from './secrets-manager';

/** What the control plane answers over: the API Gateway state, the stacks and the secrets. */
export interface ControlPlaneServices {
  readonly apiGateway: ApiGatewayState;
  readonly stacks: readonly DeployedStack[];
  readonly secrets: SecretStore;
  readonly faults: FaultPlan;
}

/**
 * One port answering three AWS protocols, told apart as AWS endpoints would be by host: a JSON request with
 * `X-Amz-Target: secretsmanager.*` goes to Secrets Manager, a form POST with an `Action` to CloudFormation, and every
 * other request to API Gateway's REST API. Requests are not checked for signatures: any credentials do.
 */
export class ControlPlaneServer {
  private readonly server: http.Server;

  constructor(private services: ControlPlaneServices, onInternalError: (error: unknown) => void) {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('error', () => res.destroy());
      req.on('end', () => {
        try {
          answer(req, Buffer.concat(chunks).toString('utf8'), this.services, res);
        } catch (error) {
          onInternalError(error);
          send(res, 500, { 'content-type': 'application/json', 'x-amzn-errortype': 'InternalFailure' }, JSON.stringify({ message: 'internal error of the local control plane' }));
        }
      });
    });
  }

  /** Listens on `port` (0: a free one); resolves with the port. */
  public listen(port: number, host: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const fail = (error: Error) => reject(error);
      this.server.once('error', fail);
      this.server.listen(port, host, () => {
        this.server.off('error', fail);
        resolve((this.server.address() as AddressInfo).port);
      });
    });
  }

  /** Answers over `services` from the next request on (watch mode's new app). */
  public serve(services: ControlPlaneServices): void {
    this.services = services;
  }

  public close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

function answer(req: http.IncomingMessage, text: string, services: ControlPlaneServices, res: http.ServerResponse): void {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const target = req.headers['x-amz-target'];
  if (typeof target === 'string' && target.startsWith('secretsmanager.')) {
    const answered = answerSecretsManager(target, parseJson(text), services.secrets, services.faults);
    const errorType = (answered.body as { __type?: string }).__type;
    const errorHeader: Record<string, string> = errorType ? { 'x-amzn-errortype': errorType } : {};
    send(res, answered.status, { 'content-type': 'application/x-amz-json-1.1', ...errorHeader }, JSON.stringify(answered.body));
    return;
  }
  if (req.method === 'POST' && url.pathname === '/' && (req.headers['content-type'] ?? '').startsWith('application/x-www-form-urlencoded')) {
    const answered = answerCloudFormation(new URLSearchParams(text), services.stacks, services.faults);
    send(res, answered.status, { 'content-type': 'text/xml' }, answered.body);
    return;
  }
  const headers = Object.fromEntries(Object.entries(req.headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : value]));
  const answered = answerApiGateway({ method: req.method ?? 'GET', path: url.pathname, query: url.searchParams, headers, body: parseJson(text) }, services.apiGateway, services.faults);
  const status = answered.status ?? 200;
  if ('file' in answered) {
    send(res, status, { 'content-type': answered.file.contentType, 'content-disposition': answered.file.disposition }, Buffer.from(answered.file.bytes));
    return;
  }
  const errorHeader: Record<string, string> = answered.errorType ? { 'x-amzn-errortype': answered.errorType } : {};
  send(res, status, { 'content-type': 'application/json', ...errorHeader }, JSON.stringify(answered.json));
}

function parseJson(text: string): Record<string, unknown> {
  if (text.trim() === '') {
    return {};
  }
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? value as Record<string, unknown> : {};
  } catch {
    return {};
  }
}

function send(res: http.ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer): void {
  res.writeHead(status, { ...headers, 'x-amzn-requestid': randomUUID() });
  res.end(body);
}
