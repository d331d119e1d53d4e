import { ResourceOrigin, UnsupportedItem } from '../model';

/** Collects what the assembly holds and the runtime does not serve, once per resource and type. */
export class UnsupportedReport {
  private readonly items: UnsupportedItem[] = [];

  public add(origin: ResourceOrigin, type: string, reason: string): void {
    if (this.items.some((item) => item.path === origin.path && item.type === type && item.reason === reason)) return;
    this.items.push({ path: origin.path, type, reason });
  }

  public list(): readonly UnsupportedItem[] {
    return [...this.items];
  }
}
