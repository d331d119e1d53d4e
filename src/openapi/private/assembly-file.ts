import * as fs from 'fs';
import * as path from 'path';
import { attachCustomSynthesis, Stack } from 'aws-cdk-lib';
import { IConstruct } from 'constructs';
import { withDeployTimePlaceholders } from './deploy-time-values';
import { OpenApiObject } from './document-builder';

/** The member of an assembly's document that names the API construct, which `gatewaykit openapi --api` matches. */
export const CONSTRUCT_PATH_EXTENSION = 'x-gatewaykit-construct-path';

/**
 * Writes the API's document into the cloud assembly when the app synthesizes, as
 * `<stack artifact id>.<construct path below the stack, dot-separated>.openapi.json`, with the values known only at
 * deploy time as `${LogicalId}` placeholders.
 */
export function writeDocumentAtSynth(api: IConstruct, document: () => OpenApiObject): void {
  attachCustomSynthesis(api, {
    onSynthesize: (session) => {
      const stack = Stack.of(api);
      const contents = { ...withDeployTimePlaceholders(stack, document()) as OpenApiObject, [CONSTRUCT_PATH_EXTENSION]: api.node.path };
      fs.writeFileSync(path.join(session.outdir, documentFileName(stack, api)), `${JSON.stringify(contents, undefined, 2)}\n`);
    },
  });
}

/** `Orders.Api.openapi.json` for the construct `Orders/Api` of the stack `Orders`. */
export function documentFileName(stack: Stack, api: IConstruct): string {
  const below = api.node.scopes.slice(api.node.scopes.indexOf(stack) + 1).map((scope) => scope.node.id);
  return `${stack.artifactId}.${below.join('.')}.openapi.json`;
}
