import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { apiArgs, runCommand } from './support';
import { SERVE_TIMEOUT_MS, serveMeteredApp } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

const CLI_DIR = path.resolve(__dirname, '../..');

describe('AWS errors of the operations commands', () => {
  let app: ServedTestApp;
  const maxAttempts = process.env.AWS_MAX_ATTEMPTS;

  beforeAll(async () => {
    // A throttled call is retried by the SDK; one attempt shows the error at once.
    process.env.AWS_MAX_ATTEMPTS = '1';
    app = await serveMeteredApp({ UpdateStage: 'AccessDenied', GetUsage: 'Throttling' });
  }, SERVE_TIMEOUT_MS);
  afterAll(async () => {
    process.env.AWS_MAX_ATTEMPTS = maxAttempts;
    await app.stop();
  });

  test('access denied is one line naming the operation, the error and what to check', async () => {
    await expect(runCommand('canary', ['rollback', ...apiArgs(app)])).rejects.toThrow(
      /^UpdateStage failed: AccessDeniedException: User: \S+ is not authorized to perform: apigateway:UpdateStage .*\(the credentials in use lack this permission: check their IAM policy, or the --profile and --region\)$/);
  });

  test('throttling is one line saying to retry', async () => {
    await expect(runCommand('usage', apiArgs(app))).rejects.toThrow(/^GetUsage failed: TooManyRequestsException: Too Many Requests \(AWS throttled the call: retry in a moment/);
  });

  test('an unknown API id is NotFoundException', async () => {
    await expect(runCommand('cache', ['flush', '--endpoint-url', app.running.controlPlaneUrl!, '--api-id', 'abcdefghij']))
      .rejects.toThrow(/^GetStages failed: NotFoundException: Invalid API identifier specified \d+:abcdefghij$/);
  });

  test('an unknown stack is CloudFormation\'s ValidationError', async () => {
    await expect(runCommand('keys', ['list', '--endpoint-url', app.running.controlPlaneUrl!, '--stack', 'Nope', '--api', 'Metered']))
      .rejects.toThrow(/^GetTemplate failed: ValidationError: Stack with id Nope does not exist$/);
  });

  test('a construct path with no REST API under it lists the stack\'s REST APIs', async () => {
    await expect(runCommand('keys', ['list', '--endpoint-url', app.running.controlPlaneUrl!, '--stack', 'TestStack', '--api', 'Nope']))
      .rejects.toThrow(/^--api 'Nope' matches no REST API of stack TestStack; its REST APIs are TestStack\/Metered\/Api$/);
  });

  test('naming the API both ways is a usage error', async () => {
    await expect(runCommand('keys', ['list', ...apiArgs(app), '--api-id', 'abc'])).rejects.toThrow(/^name the API with --stack STACK --api CONSTRUCT_PATH, or with --api-id ID/);
  });

  test('the gatewaykit command prints an AWS error as one line on standard error and exits with 1', async () => {
    // Asynchronously: the control plane the command calls runs in this process.
    const result = await new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) => {
      const child = execFile(process.execPath, ['-r', 'ts-node/register/transpile-only', 'src/bin.ts', 'canary', 'promote', ...apiArgs(app)], {
        cwd: CLI_DIR, env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.json', NODE_NO_WARNINGS: '1' },
      }, (_error, stdout, stderr) => resolve({ code: child.exitCode, stdout, stderr }));
    });
    expect(result).toEqual({ code: 1, stdout: '', stderr: expect.stringMatching(/^gatewaykit: UpdateStage failed: AccessDeniedException: [^\n]+\n$/) });
  }, 60_000);
});
