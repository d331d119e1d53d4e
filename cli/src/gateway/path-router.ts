/**
 * Matches request paths against API Gateway path templates (`/items/{id}`, `/files/{proxy+}`) in API Gateway's order:
 * a literal segment before a path variable, a path variable before a greedy one, which matches one or more segments.
 * Segments are compared as sent (percent-encoded); variable values are not decoded, as API Gateway passes them.
 */
export class PathRouter<T> {
  private readonly root = new TrieNode<T>();

  /**
   * @param greedyYieldsToLiteralSiblings REST APIs' rule: "When a proxy resource has non-proxy siblings, the sibling
   * resources are excluded from the representation of the proxy resource", so `/files/fixed/x` is no match for
   * `/files/{proxy+}` beside `/files/fixed` (https://docs.aws.amazon.com/apigateway/latest/developerguide/api-gateway-method-settings-method-request.html).
   * HTTP APIs choose among routes, not a resource tree, and let the greedy route catch it.
   */
  constructor(private readonly greedyYieldsToLiteralSiblings = false) {}

  /** Adds `value` under the template `path` (`/` is the root). */
  public add(path: string, value: T): void {
    let node = this.root;
    for (const segment of splitPath(path)) {
      const greedy = /^\{(.+)\+\}$/.exec(segment);
      const variable = /^\{(.+)\}$/.exec(segment);
      if (greedy) {
        node.greedy ??= { name: greedy[1], node: new TrieNode<T>() };
        node = node.greedy.node;
      } else if (variable) {
        node.variable ??= { name: variable[1], node: new TrieNode<T>() };
        node = node.variable.node;
      } else {
        let child = node.literals.get(segment);
        if (!child) {
          child = new TrieNode<T>();
          node.literals.set(segment, child);
        }
        node = child;
      }
    }
    node.value = value;
  }

  /**
   * The most specific template matching `path` whose value `accept` takes (a resource with methods, a route of the
   * request's method), with the path variables it binds; the search backtracks past values `accept` refuses.
   */
  public find(path: string, accept: (value: T) => boolean = () => true): PathMatch<T> | undefined {
    let found: PathMatch<T> | undefined;
    search(this.root, splitPath(path), 0, [], this.greedyYieldsToLiteralSiblings, (value, pathParameters) => {
      if (!accept(value)) {
        return false;
      }
      found = { value, pathParameters };
      return true;
    });
    return found;
  }

  /** Every template matching `path`, most specific first. */
  public matches(path: string): PathMatch<T>[] {
    const all: PathMatch<T>[] = [];
    search(this.root, splitPath(path), 0, [], this.greedyYieldsToLiteralSiblings, (value, pathParameters) => {
      all.push({ value, pathParameters });
      return false;
    });
    return all;
  }
}

export interface PathMatch<T> {
  readonly value: T;
  readonly pathParameters: Readonly<Record<string, string>>;
}

class TrieNode<T> {
  public readonly literals = new Map<string, TrieNode<T>>();
  public variable?: { readonly name: string; readonly node: TrieNode<T> };
  public greedy?: { readonly name: string; readonly node: TrieNode<T> };
  public value?: T;
}

/** Called with each match in order; true stops the search. */
type Visit<T> = (value: T, pathParameters: Record<string, string>) => boolean;

/**
 * Depth-first in API Gateway's order, binding variables on a stack of `[name, value]` pairs that becomes an object
 * only for a match: the router runs once per request.
 */
function search<T>(
  node: TrieNode<T>, segments: string[], index: number, bound: [string, string][], greedyYields: boolean, visit: Visit<T>,
): boolean {
  if (index === segments.length) {
    return node.value !== undefined && visit(node.value, Object.fromEntries(bound));
  }
  const segment = segments[index];
  const literal = node.literals.get(segment);
  if (literal && search(literal, segments, index + 1, bound, greedyYields, visit)) {
    return true;
  }
  if (node.variable && segment.length > 0) {
    bound.push([node.variable.name, segment]);
    const stop = search(node.variable.node, segments, index + 1, bound, greedyYields, visit);
    bound.pop();
    if (stop) {
      return true;
    }
  }
  const greedy = node.greedy;
  if (greedy?.node.value !== undefined && !(greedyYields && literal)) {
    return visit(greedy.node.value, Object.fromEntries([...bound, [greedy.name, segments.slice(index).join('/')]]));
  }
  return false;
}

/** `/a/b/` -> `['a', 'b']`; the root is no segment at all. */
function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}
