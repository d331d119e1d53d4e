import { Stack, Token } from 'aws-cdk-lib';
import { isObject } from '../../private/values';

/**
 * The document with every value known only at deploy time (an API id, a function ARN, the region of an
 * environment-agnostic stack) written as a placeholder in the syntax of `Fn::Sub`: `${LogicalId}` for a `Ref`,
 * `${LogicalId.Attribute}` for a `Fn::GetAtt`, `${AWS::Region}` for a pseudo parameter. Joined strings keep their
 * literal parts, so `https://${Api1234}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod/` still reads as a URL.
 */
export function withDeployTimePlaceholders(stack: Stack, document: unknown): unknown {
  if (typeof document === 'string' || typeof document === 'number') {
    return Token.isUnresolved(document) ? placeholder(stack.resolve(document)) : document;
  }
  if (Array.isArray(document)) {
    return document.map((item) => withDeployTimePlaceholders(stack, item));
  }
  if (isObject(document)) {
    return Object.fromEntries(Object.entries(document).map(([key, value]) => [key, withDeployTimePlaceholders(stack, value)]));
  }
  return document;
}

/** A resolved CloudFormation expression as `Fn::Sub` would write it. */
function placeholder(expression: unknown): string {
  if (typeof expression === 'string' || typeof expression === 'number') {
    return String(expression);
  }
  if (isObject(expression)) {
    if (typeof expression.Ref === 'string') {
      return `\${${expression.Ref}}`;
    }
    const getAtt = expression['Fn::GetAtt'];
    if (Array.isArray(getAtt)) {
      return `\${${getAtt.join('.')}}`;
    }
    const join = expression['Fn::Join'];
    if (Array.isArray(join) && Array.isArray(join[1])) {
      return join[1].map(placeholder).join(String(join[0]));
    }
    const [intrinsic] = Object.keys(expression);
    return `\${${intrinsic}}`;
  }
  return JSON.stringify(expression);
}
