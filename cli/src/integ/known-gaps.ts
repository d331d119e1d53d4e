import * as fs from 'node:fs';
import type { AssertionResult } from './assertion-result';

/** Integ test name -> assertion logical id -> why it cannot pass locally. */
export type KnownGaps = ReadonlyMap<string, ReadonlyMap<string, string>>;

/**
 * Reads a known-gaps file: `{ "integ.iam.ts": { "LambdaInvoke91d6…": "why the local runtime cannot pass it" } }`,
 * assertions that fail locally because of what the runtime does not emulate, which the runtime could not tell itself.
 */
export function readKnownGaps(file: string): KnownGaps {
  let parsed: unknown;
  try {
    parsed = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`cannot read the known gaps file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  const gaps = new Map<string, Map<string, string>>();
  for (const [test, assertions] of Object.entries(isObject(parsed) ? parsed : {})) {
    const reasons = Object.entries(isObject(assertions) ? assertions : {}).filter((entry): entry is [string, string] => typeof entry[1] === 'string');
    if (!isObject(assertions) || reasons.length !== Object.keys(assertions).length) {
      throw new Error(`the known gaps file ${file} lists ${test} as ${JSON.stringify(assertions)}; expected { "<assertion logical id>": "<why>" }`);
    }
    gaps.set(test, new Map(reasons));
  }
  return gaps;
}

/**
 * A failed assertion listed as a known gap is skipped, with the reason and what happened locally; a listed one that
 * passes is reported as passing, with a note that the entry can go.
 */
export function applyKnownGaps(test: string, results: readonly AssertionResult[], gaps: KnownGaps): AssertionResult[] {
  const ofTest = gaps.get(test);
  if (ofTest === undefined) return [...results];
  return results.map((result) => {
    const reason = [...ofTest].find(([logicalId]) => result.name.endsWith(`[${logicalId}]`))?.[1];
    if (reason === undefined) return result;
    if (result.status === 'fail') {
      return { ...result, status: 'skip', message: `known gap: ${reason}\nlocally: ${result.message ?? ''}` };
    }
    return result.status === 'pass' ? { ...result, message: 'listed as a known gap but passes: remove it from the known gaps file' } : result;
  });
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
