import { IConstruct } from 'constructs';

/** What an API imported from an OpenAPI document keeps of it, so that its own document names things the same way. */
export interface ImportedFacts {
  /** The document's `info.version`; its title and description name the API (`apiName`, `description`). */
  readonly version: string;
  /** The operation id of each route, by route key. */
  readonly operationIds: Map<string, string>;
  /** The name of the security scheme of each authorized route, by route key. */
  readonly schemeNames: Map<string, string>;
}

const FACTS = new WeakMap<IConstruct, ImportedFacts>();

export function recordImportedFacts(api: IConstruct, facts: ImportedFacts): void {
  FACTS.set(api, facts);
}

/** The facts of the document `api` was imported from; undefined for an API built from routes. */
export function importedFacts(api: IConstruct): ImportedFacts | undefined {
  return FACTS.get(api);
}
