import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import type { ApiType } from './api-features';
import type { ErrorId } from './error-ids';
import { check } from './errors';

/**
 * Identity sources (where an authorizer reads a request value) are spelt differently by each API type:
 * `method.request.header.Authorization` on REST APIs, `$request.header.Authorization` on HTTP APIs and
 * `route.request.header.Authorization` on WebSocket APIs. The policy, the same for every authorizer: a prop takes
 * exactly the form its documentation gives (a full identity source, or a bare header or parameter name), and any
 * other recognisable spelling is an error that gives the value to write instead. Nothing is rewritten silently, so
 * what is written is what is deployed.
 */

/** The request values identity sources read, in every API type. */
type SourceKind = 'header' | 'querystring' | 'stageVariable' | 'context';

interface IdentitySource {
  readonly kind: SourceKind;
  readonly name: string;
}

const PREFIXES: { readonly [api in ApiType]: { readonly [kind in SourceKind]: string } } = {
  REST: { header: 'method.request.header.', querystring: 'method.request.querystring.', stageVariable: 'stageVariables.', context: 'context.' },
  HTTP: { header: '$request.header.', querystring: '$request.querystring.', stageVariable: '$stageVariables.', context: '$context.' },
  WebSocket: { header: 'route.request.header.', querystring: 'route.request.querystring.', stageVariable: 'stageVariables.', context: 'context.' },
};

const KIND_NAMES: { readonly [kind in SourceKind]: string } = {
  header: 'a header',
  querystring: 'a query string parameter',
  stageVariable: 'a stage variable',
  context: 'a context variable',
};

/** A request value in the spelling of any API type, or in a near miss such as `request.header.X` or `headers.X`. */
const REQUEST_VALUE = /^(?:method\.request\.|\$request\.|route\.request\.|request\.)?(header|headers|querystring|querystrings|query)\.(.+)$/;
const VARIABLE = /^\$?(stageVariables|context)\.(.+)$/;
/** Header names as HTTP defines them (RFC 9110 tokens); anything else would never match a request. */
export const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;

function parse(value: string): IdentitySource | undefined {
  const request = REQUEST_VALUE.exec(value);
  if (request) {
    return { kind: request[1].startsWith('header') ? 'header' : 'querystring', name: request[2] };
  }
  const variable = VARIABLE.exec(value);
  return variable ? { kind: variable[1] === 'context' ? 'context' : 'stageVariable', name: variable[2] } : undefined;
}

/**
 * ` (did you mean '…'?)` for a value given to a prop that takes full identity sources of `api`: another API type's
 * spelling, or a bare header name; empty when there is nothing to suggest.
 */
export function identitySourceSuggestion(
  api: ApiType, value: string, kinds: readonly SourceKind[] = Object.keys(KIND_NAMES) as SourceKind[],
): string {
  const source = parse(value) ?? (HEADER_NAME.test(value) ? { kind: 'header' as const, name: value } : undefined);
  return source && kinds.includes(source.kind) ? ` (did you mean '${PREFIXES[api][source.kind]}${source.name}'?)` : '';
}

/** A prop that takes the bare name of a header or query string parameter, e.g. `identityHeader: 'Authorization'`. */
export interface SourceNameProp {
  readonly kind: 'header' | 'querystring';
  /** The names accepted. */
  readonly pattern: RegExp;
  /** What a name is, e.g. `an HTTP header name such as 'Authorization'`. */
  readonly expected: string;
  readonly errorId: ErrorId;
}

/** Checks a prop that takes a bare name, refusing a full identity source with the name to write instead. */
export function checkSourceName(scope: IConstruct, prop: string, value: string, name: SourceNameProp): void {
  if (Token.isUnresolved(value)) {
    return;
  }
  const source = parse(value);
  check(source === undefined, scope, name.errorId, () => source!.kind === name.kind
    ? `${prop} is '${value}', a full identity source; expected the ${name.kind === 'header' ? 'header' : 'query string parameter'} name alone: '${source!.name}'`
    : `${prop} is '${value}', which reads ${KIND_NAMES[source!.kind]}; expected ${name.expected}`);
  check(name.pattern.test(value), scope, name.errorId, () => `${prop} is '${value}'; expected ${name.expected}`);
}
