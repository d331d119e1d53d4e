import { createRequire } from 'node:module';
import type * as Velocity from 'velocityjs';
import { VTL_UTIL } from './vtl-util';
import { evaluateJsonPath, parseJsonBody } from '../../gateway/json-path';

/** What `$input.params()` returns: the method request's parameters by location, names as sent. */
export interface MethodRequestParams {
  readonly path: Readonly<Record<string, string>>;
  readonly querystring: Readonly<Record<string, string>>;
  readonly header: Readonly<Record<string, string>>;
}

/** The variables of one template evaluation. */
export interface VtlVariables {
  /** The payload `$input` reads: the method request's body, or the integration response's. */
  readonly body: string;
  /** The method request's parameters (`$input.params`), in request and response templates alike. */
  readonly params: MethodRequestParams;
  /**
   * `$context`. The template may set `$context.requestOverride.*` and `$context.responseOverride.*` in it: the caller
   * reads them back from this object after rendering.
   */
  readonly context: Record<string, unknown>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

/** Parsed templates by source: parsing is most of a render's cost and a method's templates never change. */
const compiled = new Map<string, Velocity.Compile>();

/** The engine, loaded on first use: it adds about 100 ms to startup, and most apps have no mapping template. */
let velocity: typeof Velocity | undefined;
function engine(): typeof Velocity {
  velocity ??= createRequire(__filename)('velocityjs') as typeof Velocity;
  return velocity;
}

/**
 * Renders an API Gateway mapping template with velocityjs, giving it `$input`, `$util`, `$context` and
 * `$stageVariables` as API Gateway defines them.
 * https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-mapping-template-reference.html
 */
export function renderVtl(template: string, variables: VtlVariables): string {
  let compile = compiled.get(template);
  if (compile === undefined) {
    compile = new (engine().Compile)(engine().parse(template), { escape: false, customMethodHandlers: JAVA_STRING_METHODS });
    compiled.set(template, compile);
  }
  const context = {
    input: inputOf(variables.body, variables.params),
    util: VTL_UTIL,
    context: variables.context,
    stageVariables: { ...variables.stageVariables },
  };
  // Silent: a reference to nothing renders empty (as `$!ref`), as API Gateway renders it, not as its own text.
  return compile.render(context, undefined, true);
}

/** `$input`: the raw body, JSONPath over it, and the method request's parameters. */
function inputOf(body: string, params: MethodRequestParams) {
  let document: { value: unknown } | undefined;
  const json = () => (document ??= { value: parseJsonBody(body) }).value;
  return {
    body,
    /** JSON text of what the path selects. */
    json: (path: unknown) => JSON.stringify(evaluateJsonPath(json(), String(path)) ?? null),
    /** What the path selects, as an object the template can navigate; JSON null is nothing. */
    path: (path: unknown) => evaluateJsonPath(json(), String(path)) ?? undefined,
    /** With a name: the parameter from the path, then the query string, then the headers; without: all of them. */
    params: (name?: unknown) => {
      if (name === undefined) {
        return { path: { ...params.path }, querystring: { ...params.querystring }, header: { ...params.header } };
      }
      const key = String(name);
      const lower = key.toLowerCase();
      return params.path[key] ?? params.querystring[key]
        ?? Object.entries(params.header).find(([header]) => header.toLowerCase() === lower)?.[1] ?? '';
    },
  };
}

type MethodPayload = { readonly property: string; readonly context: unknown; readonly params: unknown[] };

/** `java.lang.String` methods templates call that JavaScript strings lack or name differently. */
const STRING_METHODS: Readonly<Record<string, (text: string, params: unknown[]) => unknown>> = {
  length: (text) => text.length,
  isEmpty: (text) => text.length === 0,
  equals: (text, [other]) => text === String(other),
  equalsIgnoreCase: (text, [other]) => text.toLowerCase() === String(other).toLowerCase(),
  contains: (text, [part]) => text.includes(String(part)),
  matches: (text, [pattern]) => new RegExp(`^(?:${String(pattern)})$`).test(text),
  replaceAll: (text, [pattern, replacement]) => text.replace(new RegExp(String(pattern), 'g'), String(replacement)),
};

const JAVA_STRING_METHODS = Object.entries(STRING_METHODS).map(([name, method]) => ({
  uid: `java.lang.String.${name}`,
  match: ({ property, context }: MethodPayload) => property === name && typeof context === 'string',
  resolve: ({ context, params }: MethodPayload) => method(context as string, params),
}));
