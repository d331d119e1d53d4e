import { IConstruct } from 'constructs';
import { check } from '../../private/errors';
import { isObject } from '../../private/values';

/** A place in the document, shown as a JSON pointer fragment: `#/paths/~1items~1{id}/get/security`. */
export class Pointer {
  public static readonly ROOT = new Pointer([]);

  private constructor(private readonly tokens: readonly string[]) {}

  public at(...tokens: string[]): Pointer {
    return new Pointer([...this.tokens, ...tokens]);
  }

  public toString(): string {
    return `#${this.tokens.map((token) => `/${token.replace(/~/g, '~0').replace(/\//g, '~1')}`).join('')}`;
  }
}

/** A part of the document under import, with where it is, for the errors about it. */
export class DocumentReader {
  constructor(private readonly scope: IConstruct, public readonly document: Record<string, any>) {}

  /** Throws `[UnsupportedOpenApiFeature]`, naming the place in the document. */
  public unsupported(condition: boolean, pointer: Pointer, message: () => string): asserts condition {
    check(condition, this.scope, 'UnsupportedOpenApiFeature', () => `openApi.definition ${pointer}: ${message()}`);
  }

  /** Throws `[InvalidOpenApiDocument]`, naming the place in the document. */
  public invalid(condition: boolean, pointer: Pointer, message: () => string): asserts condition {
    check(condition, this.scope, 'InvalidOpenApiDocument', () => `openApi.definition ${pointer}: ${message()}`);
  }

  /** The object at `value`, following a local `$ref` (`#/components/...`) to where it points. */
  public resolve(value: unknown, pointer: Pointer): { value: Record<string, any>; pointer: Pointer } {
    this.invalid(isObject(value), pointer, () => 'is not an object');
    const ref = value.$ref;
    if (ref === undefined) {
      return { value, pointer };
    }
    this.unsupported(typeof ref === 'string' && ref.startsWith('#/'), pointer.at('$ref'), () =>
      `is ${JSON.stringify(ref)}; only references within the document ('#/components/...') are supported: bundle external references into the document first`);
    const tokens = ref.slice(2).split('/').map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'));
    const target = tokens.reduce<unknown>((node, token) => (isObject(node) ? node[token] : undefined), this.document);
    this.invalid(target !== undefined, pointer.at('$ref'), () => `is '${ref}', which points to nothing in the document`);
    return this.resolve(target, Pointer.ROOT.at(...tokens));
  }
}
