import { GetSecretValueCommand } from '@aws-sdk/client-secrets-manager';
import { apiArgs, keyValue, ordersStatus, runCommand, runJson } from './support';
import { clientsOf, SERVE_TIMEOUT_MS, serveMeteredApp } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

describe('gatewaykit keys', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveMeteredApp();
  }, SERVE_TIMEOUT_MS);
  afterAll(() => app.stop());

  const secretOf = async (name: string) => {
    const keys = await runJson<Array<{ name: string; secret: string | null }>>('keys', ['list', ...apiArgs(app)]);
    return keys.find((key) => key.name === name)!.secret!;
  };

  test('list shows each customer key with its state, usage plan and the secret holding its value', async () => {
    const { output } = await runCommand('keys', ['list', ...apiArgs(app)]);
    expect(output).toMatch(/^NAME\s+ID\s+STATE\s+PLANS\s+SECRET\nacme\s+\w{10}\s+enabled\s+\S+\s+arn:aws:secretsmanager:\S+\nglobex\s+\w{10}\s+disabled\s/);
  });

  test('enable and disable change what the runtime accepts from the next request', async () => {
    const globex = await keyValue(app, 'globex');
    expect(await ordersStatus(app, globex)).toBe(403);
    await runCommand('keys', ['enable', ...apiArgs(app), '--key', 'globex']);
    expect(await ordersStatus(app, globex)).toBe(200);
    const disabled = await runJson<Array<{ enabled: boolean }>>('keys', ['disable', ...apiArgs(app), '--key', 'globex']);
    expect(disabled[0].enabled).toBe(false);
    expect(await ordersStatus(app, globex)).toBe(403);
  });

  test('create adds an enabled key to the plan and prints its value once', async () => {
    const plan = (await runJson<Array<{ plans: string[] }>>('keys', ['list', ...apiArgs(app)]))[0].plans[0];
    const created = await runJson<{ value: string; name: string }>('keys', ['create', ...apiArgs(app), '--name', 'initech', '--plan', plan]);
    expect(created.name).toBe('initech');
    expect(await ordersStatus(app, created.value)).toBe(200);
  });

  test('rotate attaches a new key, puts its value in the customer\'s secret, then disables the old key', async () => {
    const oldValue = await keyValue(app, 'acme');
    const secretArn = await secretOf('acme');
    const rotation = await runJson<{ value: string; oldKeyEnabled: boolean; secretUpdated: string }>('keys', ['rotate', ...apiArgs(app), '--key', 'acme']);
    expect(rotation).toMatchObject({ oldKeyEnabled: false, secretUpdated: secretArn });
    expect(await ordersStatus(app, rotation.value)).toBe(200);
    expect(await ordersStatus(app, oldValue)).toBe(403);
    const secret = await clientsOf(app).secretsManager.send(new GetSecretValueCommand({ SecretId: secretArn }));
    expect(secret.SecretString).toBe(rotation.value);
  });

  test('rotate --keep-old leaves both keys working until the old one is disabled', async () => {
    const oldValue = await keyValue(app, 'acme');
    const rotation = await runJson<{ value: string; oldKeyEnabled: boolean }>('keys', ['rotate', ...apiArgs(app), '--key', 'acme', '--keep-old']);
    expect(rotation.oldKeyEnabled).toBe(true);
    expect([await ordersStatus(app, oldValue), await ordersStatus(app, rotation.value)]).toEqual([200, 200]);
  });

  test('a key that is not in the API\'s plans is refused with the keys it has', async () => {
    await expect(runCommand('keys', ['disable', ...apiArgs(app), '--key', 'nobody'])).rejects.toThrow(/^--key 'nobody' matches no key of the API's usage plans; its keys are .*globex/);
  });

  test('create without --plan says which option is missing', async () => {
    await expect(runCommand('keys', ['create', ...apiArgs(app), '--name', 'x'])).rejects.toThrow(/^keys create needs --plan/);
  });
});
