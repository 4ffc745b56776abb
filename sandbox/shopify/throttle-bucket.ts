// Shopify's leaky bucket for GraphQL: 2000 points, refilled at 100 points a second, one bucket per
// app and shop. A query is admitted when its requested cost fits; the difference to the actual cost
// is refunded afterwards.
export interface ThrottleStatus {
  maximumAvailable: number;
  currentlyAvailable: number;
  restoreRate: number;
}

export class ThrottleBucket {
  private available: number;
  private lastRefill: number;

  constructor(
    readonly maximumAvailable = 2000,
    readonly restoreRate = 100,
    private readonly now: () => number = () => Date.now(),
  ) {
    this.available = maximumAvailable;
    this.lastRefill = now();
  }

  private refill(): void {
    const t = this.now();
    this.available = Math.min(this.maximumAvailable, this.available + ((t - this.lastRefill) / 1000) * this.restoreRate);
    this.lastRefill = t;
  }

  tryConsume(cost: number): boolean {
    this.refill();
    if (cost > this.available) return false;
    this.available -= cost;
    return true;
  }

  refund(points: number): void {
    this.refill();
    this.available = Math.min(this.maximumAvailable, this.available + points);
  }

  status(): ThrottleStatus {
    this.refill();
    return { maximumAvailable: this.maximumAvailable, currentlyAvailable: Math.floor(this.available), restoreRate: this.restoreRate };
  }
}
