import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { UnresolvedPropertyError } from '../assembly/errors';
import type { InvokeOutcome } from '../lambda';
import { describeAssertion } from './assertion-description';
import type { AssertionPlan, AssertionResource } from './assertion-plan';
import { AssertionResult, classify, HandlerRun } from './assertion-result';
import { firstPlaceholder, MissingAttributeError, withAttributeValues } from './attribute-values';
import type { HandlerNotes } from './handler-notes';
import type { LocalStateMachines } from './local-state-machines';
import { ResponseCollector } from './response-collector';

/** What running the assertions needs from the served app. */
export interface AssertionContext {
  readonly invoke: (functionArn: string, event: unknown) => Promise<InvokeOutcome>;
  readonly machines: LocalStateMachines;
  readonly collector: ResponseCollector;
  /**
   * The host names of the served APIs' execute-api URLs, each with what the runtime does not emulate of that API (its
   * startup report's items that affect routes): a failed HTTP call to such an API is skipped with those reasons.
   */
  readonly localHosts: ReadonlyMap<string, readonly string[]>;
  /** The calls the local AWS endpoint could not answer since the last call, and forgets them. */
  readonly drainUnanswered: () => string[];
  /** What the handler printed that its response does not say. */
  readonly notes: HandlerNotes;
}

/**
 * Creates each assertion custom resource as CloudFormation would, one at a time in dependency order: invokes its
 * handler (integ-tests-alpha's own) with a `Create` request whose properties are resolved locally, waits for its
 * response and for the waiter's execution when there is one, and classifies the result. An assertion whose
 * dependency did not pass is skipped, as CloudFormation would never create it.
 */
export async function runAssertions(plan: AssertionPlan, context: AssertionContext): Promise<AssertionResult[]> {
  const data = new Map<string, Readonly<Record<string, unknown>>>();
  const statuses = new Map<string, AssertionResult['status']>();
  const results: AssertionResult[] = [];
  for (const assertion of plan.assertions) {
    const started = performance.now();
    const result = await runOne(assertion, context, data, statuses);
    statuses.set(assertion.logicalId, result.status);
    results.push({ ...result, durationMs: Math.round(performance.now() - started) });
  }
  return results;
}

async function runOne(
  assertion: AssertionResource,
  context: AssertionContext,
  data: Map<string, Readonly<Record<string, unknown>>>,
  statuses: ReadonlyMap<string, AssertionResult['status']>,
): Promise<Omit<AssertionResult, 'durationMs'>> {
  const { stack, logicalId, type } = assertion;
  let resolved: Record<string, unknown>;
  try {
    resolved = stack.properties(logicalId);
  } catch (error) {
    if (!(error instanceof UnresolvedPropertyError)) throw error;
    return { name: describeAssertion(type, logicalId, stack.template.resources.get(logicalId)?.properties ?? {}), status: 'skip', message: error.message };
  }
  const name = describeAssertion(type, logicalId, resolved);
  const blocker = assertion.dependsOn.find((id) => statuses.get(id) !== 'pass');
  if (blocker !== undefined) {
    return { name, status: 'skip', message: `depends on ${blocker}, which ${statuses.get(blocker) === 'fail' ? 'failed' : 'was skipped'}` };
  }
  let properties: Record<string, unknown>;
  try {
    properties = withAttributeValues(resolved, data) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof MissingAttributeError) return { name, status: 'fail', message: error.message };
    throw error;
  }
  const unresolved = firstPlaceholder(properties);
  if (unresolved !== undefined) return { name, status: 'skip', message: `needs ${unresolved}, which has no local value` };
  const host = httpCallHost(type, properties);
  const gaps = host === undefined ? [] : context.localHosts.get(host);
  if (gaps === undefined) return { name, status: 'skip', message: `${urlOf(properties)} is not the URL of an API served locally` };

  const run = await invokeHandler(assertion, properties, context);
  const outcome = classify(run);
  if (outcome.status === 'pass') data.set(logicalId, run.response?.Data ?? {});
  if (outcome.status === 'fail' && gaps.length > 0) {
    return { name, status: 'skip', message: `the local runtime does not emulate what the answer depends on: ${gaps.join('; ')} (locally: ${outcome.message})` };
  }
  return { name, ...outcome };
}

async function invokeHandler(assertion: AssertionResource, properties: Record<string, unknown>, context: AssertionContext): Promise<HandlerRun> {
  const requestId = randomUUID();
  const serviceToken = String(properties.ServiceToken);
  context.drainUnanswered();
  context.notes.drain();
  const outcome = await context.invoke(serviceToken, {
    RequestType: 'Create',
    ServiceToken: serviceToken,
    ResponseURL: ResponseCollector.urlFor(requestId),
    StackId: assertion.stack.pseudoParameters.stackId,
    RequestId: requestId,
    LogicalResourceId: assertion.logicalId,
    ResourceType: assertion.type,
    ResourceProperties: properties,
  });
  const execution = await context.machines.settled(requestId);
  return {
    response: context.collector.take(requestId),
    execution,
    invocationError: outcome.kind === 'result' ? undefined : outcome.errorMessage,
    unanswered: context.drainUnanswered(),
    ...notesOf(context.notes),
  };
}

function notesOf(notes: HandlerNotes): Pick<HandlerRun, 'lastMismatch' | 'missingClient'> {
  const { mismatch, missingClient } = notes.drain();
  return { lastMismatch: mismatch, missingClient };
}

/**
 * The host an HTTP call goes to (undefined for other assertions). Loopback hosts count as served locally, with no gaps.
 */
function httpCallHost(type: string, properties: Record<string, unknown>): string | undefined {
  if (!type.includes('@HttpCall')) return undefined;
  try {
    const host = new URL(urlOf(properties)).hostname;
    return ['localhost', '127.0.0.1', '[::1]'].includes(host) ? undefined : host;
  } catch {
    return '';
  }
}

function urlOf(properties: Record<string, unknown>): string {
  return String((properties.parameters as { url?: unknown } | undefined)?.url);
}
