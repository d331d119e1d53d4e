/**
 * Matches request paths against API Gateway path templates (`/items/{id}`, `/files/{proxy+}`) in API Gateway's order:
 * a literal segment before a path variable, a path variable before a greedy one, which matches one or more segments.
 * Segments are compared as sent (percent-encoded); variable values are not decoded, as API Gateway passes them.
 */
export class PathRouter<T> {
  private readonly root = new TrieNode<T>();

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

  /** Every template matching `path`, most specific first, with the path variables each binds. */
  public *matches(path: string): Generator<PathMatch<T>> {
    yield* walk(this.root, splitPath(path), 0, {});
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

function* walk<T>(node: TrieNode<T>, segments: string[], index: number, bound: Record<string, string>): Generator<PathMatch<T>> {
  if (index === segments.length) {
    if (node.value !== undefined) {
      yield { value: node.value, pathParameters: bound };
    }
    return;
  }
  const segment = segments[index];
  const literal = node.literals.get(segment);
  if (literal) {
    yield* walk(literal, segments, index + 1, bound);
  }
  if (node.variable && segment.length > 0) {
    yield* walk(node.variable.node, segments, index + 1, { ...bound, [node.variable.name]: segment });
  }
  if (node.greedy?.node.value !== undefined) {
    yield { value: node.greedy.node.value, pathParameters: { ...bound, [node.greedy.name]: segments.slice(index).join('/') } };
  }
}

/** `/a/b/` -> `['a', 'b']`; the root is no segment at all. */
function splitPath(path: string): string[] {
  const trimmed = path.replace(/^\/+/, '').replace(/\/+$/, '');
  return trimmed === '' ? [] : trimmed.split('/');
}
