import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import SwaggerParser from '@apidevtools/swagger-parser';
import { App, Stack } from 'aws-cdk-lib';
import { withDeployTimePlaceholders } from '../../src/openapi/private/deploy-time-values';

/** The document as the assembly's file has it: deploy-time values as `${LogicalId}` placeholders. */
export function resolvedDocument(stack: Stack, document: unknown): any {
  return withDeployTimePlaceholders(stack, document);
}

/** Validates the document against the OpenAPI 3.0 schema and its rules (unique operation ids, path parameters...). */
export async function expectValidOpenApi(document: unknown): Promise<void> {
  await expect(SwaggerParser.validate(structuredClone(document) as any)).resolves.toBeDefined();
}

/** A new app synthesizing into a fresh temporary folder. */
export function appWithOutdir(): { app: App; outdir: string } {
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'gatewaykit-openapi-'));
  return { app: new App({ outdir }), outdir };
}
