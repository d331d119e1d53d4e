import * as fs from 'node:fs';
import * as path from 'node:path';
import { unzipSync } from 'fflate';
import { parse } from 'yaml';
import { apiArgs, runCommand, runJson } from './support';
import { SERVE_TIMEOUT_MS, serveMeteredApp } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

describe('gatewaykit export, sdk and cache', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveMeteredApp();
  }, SERVE_TIMEOUT_MS);
  afterAll(() => app.stop());

  test('export writes the stage\'s OpenAPI 3 definition to a file and lists it', async () => {
    const { output, cwd } = await runCommand('export', [...apiArgs(app), '--out', 'api.json']);
    expect(output).toMatch(/^API\s+STAGE\s+TYPE\s+FILE\s+BYTES\n\w+\s+prod\s+oas30\s+\S+api\.json\s+\d+\n$/);
    const document = JSON.parse(fs.readFileSync(path.join(cwd, 'api.json'), 'utf8'));
    expect(document).toMatchObject({ openapi: '3.0.1', paths: { '/orders': { get: { security: [{ api_key: [] }] } } } });
  });

  test('export --type swagger --yaml --extensions integrations writes Swagger 2.0 YAML with the integrations', async () => {
    const result = await runJson<{ file: string }>('export', [...apiArgs(app), '--type', 'swagger', '--yaml', '--extensions', 'integrations']);
    const document = parse(fs.readFileSync(result.file, 'utf8'));
    expect(document).toMatchObject({ swagger: '2.0', basePath: '/prod' });
    expect(document.paths['/orders'].get['x-amazon-apigateway-integration'].type).toBe('aws_proxy');
  });

  test('export --type of another format is refused with the formats', async () => {
    await expect(runCommand('export', [...apiArgs(app), '--type', 'raml'])).rejects.toThrow(/^--type expects oas30 or swagger, got 'raml'/);
  });

  test('sdk writes the zip the control plane returns: a stub with the Swagger export', async () => {
    const result = await runJson<{ file: string; bytes: number }>('sdk', [...apiArgs(app), '--type', 'javascript', '--out', 'sdk.zip']);
    expect(Object.keys(unzipSync(fs.readFileSync(result.file))).sort()).toEqual(['Metered-javascript/README.md', 'Metered-javascript/swagger.json']);
  });

  test('sdk of an unknown type is refused with the types API Gateway generates', async () => {
    await expect(runCommand('sdk', [...apiArgs(app), '--type', 'cobol'])).rejects.toThrow(/^--type expects one of javascript, android, objectivec, swift, java, ruby, got 'cobol'/);
  });

  test('cache flush --authorizers flushes the stage cache and the authorizer cache', async () => {
    expect(await runJson('cache', ['flush', ...apiArgs(app), '--authorizers'])).toMatchObject({ stageName: 'prod', flushed: ['stage cache', 'authorizer cache'] });
  });
});
