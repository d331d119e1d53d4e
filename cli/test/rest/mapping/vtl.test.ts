import { renderVtl, VtlVariables } from '../../../src/rest/mapping/vtl';

// The variables and functions of https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html

const variables = (body: string, context: Record<string, unknown> = {}): VtlVariables => ({
  body,
  params: { path: { id: '42' }, querystring: { q: 'a b', id: 'from-query' }, header: { 'X-Trace': 'abc', 'Content-Type': 'application/json' } },
  context: { requestId: 'r-1', stage: 'prod', identity: { sourceIp: '127.0.0.1' }, ...context },
  stageVariables: { env: 'test' },
});

const BODY = JSON.stringify({ name: 'O\'Neil', items: [{ id: 1 }, { id: 2 }], nested: { value: null } });

describe('$input', () => {
  test('$input.body is the raw payload', () => {
    expect(renderVtl('$input.body', variables('raw text'))).toBe('raw text');
  });

  test('$input.json returns the JSON text of what the path selects', () => {
    expect(renderVtl('$input.json(\'$.items[0]\')', variables(BODY))).toBe('{"id":1}');
  });

  test('$input.json of an indefinite path returns the list of matches', () => {
    expect(renderVtl('$input.json(\'$.items[*].id\')', variables(BODY))).toBe('[1,2]');
  });

  test('$input.path returns an object the template can navigate', () => {
    expect(renderVtl('#foreach($item in $input.path(\'$.items\'))$item.id#if($foreach.hasNext),#end#end', variables(BODY))).toBe('1,2');
  });

  test('$input.path of a missing property renders nothing', () => {
    expect(renderVtl('"$input.path(\'$.missing\')" "$input.path(\'$.nested.value\')"', variables(BODY))).toBe('"" ""');
  });

  test('$input.params(name) searches the path, then the query string, then the headers', () => {
    expect(renderVtl('$input.params(\'id\') $input.params(\'q\') $input.params(\'x-trace\')', variables(''))).toBe('42 a b abc');
  });

  test('$input.params() returns the path, querystring and header maps', () => {
    expect(renderVtl('$input.params().header.get(\'X-Trace\') $input.params().querystring.q $input.params().path.id', variables(''))).toBe('abc a b 42');
  });
});

describe('$util', () => {
  test('escapeJavaScript escapes quotes, backslashes and line breaks', () => {
    expect(renderVtl('$util.escapeJavaScript($input.body)', variables('say "hi"\n\\ it\'s'))).toBe('say \\"hi\\"\\n\\\\ it\\\'s');
  });

  test('parseJson turns a JSON string into an object', () => {
    expect(renderVtl('#set($o = $util.parseJson($input.body))$o.a.b', variables('{"a":{"b":"deep"}}'))).toBe('deep');
  });

  test('urlEncode encodes as application/x-www-form-urlencoded, a space as +', () => {
    expect(renderVtl('$util.urlEncode(\'a b&c=d/é\')', variables(''))).toBe('a+b%26c%3Dd%2F%C3%A9');
  });

  test('urlDecode decodes + as a space', () => {
    expect(renderVtl('$util.urlDecode(\'a+b%26c\')', variables(''))).toBe('a b&c');
  });

  test('base64Encode and base64Decode round-trip UTF-8 text', () => {
    expect(renderVtl('$util.base64Encode(\'héllo\') $util.base64Decode(\'aMOpbGxv\')', variables(''))).toBe('aMOpbGxv héllo');
  });
});

describe('$context and $stageVariables', () => {
  test('$context and $stageVariables values render', () => {
    expect(renderVtl('$context.requestId $context.stage $context.identity.sourceIp $stageVariables.env', variables(''))).toBe('r-1 prod 127.0.0.1 test');
  });

  test('$context.responseOverride set in a template is visible to the caller, hyphenated header names included', () => {
    const vars = variables('', { responseOverride: { header: {} } });
    renderVtl('#set($context.responseOverride.status = 418)#set($context.responseOverride.header.Access-Control-Allow-Origin = "https://b.example")', vars);
    expect(vars.context.responseOverride).toEqual({ status: 418, header: { 'Access-Control-Allow-Origin': 'https://b.example' } });
  });

  test('Java String methods templates use work on strings', () => {
    expect(renderVtl('#set($s = "Hello")$s.length() $s.equals("Hello") $s.contains("ell") $s.isEmpty()', variables(''))).toBe('5 true true false');
  });
});
