import { substituteStageVariables } from './stage-variables';

/**
 * The URL an HTTP integration calls: `${stageVariables.x}` and `{name}` path parameters filled in (a missing one is
 * left empty), then the query parameters appended to any the URI already has. Path values are inserted as the client
 * sent them (still percent-encoded); a greedy `{proxy}` value keeps its slashes.
 */
export function integrationUrl(
  uri: string,
  pathParameters: Readonly<Record<string, string>>,
  query: readonly (readonly [string, string])[],
  stageVariables: Readonly<Record<string, string>>,
): URL {
  const filled = substituteStageVariables(uri, stageVariables).replace(/\{([^}]+?)\+?\}/g, (_, name: string) => pathParameters[name] ?? '');
  const url = new URL(filled);
  for (const [name, value] of query) {
    url.searchParams.append(name, value);
  }
  return url;
}
