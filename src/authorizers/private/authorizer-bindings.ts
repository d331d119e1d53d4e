import { IConstruct } from 'constructs';
import { check } from '../../private/errors';

/** What REST and HTTP authorizer options have in common: an identity naming what they authorize with. */
interface IdentifiedAuthorizer {
  readonly _identity: string;
}

/**
 * The authorizers an API has bound, one binding per authorizer object. The API's default authorizer is bound as
 * `DefaultAuthorizer` and any other as `<identity>Authorizer`, so that construct ids follow what an authorizer is, not
 * the order of the routes; two objects with the same identity would collide, and are refused.
 */
export class AuthorizerBindings<A extends IdentifiedAuthorizer, B> {
  private readonly bindings = new Map<A, B>();
  private readonly ids = new Set<string>();

  /**
   * @param className the authorizer class, as the error for two objects sharing an identity names it
   * @param identifiedBy what an identity is made of besides the kind, e.g. `function or user pool`
   */
  constructor(
    private readonly scope: IConstruct,
    private readonly defaultAuthorizer: A,
    private readonly className: string,
    private readonly identifiedBy: string,
  ) {}

  /** The binding of `authorizer`, made on first use with `bind(id)`. */
  public bind(authorizer: A, bind: (id: string) => B): B {
    let bound = this.bindings.get(authorizer);
    if (bound === undefined) {
      const id = authorizer === this.defaultAuthorizer ? 'DefaultAuthorizer' : `${authorizer._identity}Authorizer`;
      check(!this.ids.has(id), this.scope, 'DuplicateAuthorizer', () =>
        `two different ${this.className} objects share the identity '${authorizer._identity}' (the same kind and ${this.identifiedBy}); create the authorizer once and pass the same object to each route`);
      this.ids.add(id);
      bound = bind(id);
      this.bindings.set(authorizer, bound);
    }
    return bound;
  }

  /** Every binding made so far, the default authorizer's included once a route used it. */
  public get all(): B[] {
    return [...this.bindings.values()];
  }

  /** The default authorizer's binding, once bound. */
  public get defaultBinding(): B | undefined {
    return this.bindings.get(this.defaultAuthorizer);
  }
}
