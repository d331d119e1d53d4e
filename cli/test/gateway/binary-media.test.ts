import { isBinaryMediaType } from '../../src/gateway/binary-media';

describe('isBinaryMediaType', () => {
  test('matches an exact type, ignoring case and parameters', () => {
    expect(isBinaryMediaType('Image/PNG; charset=binary', ['image/png'])).toBe(true);
  });

  test('a wildcard subtype or */* matches any type it covers', () => {
    expect(isBinaryMediaType('image/jpeg', ['image/*'])).toBe(true);
    expect(isBinaryMediaType('application/pdf', ['*/*'])).toBe(true);
  });

  test('another type, no content type or no binary media types is text', () => {
    expect(isBinaryMediaType('text/plain', ['image/*'])).toBe(false);
    expect(isBinaryMediaType(undefined, ['*/*'])).toBe(false);
    expect(isBinaryMediaType('image/png', [])).toBe(false);
  });
});
