/** Token bucket per (app, shop, API path): `qps` tokens per second, burst of `qps`. Real time, not the sim clock. */
export class RateLimiter {
  private readonly buckets = new Map<string, { tokens: number; updated: number }>();
  constructor(public qps: number, private readonly clock: () => number = () => performance.now()) {}

  tryTake(key: string): boolean {
    const now = this.clock();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.qps, updated: now };
      this.buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(this.qps, bucket.tokens + ((now - bucket.updated) / 1000) * this.qps);
    bucket.updated = now;
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  reset(): void {
    this.buckets.clear();
  }
}
