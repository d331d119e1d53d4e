import { BASE_CONFIG, captureLogs, tokenEvent } from './jwt-fixtures';
import { buildAuthorizer } from '../../src/handlers/jwt-authorizer-core.lambda-shared';

const TOKEN = 'eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl';

afterEach(() => {
  jest.restoreAllMocks();
});

describe('buildAuthorizer', () => {
  it.each([
    ['a TypeError', new TypeError('boom')],
    ['a string', 'boom'],
    ['undefined', undefined],
  ])('turns a verifier failure with %s into exactly Error("Unauthorized")', async (_name, thrown) => {
    captureLogs();
    const authorize = buildAuthorizer({ config: BASE_CONFIG, verify: () => Promise.reject(thrown), classify: () => 'unexpected' });

    const error = await authorize(tokenEvent(TOKEN)).catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(Error);
    expect(Object.getPrototypeOf(error)).toBe(Error.prototype);
    expect((error as Error).message).toMatch(/^Unauthorized$/);
  });

  it('is still Unauthorized when classifying the failure throws', async () => {
    const logs = captureLogs();
    const authorize = buildAuthorizer({
      config: BASE_CONFIG,
      verify: () => Promise.reject(new Error('boom')),
      classify: () => { throw new Error('classifier bug'); },
    });

    await expect(authorize(tokenEvent(TOKEN))).rejects.toThrow(/Unauthorized/);
    expect(JSON.parse(logs.lines()[0])).toMatchObject({ level: 'ERROR', reason: 'unexpected' });
  });

  it('is still Unauthorized when writing the log fails', async () => {
    jest.spyOn(console, 'log').mockImplementation(() => { throw new Error('stdout closed'); });
    const authorize = buildAuthorizer({ config: BASE_CONFIG, verify: () => Promise.reject(new Error('boom')), classify: () => 'unexpected' });

    await expect(authorize(tokenEvent(TOKEN))).rejects.toThrow(/^Unauthorized$/);
  });

  it('does not call the verifier for a request it already refused', async () => {
    captureLogs();
    const verify = jest.fn();
    const authorize = buildAuthorizer({ config: BASE_CONFIG, verify, classify: () => 'unexpected' });

    await expect(authorize(tokenEvent(''))).rejects.toThrow(/Unauthorized/);
    expect(verify).not.toHaveBeenCalled();
  });
});
