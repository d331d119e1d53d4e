import { JwtExpiredError } from 'aws-jwt-verify/error';
import { createLogger, errorFields, errorNameOf } from '../../src/handlers/log.lambda-shared';

describe('createLogger', () => {
  afterEach(() => jest.restoreAllMocks());

  it('writes one JSON line with the source, the level and the fields, in that order', () => {
    const log = jest.spyOn(console, 'log').mockImplementation(() => undefined);

    createLogger('gatewaykit-test')('WARN', { outcome: 'failed', connectionId: 'abc=' });

    expect(log.mock.calls).toEqual([['{"source":"gatewaykit-test","level":"WARN","outcome":"failed","connectionId":"abc="}']]);
  });

  it('does not throw when a field cannot be serialised', () => {
    jest.spyOn(console, 'log').mockImplementation(() => undefined);

    expect(() => createLogger('gatewaykit-test')('INFO', { count: BigInt(1) })).not.toThrow();
  });

  it('does not throw when stdout fails', () => {
    jest.spyOn(console, 'log').mockImplementation(() => {
      throw new Error('stdout closed');
    });

    expect(() => createLogger('gatewaykit-test')('ERROR', { reason: 'x' })).not.toThrow();
  });
});

describe('errorNameOf', () => {
  it('names an AWS SDK error by the error code it sets as its name', () => {
    expect(errorNameOf(Object.assign(new Error('denied'), { name: 'AccessDeniedException' }))).toBe('AccessDeniedException');
  });

  it('names a library error that leaves name as Error by its class', () => {
    expect(errorNameOf(new JwtExpiredError('expired', 1, '2'))).toBe('JwtExpiredError');
  });

  it('names a plain Error Error', () => {
    expect(errorNameOf(new Error('x'))).toBe('Error');
  });

  it('names a thrown value that is not an Error by its type', () => {
    expect(errorNameOf('a string')).toBe('string');
    expect(errorNameOf(undefined)).toBe('undefined');
  });
});

describe('errorFields', () => {
  it('gives the name and the message of an error, and a thrown string as the message', () => {
    expect(errorFields(new TypeError('bad'))).toEqual({ errorName: 'TypeError', message: 'bad' });
    expect(errorFields('boom')).toEqual({ errorName: 'string', message: 'boom' });
  });
});
