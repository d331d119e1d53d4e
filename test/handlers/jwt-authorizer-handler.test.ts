import { captureLogs, ISSUER, tokenEvent } from './jwt-fixtures';
import { JWT_AUTHORIZER_CONFIG_ENV } from '../../src/handlers/jwt-authorizer-config.lambda-shared';

type Handler = typeof import('../../src/handlers/jwt-authorizer.lambda').handler;

const original = process.env[JWT_AUTHORIZER_CONFIG_ENV];

afterEach(() => {
  jest.restoreAllMocks();
  if (original === undefined) {
    delete process.env[JWT_AUTHORIZER_CONFIG_ENV];
  } else {
    process.env[JWT_AUTHORIZER_CONFIG_ENV] = original;
  }
});

/** A fresh copy of the module, as in a new Lambda container. */
function coldStartHandler(): Handler {
  let handler: Handler | undefined;
  jest.isolateModules(() => {
    handler = jest.requireActual<typeof import('../../src/handlers/jwt-authorizer.lambda')>('../../src/handlers/jwt-authorizer.lambda').handler;
  });
  return handler!;
}

function decisions(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line));
}

describe('handler', () => {
  it('refuses every request when the configuration cannot be parsed, and logs why once', async () => {
    const logs = captureLogs();
    process.env[JWT_AUTHORIZER_CONFIG_ENV] = JSON.stringify({ issuer: 'http://insecure.example.com' });
    const handler = coldStartHandler();

    await expect(handler(tokenEvent('a.b.c'))).rejects.toThrow(/Unauthorized/);
    await expect(handler(tokenEvent('a.b.c'))).rejects.toThrow(/Unauthorized/);

    expect(decisions(logs.lines())).toEqual([
      expect.objectContaining({ level: 'ERROR', reason: 'invalid-config', message: expect.stringMatching(/issuer/) }),
      expect.objectContaining({ decision: 'unauthorized', reason: 'invalid-config' }),
      expect.objectContaining({ decision: 'unauthorized', reason: 'invalid-config' }),
    ]);
  });

  it('reads the configuration from the environment once per container', async () => {
    const logs = captureLogs();
    process.env[JWT_AUTHORIZER_CONFIG_ENV] = JSON.stringify({ issuer: ISSUER });
    const handler = coldStartHandler();

    await expect(handler(tokenEvent(''))).rejects.toThrow(/Unauthorized/);
    process.env[JWT_AUTHORIZER_CONFIG_ENV] = 'not json';
    await expect(handler(tokenEvent(''))).rejects.toThrow(/Unauthorized/);

    expect(decisions(logs.lines()).map((line) => line.reason)).toEqual(['missing-token', 'missing-token']);
  });
});
