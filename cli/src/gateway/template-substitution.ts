/** Values a gateway response or mock template may read: `$context.*` and `$stageVariables.*`. */
export interface TemplateVariables {
  readonly context: Readonly<Record<string, unknown>>;
  readonly stageVariables: Readonly<Record<string, string>>;
}

const REFERENCE = /\$\{?(context|stageVariables)((?:\.[A-Za-z0-9_-]+)+)\}?/g;

/**
 * Substitutes `$context.a.b` / `${context.a.b}` and `$stageVariables.x` in a static template, as API Gateway renders
 * gateway-response templates; an unknown variable renders empty. Templates with VTL directives (`#if`, `#foreach`) are
 * not evaluated: API Gateway does not run gateway-response templates through Velocity.
 */
export function substituteTemplate(template: string, variables: TemplateVariables): string {
  return template.replace(REFERENCE, (_, root: string, path: string) => {
    const value = lookup(root === 'context' ? variables.context : variables.stageVariables, path.slice(1).split('.'));
    return value === undefined || value === null ? '' : String(value);
  });
}

/** The value at `path` (`['identity', 'sourceIp']`) in nested objects; undefined when any step is missing. */
export function lookup(root: unknown, path: readonly string[]): unknown {
  let current = root;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) {
      return undefined;
    }
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}
