import { IConstruct } from 'constructs';
import { check } from './errors';
import { isVariableSegment, ParsedRouteKey } from './route-key';

/**
 * The path variable each level of an API's routes uses. API Gateway refuses two variable names under one parent:
 * REST APIs because a resource has one variable child ("A sibling ({id}) of this resource already has a variable
 * path part"), HTTP APIs with a ConflictException ("has a conflicting variable on the same hierarchical level").
 */
export class PathVariables {
  private readonly byParent = new Map<string, string>();

  /**
   * @param greedyIsSibling whether a greedy `{proxy+}` conflicts with another variable at its level, as it does
   * between REST resources; HTTP API routes are only known to conflict on two names of plain variables
   */
  constructor(private readonly scope: IConstruct, private readonly greedyIsSibling: boolean) {}

  /** Records the variables of a route, refusing one that differs from another route's at the same level. */
  public reserve(prop: string, key: ParsedRouteKey): void {
    key.segments.forEach((segment, index) => {
      if (!isVariableSegment(segment) || (!this.greedyIsSibling && segment.endsWith('+}'))) {
        return;
      }
      const parent = '/' + key.segments.slice(0, index).join('/');
      const existing = this.byParent.get(parent) ?? segment;
      check(existing === segment, this.scope, 'ConflictingPathVariables', () =>
        `${prop} uses '${segment}' under '${parent}', where another route uses '${existing}'; API Gateway allows one path variable per level, so use the same name`);
      this.byParent.set(parent, segment);
    });
  }
}
