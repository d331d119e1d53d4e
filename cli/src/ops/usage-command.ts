import * as fs from 'node:fs';
import * as path from 'node:path';
import { GetUsageCommand, UsagePlan } from '@aws-sdk/client-api-gateway';
import { apiKeysOf, plansOf } from './api-keys';
import { resolveApi } from './api-target';
import { awsCall } from './aws-errors';
import { COMMON_USAGE } from './aws-options';
import { parseOpsArgs, wantsHelp } from './command-args';
import { CommandIo, csv, json, table } from './output';
import { optionValue, UsageError } from '../cli/args';

export const USAGE_USAGE = `usage: gatewaykit usage (--stack STACK --api PATH | --api-id ID) [--from YYYY-MM-DD] [--to YYYY-MM-DD]
                       [--plan PLAN] [--csv FILE] [--json]
  Requests per customer key and day (GetUsage) in each usage plan of the API, with the total and the quota left at
  the end of the range. --from defaults to 6 days before --to, --to to today (UTC); --plan keeps one plan (name or id);
  --csv also writes one row per plan, key and day to FILE.
${COMMON_USAGE}`;

const DAY_MS = 24 * 60 * 60 * 1000;

/** One key's usage in one plan. */
interface KeyUsage {
  readonly plan: UsagePlan;
  readonly keyId: string;
  readonly keyName: string;
  /** `[date, requests, remaining]` per day. */
  readonly days: ReadonlyArray<readonly [string, number, number]>;
}

/** `gatewaykit usage`: per-day and total requests per customer key, and the quota left. */
export async function usageCommand(argv: readonly string[], io: CommandIo, now: () => number = Date.now): Promise<void> {
  if (wantsHelp(argv)) {
    io.out(`${USAGE_USAGE}\n`);
    return;
  }
  const args = parseOpsArgs(argv, ['from', 'to', 'plan', 'csv'], [], USAGE_USAGE);
  const to = dateOption(optionValue(args.parsed, 'to'), 'to') ?? new Date(now()).toISOString().slice(0, 10);
  const from = dateOption(optionValue(args.parsed, 'from'), 'from') ?? new Date(Date.parse(to) - 6 * DAY_MS).toISOString().slice(0, 10);
  if (from > to) {
    throw new UsageError(`--from ${from} is after --to ${to}`);
  }
  const target = await resolveApi(args.selector, args.clients);
  const keys = await apiKeysOf(args.clients, target);
  const planFilter = optionValue(args.parsed, 'plan');
  const plans = (await plansOf(args.clients, target.restApiId)).filter((p) => !planFilter || p.id === planFilter || p.name === planFilter);
  const usages: KeyUsage[] = [];
  for (const plan of plans) {
    const usage = await awsCall('GetUsage', () => args.clients.apiGateway.send(new GetUsageCommand({ usagePlanId: plan.id, startDate: from, endDate: to })));
    for (const [keyId, values] of Object.entries(usage.items ?? {})) {
      const keyName = keys.find((k) => k.key.id === keyId)?.key.name ?? keyId;
      const dateOf = (i: number) => new Date(Date.parse(from) + i * DAY_MS).toISOString().slice(0, 10);
      const days = values.map(([requests, left], i) => [dateOf(i), requests ?? 0, left ?? 0] as const);
      usages.push({ plan, keyId, keyName, days });
    }
  }
  const csvFile = optionValue(args.parsed, 'csv');
  if (csvFile !== undefined) {
    const rows = usages.flatMap((u) => u.days.map(([date, requests, remaining]) => [u.plan.name ?? u.plan.id ?? '', u.keyName, u.keyId, date, requests, remaining]));
    fs.writeFileSync(path.resolve(io.cwd, csvFile), csv(['plan', 'key', 'keyId', 'date', 'requests', 'remaining'], rows));
  }
  io.out(args.asJson ? json({ from, to, usage: usages.map(usageJson) }) : render(from, to, usages));
}

function usageJson(usage: KeyUsage): unknown {
  return {
    plan: usage.plan.name,
    planId: usage.plan.id,
    key: usage.keyName,
    keyId: usage.keyId,
    total: total(usage),
    remaining: quotaLeft(usage),
    days: usage.days.map(([date, requests, left]) => ({ date, requests, remaining: usage.plan.quota ? left : null })),
  };
}

function render(from: string, to: string, usages: readonly KeyUsage[]): string {
  const dates = usages[0]?.days.map(([date]) => date.slice(5)) ?? [];
  const rows = usages.map((u) => [u.plan.name ?? u.plan.id ?? '', u.keyName, u.keyId, ...u.days.map(([, requests]) => String(requests)), String(total(u)), String(quotaLeft(u) ?? '-')]);
  return `Requests per day from ${from} to ${to} (UTC):\n${table(['PLAN', 'KEY', 'KEY ID', ...dates, 'TOTAL', 'QUOTA LEFT'], rows)}`;
}

function total(usage: KeyUsage): number {
  return usage.days.reduce((sum, [, requests]) => sum + requests, 0);
}

/** The quota left at the end of the range; undefined for a plan without quota. */
function quotaLeft(usage: KeyUsage): number | undefined {
  return usage.plan.quota ? usage.days.at(-1)?.[2] : undefined;
}

function dateOption(value: string | undefined, name: string): string | undefined {
  if (value !== undefined && (!/^\d{4}-\d{2}-\d{2}$/.test(value) || Number.isNaN(Date.parse(value)))) {
    throw new UsageError(`--${name} expects a date as YYYY-MM-DD, got '${value}'\n${USAGE_USAGE}`);
  }
  return value;
}
