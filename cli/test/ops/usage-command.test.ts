import * as fs from 'node:fs';
import * as path from 'node:path';
import { apiArgs, keyValue, ordersStatus, runCommand, runJson } from './support';
import { SERVE_TIMEOUT_MS, serveMeteredApp } from '../control-plane/support';
import { ServedTestApp } from '../support/app';

/** The served app's fake clock stands at 2026-12-01 12:00 UTC. */
const RANGE = ['--from', '2026-11-30', '--to', '2026-12-01'];

describe('gatewaykit usage', () => {
  let app: ServedTestApp;

  beforeAll(async () => {
    app = await serveMeteredApp();
  }, SERVE_TIMEOUT_MS);
  afterAll(() => app.stop());

  test('with no request served, every key of the plan shows zero requests and its whole quota', async () => {
    const { output } = await runCommand('usage', [...apiArgs(app), ...RANGE]);
    expect(output).toMatch(/^Requests per day from 2026-11-30 to 2026-12-01 \(UTC\):\nPLAN\s+KEY\s+KEY ID\s+11-30\s+12-01\s+TOTAL\s+QUOTA LEFT\n/);
    expect(output).toMatch(/\s+acme\s+\w{10}\s+0\s+0\s+0\s+100\n/);
  });

  test('requests the runtime served with a key are counted per day, with the total and the quota left', async () => {
    const acme = await keyValue(app, 'acme');
    for (let i = 0; i < 3; i++) {
      expect(await ordersStatus(app, acme)).toBe(200);
    }
    const usage = await runJson<{ usage: Array<{ key: string; total: number; remaining: number; days: unknown[] }> }>('usage', [...apiArgs(app), ...RANGE]);
    expect(usage.usage.find((u) => u.key === 'acme')).toMatchObject({
      total: 3,
      remaining: 97,
      days: [{ date: '2026-11-30', requests: 0, remaining: 100 }, { date: '2026-12-01', requests: 3, remaining: 97 }],
    });
  });

  test('--csv writes one row per plan, key and day', async () => {
    const { cwd } = await runCommand('usage', [...apiArgs(app), ...RANGE, '--csv', 'usage.csv']);
    const lines = fs.readFileSync(path.join(cwd, 'usage.csv'), 'utf8').trim().split('\n');
    expect(lines[0]).toBe('plan,key,keyId,date,requests,remaining');
    expect(lines.filter((line) => /,globex,\w+,2026-1\d-\d\d,0,100$/.test(line))).toHaveLength(2);
  });

  test('a date that is not YYYY-MM-DD is refused before any call', async () => {
    await expect(runCommand('usage', [...apiArgs(app), '--from', '30/11/2026'])).rejects.toThrow(/^--from expects a date as YYYY-MM-DD, got '30\/11\/2026'/);
  });

  test('--plan naming no plan of the API leaves nothing to show', async () => {
    expect((await runCommand('usage', [...apiArgs(app), ...RANGE, '--plan', 'nope'])).output).toMatch(/\n\(none\)\n$/);
  });
});
