import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { closeRuntimes, nodeFunction, payloadOf, startRuntime } from './fixtures';
import type { LambdaRuntime, OutboundResponse } from '../../src/lambda';
import type { FunctionModel } from '../../src/model';

const JWKS_URL = 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Local1234/.well-known/jwks.json';
const JWKS = { keys: [{ kty: 'RSA', kid: 'local-key', alg: 'RS256', use: 'sig', n: 'AQAB', e: 'AQAB' }] };
const JWKS_RESPONSE: OutboundResponse = { statusCode: 200, headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(JWKS) };

/** Reads a response of `https.request`/`https.get` through its events, as HTTP clients do. */
const COLLECT = `
function collect(response, resolve) {
  let body = '';
  response.setEncoding('utf8');
  response.on('data', (chunk) => { body += chunk; });
  response.on('end', () => resolve({ statusCode: response.statusCode, contentType: response.headers['content-type'], body }));
}`;

describe('outbound request interception', () => {
  let server: http.Server;
  let serverUrl: string;

  beforeAll(async () => {
    server = http.createServer((request, response) => {
      response.setHeader('content-type', 'text/plain');
      response.end(`network answered ${request.url}`);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    serverUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(closeRuntimes);
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  function start(fn: FunctionModel, responses: ReadonlyMap<string, OutboundResponse> = new Map([[JWKS_URL, JWKS_RESPONSE]])): LambdaRuntime {
    return startRuntime(fn, { outboundResponses: responses });
  }

  test('https.request to a listed URL is answered locally', async () => {
    const source = `${COLLECT}
      const https = require('https');
      exports.handler = (event) => new Promise((resolve, reject) => {
        const request = https.request(event.url, { method: 'GET' }, (response) => collect(response, resolve));
        request.on('error', reject);
        request.end();
      });`;
    const fn = nodeFunction('request', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: JWKS_URL });

    expect(payloadOf(outcome)).toEqual({ statusCode: 200, contentType: 'application/json', body: JSON.stringify(JWKS) });
  });

  test('https.request with an options object is answered locally', async () => {
    const url = new URL(JWKS_URL);
    const source = `${COLLECT}
      const https = require('https');
      exports.handler = (event) => new Promise((resolve) => {
        https.request({ hostname: event.hostname, path: event.path + '?cache=no' }, (response) => collect(response, resolve)).end();
      });`;
    const fn = nodeFunction('options', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { hostname: url.hostname, path: url.pathname });

    expect(payloadOf(outcome)).toMatchObject({ statusCode: 200, body: JSON.stringify(JWKS) });
  });

  test('https.get to a listed URL is answered locally', async () => {
    const source = `${COLLECT}
      const https = require('https');
      exports.handler = (event) => new Promise((resolve) => { https.get(event.url, (response) => collect(response, resolve)); });`;
    const fn = nodeFunction('get', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: JWKS_URL });

    expect(payloadOf(outcome)).toEqual({ statusCode: 200, contentType: 'application/json', body: JSON.stringify(JWKS) });
  });

  test('fetch to a listed URL is answered locally', async () => {
    const source = `exports.handler = async (event) => {
      const response = await fetch(event.url);
      return { status: response.status, contentType: response.headers.get('content-type'), body: await response.json() };
    };`;
    const fn = nodeFunction('fetch', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: JWKS_URL });

    expect(payloadOf(outcome)).toEqual({ status: 200, contentType: 'application/json', body: JWKS });
  });

  test('a named import of https.get in an ES module is answered locally', async () => {
    const source = `import { get } from 'node:https';
      export const handler = (event) => new Promise((resolve) => {
        get(event.url, (response) => { let body = ''; response.on('data', (c) => { body += c; }); response.on('end', () => resolve(body)); });
      });`;
    const fn = nodeFunction('esm', { 'index.mjs': source });

    const outcome = await start(fn).invoke(fn.arn, { url: JWKS_URL });

    expect(payloadOf(outcome)).toBe(JSON.stringify(JWKS));
  });

  test("aws-jwt-verify's JWKS download is answered locally", async () => {
    const source = `const { fetchJwks } = require(${JSON.stringify(require.resolve('aws-jwt-verify/jwk'))});
      exports.handler = (event) => fetchJwks(event.url);`;
    const fn = nodeFunction('jwtverify', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: JWKS_URL });

    expect(payloadOf(outcome)).toEqual(JWKS);
  });

  test('http.get to a listed http URL is answered locally', async () => {
    const localOnly = `${serverUrl}/listed`;
    const source = `${COLLECT}
      const http = require('http');
      exports.handler = (event) => new Promise((resolve) => { http.get(event.url, (response) => collect(response, resolve)); });`;
    const fn = nodeFunction('httpget', { 'index.js': source });

    const outcome = await start(fn, new Map([[localOnly, { statusCode: 404, headers: {}, body: 'listed locally' }]])).invoke(fn.arn, { url: localOnly });

    expect(payloadOf(outcome)).toMatchObject({ statusCode: 404, body: 'listed locally' });
  });

  test('http.get to another URL goes to the network', async () => {
    const source = `${COLLECT}
      const http = require('http');
      exports.handler = (event) => new Promise((resolve, reject) => { http.get(event.url, (response) => collect(response, resolve)).on('error', reject); });`;
    const fn = nodeFunction('passthrough', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: `${serverUrl}/elsewhere` });

    expect(payloadOf(outcome)).toEqual({ statusCode: 200, contentType: 'text/plain', body: 'network answered /elsewhere' });
  });

  test('fetch to another URL goes to the network', async () => {
    const source = 'exports.handler = async (event) => (await fetch(event.url)).text();';
    const fn = nodeFunction('fetchpassthrough', { 'index.js': source });

    const outcome = await start(fn).invoke(fn.arn, { url: `${serverUrl}/fetched` });

    expect(payloadOf(outcome)).toBe('network answered /fetched');
  });

  test('an outbound URL that is not absolute is refused', () => {
    const fn = nodeFunction('any', { 'index.js': '' });

    expect(() => start(fn, new Map([['/jwks.json', JWKS_RESPONSE]]))).toThrow(
      /outboundResponses key '\/jwks.json' is not an absolute URL; expected e.g. 'https:\/\/issuer.example\/.well-known\/jwks.json'/);
  });

  test('an outbound URL with a query is refused', () => {
    const fn = nodeFunction('any', { 'index.js': '' });

    expect(() => start(fn, new Map([[`${JWKS_URL}?v=1`, JWKS_RESPONSE]]))).toThrow(/must be an http\(s\) URL without query or fragment/);
  });
});
