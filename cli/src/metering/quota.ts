import { Clock } from '../clock';
import { QuotaModel } from '../model';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Requests allowed per key and period, counted across every stage of the plan, resetting at UTC period boundaries.
 * `offset` is the day a period starts on (WEEK: 0 is Sunday; MONTH: 0 is the 1st), as the API Gateway API reference
 * describes it and as cdk-gatewaykit's tiers validate it; the CloudFormation reference describes it as requests
 * subtracted from the first period instead, which AWS does not otherwise document.
 */
export class QuotaCounter {
  private readonly used = new Map<string, { periodStart: number; count: number }>();

  constructor(private readonly quota: QuotaModel, private readonly clock: Clock) {}

  /** Counts a request of `apiKeyId`; false when the key's quota for the current period is used up. */
  public tryConsume(apiKeyId: string): boolean {
    const periodStart = quotaPeriodStart(this.quota, this.clock.now());
    const entry = this.used.get(apiKeyId);
    const count = entry && entry.periodStart === periodStart ? entry.count : 0;
    if (count >= this.quota.limit) {
      return false;
    }
    this.used.set(apiKeyId, { periodStart, count: count + 1 });
    return true;
  }

  /** Requests left to `apiKeyId` in the current period. */
  public remaining(apiKeyId: string): number {
    const entry = this.used.get(apiKeyId);
    const current = entry && entry.periodStart === quotaPeriodStart(this.quota, this.clock.now());
    return this.quota.limit - (current ? entry.count : 0);
  }
}

/** The UTC start (epoch ms) of the quota period holding `now`. */
export function quotaPeriodStart(quota: QuotaModel, now: number): number {
  const date = new Date(now);
  const midnight = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  switch (quota.period) {
    case 'DAY':
      return midnight;
    case 'WEEK': {
      const daysSinceStart = (date.getUTCDay() - quota.offset + 7) % 7;
      return midnight - daysSinceStart * DAY_MS;
    }
    case 'MONTH': {
      const startDay = quota.offset + 1;
      const monthsBack = date.getUTCDate() >= startDay ? 0 : 1;
      return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() - monthsBack, startDay);
    }
  }
}
