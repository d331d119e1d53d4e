import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';

const API_HOST = 'a1b2c3d4e5.execute-api.eu-west-1.amazonaws.com';

describe('outbound requests to a host with a local origin', () => {
  let server: http.Server;
  let origin: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end(`local ${request.method} ${request.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(closeRuntimes);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  test('https.request with options reaches the local origin, path and query unchanged', async () => {
    const fn = nodeFunction('request', {
      'index.js': `const https = require('https');
        exports.handler = () => new Promise((resolve, reject) => {
          const request = https.request({ hostname: '${API_HOST}', path: '/prod/items?a=1', method: 'PUT' }, (response) => {
            let body = '';
            response.on('data', (chunk) => { body += chunk; });
            response.on('end', () => resolve(body));
          });
          request.on('error', reject);
          request.end('{}');
        });`,
    });

    const outcome = await startRuntime(fn, { outboundOrigins: () => new Map([[API_HOST, origin]]) }).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('local PUT /prod/items?a=1');
  });

  test('fetch reaches the local origin', async () => {
    const fn = nodeFunction('fetch', {
      'index.js': `exports.handler = async () => (await fetch('https://${API_HOST}/prod/health')).text();`,
    });

    const outcome = await startRuntime(fn, { outboundOrigins: () => new Map([[API_HOST, origin]]) }).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('local GET /prod/health');
  });

  test('a function gets the extra environment over its own', async () => {
    const fn = nodeFunction('environment', { 'index.js': 'exports.handler = async () => process.env.AWS_ENDPOINT_URL;' }, { environment: { AWS_ENDPOINT_URL: 'https://own' } });

    const outcome = await startRuntime(fn, { extraEnvironment: () => ({ AWS_ENDPOINT_URL: origin }) }).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe(origin);
  });

  test('a handler requires the AWS SDK clients the runtime provides without bundling them', async () => {
    const fn = nodeFunction('sdk', { 'index.js': "exports.handler = async () => typeof require('@aws-sdk/client-lambda').LambdaClient;" });

    const outcome = await startRuntime(fn).invoke(fn.arn, {});

    expect(payloadOf(outcome)).toBe('function');
  });
});
