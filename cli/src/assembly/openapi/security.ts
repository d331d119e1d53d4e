import { DocumentParts } from './document-parts';
import { PropertyReader } from '../property-reader';

/** What a security scheme means to API Gateway. */
export type SchemeUse =
  /** `x-amazon-apigateway-authorizer`: `authorizerType` in upper case (TOKEN, REQUEST, COGNITO_USER_POOLS, JWT). */
  | { readonly kind: 'authorizer'; readonly authorizerId: string; readonly authorizerType: string }
  /** `x-amazon-apigateway-authtype: awsSigv4`. */
  | { readonly kind: 'iam' }
  /** `type: apiKey` in the `x-api-key` header: the method requires an API key. */
  | { readonly kind: 'api-key' }
  | { readonly kind: 'unknown' };

/** What authorizes an operation: IAM or an authorizer, with the scopes the operation lists for it. */
export interface OperationAuthorization {
  readonly use: Extract<SchemeUse, { readonly kind: 'iam' | 'authorizer' }>;
  readonly scopes: readonly string[];
}

/** The security an operation requires: one authorization at most (as a method or route has), and an API key. */
export interface OperationSecurity {
  readonly authorization?: OperationAuthorization;
  /** The name of the API key scheme the operation requires. */
  readonly apiKey?: string;
}

/** Adds the authorizer that `extension` (a scheme's `x-amazon-apigateway-authorizer`) declares; returns its id and type. */
export type AuthorizerTranslation = (
  name: string, scheme: PropertyReader, extension: PropertyReader,
) => { readonly id: string; readonly type: string };

const SCHEME_EXTENSIONS = ['x-amazon-apigateway-authorizer', 'x-amazon-apigateway-authtype'];

/**
 * The document's security schemes (`components.securitySchemes`, `securityDefinitions`) by name, and what each means
 * to API Gateway; `addAuthorizer` adds each authorizer as a part of the API.
 */
export function securitySchemes<T extends string>(parts: DocumentParts<T>, addAuthorizer: AuthorizerTranslation): Map<string, SchemeUse> {
  const uses = new Map<string, SchemeUse>();
  for (const [name, scheme] of parts.document.securitySchemes()) {
    parts.unknownExtensions(scheme, SCHEME_EXTENSIONS, `the security scheme ${name}`);
    const extension = parts.document.object(scheme, 'x-amazon-apigateway-authorizer');
    if (extension) {
      const authorizer = addAuthorizer(name, scheme, extension);
      uses.set(name, { kind: 'authorizer', authorizerId: authorizer.id, authorizerType: authorizer.type });
    } else if (scheme.optionalString('x-amazon-apigateway-authtype')?.toLowerCase() === 'awssigv4') {
      uses.set(name, { kind: 'iam' });
    } else if (scheme.optionalString('type') === 'apiKey' && scheme.optionalString('in') === 'header' && scheme.optionalString('name')?.toLowerCase() === 'x-api-key') {
      uses.set(name, { kind: 'api-key' });
    } else {
      uses.set(name, { kind: 'unknown' });
    }
  }
  return uses;
}

/**
 * The security `operation` requires: its own `security`, else the document's. Several requirement objects are
 * alternatives, which API Gateway does not combine: the first applies and the others are reported, as is a second
 * authorization in it and a scheme API Gateway does not read.
 */
export function operationSecurity<T extends string>(
  parts: DocumentParts<T>, operation: PropertyReader, schemes: ReadonlyMap<string, SchemeUse>, what: string,
): OperationSecurity {
  const owner = operation.has('security') ? operation : parts.document.root;
  const [requirement, ...alternatives] = owner.objectList('security');
  if (alternatives.length > 0) {
    parts.unsupported(owner, `${what} lists ${alternatives.length + 1} alternative security requirements; only the first is applied`, 'security');
  }
  let authorization: OperationAuthorization | undefined;
  let apiKey: string | undefined;
  for (const name of requirement?.keys() ?? []) {
    const use = schemes.get(name);
    if (!use) {
      throw requirement.problem(`names the security scheme ${name}, which the document does not define; expected one of: ${[...schemes.keys()].join(', ') || 'none'}`, name);
    }
    if (use.kind === 'api-key') {
      apiKey = name;
    } else if (use.kind === 'unknown') {
      parts.unsupported(requirement, `${what} requires the security scheme ${name}, which API Gateway does not read: it is neither an authorizer (x-amazon-apigateway-authorizer), IAM (x-amazon-apigateway-authtype: awsSigv4) nor an API key in the x-api-key header`, name);
    } else if (authorization) {
      parts.unsupported(requirement, `${what} requires the security scheme ${name} besides another authorization; a method or route has one, so ${name} is not applied`, name);
    } else {
      authorization = { use, scopes: requirement.stringList(name) };
    }
  }
  return { authorization, apiKey };
}
