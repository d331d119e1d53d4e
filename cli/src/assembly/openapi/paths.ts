import { DocumentParts } from './document-parts';
import { PropertyReader } from '../property-reader';

/** The operations of a path item by key, with the HTTP method each declares. */
const OPERATION_METHODS: Readonly<Record<string, string>> = {
  'get': 'GET',
  'put': 'PUT',
  'post': 'POST',
  'delete': 'DELETE',
  'options': 'OPTIONS',
  'head': 'HEAD',
  'patch': 'PATCH',
  'x-amazon-apigateway-any-method': 'ANY',
};

/** One path of the document with its operations. */
export interface PathOperations {
  /** As written: `/pets/{id}`, or `$default` (HTTP APIs). */
  readonly path: string;
  readonly pathItem: PropertyReader;
  readonly operations: ReadonlyArray<{ readonly httpMethod: string; readonly operation: PropertyReader }>;
}

/**
 * The paths of the document and their operations, `$ref`s followed. `$default` is a path only where `defaultRoute`
 * allows it (HTTP APIs' default route); every other path begins with `/`.
 */
export function pathOperations<T extends string>(parts: DocumentParts<T>, defaultRoute: boolean): PathOperations[] {
  const { document } = parts;
  const paths = document.root.object('paths');
  if (!paths) return [];
  return paths.keys().filter((key) => !key.startsWith('x-')).map((path) => {
    const isDefault = defaultRoute && (path === '$default' || path === '/$default');
    if (!path.startsWith('/') && !isDefault) {
      throw paths.problem(`is not a path; expected one that begins with /${defaultRoute ? ', or $default' : ''}`, path);
    }
    const pathItem = document.requiredObject(paths, path);
    parts.unknownExtensions(pathItem, ['x-amazon-apigateway-any-method'], `the path ${path}`);
    if (pathItem.has('trace')) {
      parts.unsupported(pathItem, `the path ${path} has a TRACE operation, which API Gateway does not serve`, 'trace');
    }
    const operations = pathItem.keys().filter((key) => key in OPERATION_METHODS).map((key) => ({
      httpMethod: OPERATION_METHODS[key],
      operation: document.requiredObject(pathItem, key),
    }));
    return { path: isDefault ? '$default' : path, pathItem, operations };
  });
}
