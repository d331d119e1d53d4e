/**
 * Whether a content type is one of an API's binary media types (`image/png`, `image/*`, `*\/*`), which makes API
 * Gateway pass bodies to Lambda base64-encoded.
 */
export function isBinaryMediaType(contentType: string | undefined, binaryMediaTypes: readonly string[]): boolean {
  if (!contentType || binaryMediaTypes.length === 0) {
    return false;
  }
  const type = contentType.split(';')[0].trim().toLowerCase();
  return binaryMediaTypes.some((pattern) => {
    const [patternType, patternSubtype] = pattern.toLowerCase().split('/');
    const [actualType, actualSubtype] = type.split('/');
    return (patternType === '*' || patternType === actualType) && (patternSubtype === '*' || patternSubtype === actualSubtype);
  });
}
