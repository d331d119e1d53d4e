import { Token } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { check } from './errors';

/** The stage names API Gateway accepts, for every API type. */
const STAGE_NAME = /^[A-Za-z0-9_-]{1,128}$/;
/** The stage of a REST or WebSocket API unless the API names another. */
export const DEFAULT_STAGE_NAME = 'prod';
/** The stage of an HTTP API served at the root of its URL. */
export const HTTP_DEFAULT_STAGE_NAME = '$default';

/**
 * Validates a stage name, first among the checks that involve it, so that a bad name is reported as such.
 * @param prop how the error names it: `stageName`, or `stages['dev']` for a key of the stages map
 * @param options.defaultStage whether `$default` is accepted (HTTP APIs)
 * @param options.literal whether the name must be known at synth (REST stages name constructs, WebSocket stages ARNs)
 */
export function checkStageName(scope: IConstruct, prop: string, name: string, options: { defaultStage?: boolean; literal?: boolean } = {}): void {
  if (Token.isUnresolved(name)) {
    check(!options.literal, scope, 'InvalidStageName', () =>
      `${prop} is a token (${name}); expected a literal stage name, known at synth because the construct derives ids and ARNs from it`);
    return;
  }
  check(STAGE_NAME.test(name) || (options.defaultStage === true && name === HTTP_DEFAULT_STAGE_NAME), scope, 'InvalidStageName', () =>
    `${prop} is '${name}'; expected 1 to 128 letters, digits, hyphens and underscores, e.g. 'prod'${options.defaultStage ? ", or '$default' (the root of the URL)" : ''}`);
}
