import { classify } from '../../src/integ/assertion-result';
import { HandlerNotes } from '../../src/integ/handler-notes';

const success = (assertion?: Record<string, unknown>) => ({
  Status: 'SUCCESS' as const,
  Data: assertion === undefined ? {} : { assertion: JSON.stringify(assertion) },
});

describe('the outcome of an assertion', () => {
  test('passes when the handler reports a successful assertion', () => {
    expect(classify({ response: success({ status: 'success' }), unanswered: [] })).toEqual({ status: 'pass' });
  });

  test('passes a call without expectation that succeeded', () => {
    expect(classify({ response: success(), unanswered: [] })).toEqual({ status: 'pass' });
  });

  test('fails with the mismatch the handler rendered', () => {
    expect(classify({ response: success({ status: 'fail', message: 'Expected 200 but received 403' }), unanswered: [] }))
      .toEqual({ status: 'fail', message: 'Expected 200 but received 403' });
  });

  test('is skipped, not passed, when a call could not be answered locally, whatever the handler answered', () => {
    const run = { response: success({ status: 'success' }), unanswered: ['dynamodb DynamoDB_20120810.PutItem', 'dynamodb DynamoDB_20120810.PutItem'] };

    expect(classify(run)).toEqual({ status: 'skip', message: 'dynamodb DynamoDB_20120810.PutItem: not available locally' });
  });

  test('is skipped when the client package of the service is not installed', () => {
    const reason = "Service wafv2 client package with name '@aws-sdk/client-wafv2' does not exist.";

    expect(classify({ response: { Status: 'FAILED', Reason: reason }, unanswered: [] })).toEqual({ status: 'skip', message: reason });
  });

  test('fails after the waiter gave up with the number of retries and the last mismatch', () => {
    const run = {
      response: { Status: 'FAILED' as const, Reason: 'Operation timed out: {"RequestType":"Create"}' },
      execution: { status: 'SUCCEEDED' as const, output: null, attempts: 20 },
      lastMismatch: 'Expected 401 but received 200',
      unanswered: [],
    };

    expect(classify(run)).toEqual({ status: 'fail', message: 'no success after 19 attempts; last: Expected 401 but received 200' });
  });

  test('fails when the handler sent no response, with the invocation error', () => {
    expect(classify({ invocationError: 'Task timed out after 120.00 seconds', unanswered: [] }))
      .toEqual({ status: 'fail', message: 'the assertion handler sent no response: Task timed out after 120.00 seconds' });
  });
});

describe('what the assertion handler prints', () => {
  test('gives the mismatch of the last failed isComplete attempt, once', () => {
    const notes = new HandlerNotes();
    const failed = (message: string) => `2026-01-01T00:00:00.000Z\tid\tINFO\tAssertion Failed: ${JSON.stringify({ failed: true, assertion: JSON.stringify({ status: 'fail', message }) })}`;

    notes.observe(failed('first'));
    notes.observe(failed('second'));

    expect(notes.drain()).toEqual({ mismatch: 'second', missingClient: undefined });
    expect(notes.drain()).toEqual({ mismatch: undefined, missingClient: undefined });
  });

  test('gives the client package the handler could not load', () => {
    const notes = new HandlerNotes();

    notes.observe("Error: Service apigatewayv2 client package with name '@aws-sdk/client-apigatewayv2' does not exist.");

    expect(notes.drain().missingClient).toBe("Service apigatewayv2 client package with name '@aws-sdk/client-apigatewayv2' does not exist.");
  });
});
