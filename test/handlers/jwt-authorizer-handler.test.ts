import { captureLogs, coldStartHandler, ISSUER, tokenEvent } from './jwt-fixtures';
import { JWT_AUTHORIZER_CONFIG_ENV } from '../../src/handlers/jwt-authorizer-config.lambda-shared';
import { restoreEnvironments } from '../support/environment';

afterEach(() => {
  jest.restoreAllMocks();
  restoreEnvironments();
});

function decisions(lines: string[]): Record<string, unknown>[] {
  return lines.map((line) => JSON.parse(line));
}

describe('handler', () => {
  it('refuses every request when the configuration cannot be parsed, and logs why once', async () => {
    const logs = captureLogs();
    const handler = coldStartHandler(JSON.stringify({ issuer: 'http://insecure.example.com' }));

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
    const handler = coldStartHandler(JSON.stringify({ issuer: ISSUER }));

    await expect(handler(tokenEvent(''))).rejects.toThrow(/Unauthorized/);
    process.env[JWT_AUTHORIZER_CONFIG_ENV] = 'not json';
    await expect(handler(tokenEvent(''))).rejects.toThrow(/Unauthorized/);

    expect(decisions(logs.lines()).map((line) => line.reason)).toEqual(['missing-token', 'missing-token']);
  });
});
