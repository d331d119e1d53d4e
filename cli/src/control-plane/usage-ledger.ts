import { badRequest } from './errors';
import { quotaPeriodStart } from '../metering';
import { UsagePlanModel } from '../model';
import { MeteredUsage } from '../rest/usage-metering';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The requests the runtime metered per usage plan, key and UTC day: what `GetUsage` reports. */
export class UsageLedger {
  private readonly counts = new Map<string, number>();

  public record(usage: MeteredUsage): void {
    const key = countKey(usage.usagePlanId, usage.apiKeyId, dayStart(usage.at));
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  /**
   * `[used, remaining]` per day from `startDate` to `endDate` (`YYYY-MM-DD`, inclusive) for each key; remaining is
   * what the plan's quota left the key at the end of that day (0 for a plan without quota).
   */
  public usage(plan: UsagePlanModel, keyIds: readonly string[], startDate: string, endDate: string): Record<string, Array<[number, number]>> {
    const start = parseDay('startDate', startDate);
    const end = parseDay('endDate', endDate);
    if (end < start) {
      throw badRequest(`The endDate ${endDate} is before the startDate ${startDate}`);
    }
    const days: number[] = [];
    for (let day = start; day <= end; day += DAY_MS) {
      days.push(day);
    }
    return Object.fromEntries(keyIds.map((keyId) => [keyId, days.map((day): [number, number] => {
      const used = this.counts.get(countKey(plan.usagePlanId, keyId, day)) ?? 0;
      return [used, plan.quota ? Math.max(0, plan.quota.limit - this.usedInPeriodUpTo(plan, keyId, day)) : 0];
    })]));
  }

  private usedInPeriodUpTo(plan: UsagePlanModel, keyId: string, day: number): number {
    let used = 0;
    for (let d = quotaPeriodStart(plan.quota!, day); d <= day; d += DAY_MS) {
      used += this.counts.get(countKey(plan.usagePlanId, keyId, d)) ?? 0;
    }
    return used;
  }
}

function countKey(usagePlanId: string, apiKeyId: string, day: number): string {
  return `${usagePlanId}/${apiKeyId}/${day}`;
}

function dayStart(epochMs: number): number {
  return epochMs - (epochMs % DAY_MS);
}

function parseDay(name: string, text: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const value = match ? Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])) : NaN;
  if (Number.isNaN(value) || new Date(value).toISOString().slice(0, 10) !== text) {
    throw badRequest(`Invalid ${name}: '${text}'; expected a date as YYYY-MM-DD`);
  }
  return value;
}
