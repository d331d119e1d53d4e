/**
 * `$util` of API Gateway mapping templates. The escaping and URL functions follow the Java libraries API Gateway
 * uses (Apache Commons `escapeJavaScript`, `java.net.URLEncoder`/`URLDecoder`), whose rules differ from JavaScript's.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html#util-template-reference
 */
export const VTL_UTIL = {
  /** Escapes `\`, quotes (single ones too, which makes the result invalid inside JSON, as in AWS), `/` and control characters. */
  escapeJavaScript(value: unknown): string {
    return String(value ?? '').replace(/[\\"'/\u0000-\u001f\u007f-\uffff]/g, (char) => JS_ESCAPES[char] ?? `\\u${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  },
  /** Parses a JSON string into an object that the template can navigate; a malformed string gives nothing. */
  parseJson(value: unknown): unknown {
    try {
      return JSON.parse(String(value));
    } catch {
      return undefined;
    }
  },
  /** `application/x-www-form-urlencoded`, as `URLEncoder.encode(s, "UTF-8")`: a space is `+`; `*` stays, `~!'()` do not. */
  urlEncode(value: unknown): string {
    return encodeURIComponent(String(value ?? ''))
      .replace(/%20/g, '+')
      .replace(/[!'()~]/g, (char) => `%${char.charCodeAt(0).toString(16).toUpperCase()}`);
  },
  /** As `URLDecoder.decode(s, "UTF-8")`: `+` is a space; a malformed escape leaves the text as it is. */
  urlDecode(value: unknown): string {
    const text = String(value ?? '').replace(/\+/g, ' ');
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  },
  base64Encode(value: unknown): string {
    return Buffer.from(String(value ?? ''), 'utf8').toString('base64');
  },
  base64Decode(value: unknown): string {
    return Buffer.from(String(value ?? ''), 'base64').toString('utf8');
  },
};

const JS_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', '"': '\\"', '\'': '\\\'', '/': '\\/', '\b': '\\b', '\f': '\\f', '\n': '\\n', '\r': '\\r', '\t': '\\t',
};
