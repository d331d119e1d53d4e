import { apiArgs, runCommand, runJson } from './support';
import { SERVE_TIMEOUT_MS, serveMeteredApp } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

describe('gatewaykit canary', () => {
  let app: ServedTestApp;

  beforeEach(async () => {
    app = await serveMeteredApp();
  }, SERVE_TIMEOUT_MS);
  afterEach(() => app.stop());

  const flagsServed = async () => {
    const key = (await (await fetch(`${app.running.controlPlaneUrl}/apikeys?includeValues=true`)).json()).item.find((k: { name: string }) => k.name === 'acme').value;
    const bodies = await Promise.all(Array.from({ length: 8 }, () => app.fetch('orders', { headers: { 'x-api-key': key } }, 'Metered', 'prod').then((r) => r.json())));
    return new Set(bodies.map((body) => body.stageVariables.flags));
  };

  test('status shows the stage deployment and the canary share, deployment and overrides as a table', async () => {
    const { output } = await runCommand('canary', ['status', ...apiArgs(app)]);
    expect(output).toMatch(/^STAGE\s+DEPLOYMENT\s+CANARY TRAFFIC\s+CANARY DEPLOYMENT\s+CANARY OVERRIDES\nprod\s+\S+\s+50%\s+\S+\s+flags=v2\n$/);
  });

  test('promote gives the stage the canary deployment and overrides, removes the canary, and the runtime serves it at once', async () => {
    const before = await runJson('canary', ['status', ...apiArgs(app)]);
    const promoted = await runJson('canary', ['promote', ...apiArgs(app)]);
    expect(promoted).toMatchObject({ release: 'promoted', deploymentId: before.canary.deploymentId, variables: { flags: 'v2' }, canary: null });
    expect(await flagsServed()).toEqual(new Set(['v2']));
  });

  test('rollback removes the canary and keeps the stage deployment and variables, and the runtime serves them at once', async () => {
    const before = await runJson('canary', ['status', ...apiArgs(app)]);
    const rolledBack = await runJson('canary', ['rollback', ...apiArgs(app), '--stage', 'prod']);
    expect(rolledBack).toMatchObject({ release: 'rolled back', deploymentId: before.deploymentId, variables: { flags: 'v1' }, canary: null });
    expect(await flagsServed()).toEqual(new Set(['v1']));
  });

  test('promote of a stage without canary says there is none to promote', async () => {
    await runCommand('canary', ['rollback', ...apiArgs(app)]);
    await expect(runCommand('canary', ['promote', ...apiArgs(app)])).rejects.toThrow(/^stage 'prod' of REST API \w+ has no canary to promote$/);
  });

  test('an unknown stage is NotFoundException in one line', async () => {
    await expect(runCommand('canary', ['status', ...apiArgs(app), '--stage', 'nope'])).rejects.toThrow(/^GetStage failed: NotFoundException: Invalid Stage identifier specified$/);
  });

  test('--help prints the usage', async () => {
    expect((await runCommand('canary', ['--help'])).output).toMatch(/^usage: gatewaykit canary status\|promote\|rollback/);
  });
});
