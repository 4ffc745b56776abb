import type { RequestLogEntry } from "./model";

/** Bounded ring of recent requests plus unbounded counters, so long benchmarks do not grow memory. */
export class RequestLog {
  private entries: RequestLogEntry[] = [];
  private start = 0;
  total = 0;
  readonly byOutcome = new Map<string, number>();

  constructor(private readonly limit: number) {}

  add(entry: RequestLogEntry): void {
    this.total++;
    const key = `${entry.http_status}:${entry.code}`;
    this.byOutcome.set(key, (this.byOutcome.get(key) ?? 0) + 1);
    if (this.entries.length < this.limit) {
      this.entries.push(entry);
    } else {
      this.entries[this.start] = entry;
      this.start = (this.start + 1) % this.limit;
    }
  }

  list(): RequestLogEntry[] {
    return [...this.entries.slice(this.start), ...this.entries.slice(0, this.start)];
  }

  clear(): void {
    this.entries = [];
    this.start = 0;
    this.total = 0;
    this.byOutcome.clear();
  }
}
