// Shopify's GraphQL Admin API charges each query points from a per-app-and-shop bucket that refills at a
// fixed rate. Every concurrent job of a shop spends from the same bucket, so they share this estimate of
// it: a query waits here until its expected cost fits, instead of being sent, throttled and retried by
// each job on its own. Each answer's throttleStatus resets the estimate to Shopify's own figure.
export interface ThrottleStatus {
  maximumAvailable?: number;
  currentlyAvailable: number;
  restoreRate: number;
}

interface ShopBucket {
  available: number;
  maximum: number;
  restoreRate: number;
  at: number;
}

export class ShopifyCostBudget {
  private readonly shops = new Map<string, ShopBucket>();
  /** What each query document asked for last time (Shopify charges what a query asks for up front). */
  private readonly costs = new Map<string, number>();

  constructor(private readonly now: () => number = Date.now) {}

  /** Reserves `cost` points of the shop's bucket; returns how long to wait before sending (0: now). */
  reserve(shop: string, cost: number): number {
    const bucket = this.shops.get(shop);
    if (!bucket || cost <= 0) return 0; // nothing known yet: Shopify's answer will tell
    this.refill(bucket);
    bucket.available -= cost;
    return bucket.available >= 0 ? 0 : Math.ceil((-bucket.available / bucket.restoreRate) * 1000);
  }

  expectedCost(document: string): number {
    return this.costs.get(document) ?? 0;
  }

  /** Shopify's view after an answer (throttled or not). */
  observe(shop: string, document: string, requestedQueryCost: number | undefined, status: ThrottleStatus): void {
    if (requestedQueryCost !== undefined) this.costs.set(document, requestedQueryCost);
    const bucket = this.shops.get(shop);
    const maximum = status.maximumAvailable ?? bucket?.maximum ?? status.currentlyAvailable;
    this.shops.set(shop, { available: status.currentlyAvailable, maximum, restoreRate: Math.max(1, status.restoreRate), at: this.now() });
  }

  private refill(bucket: ShopBucket): void {
    const now = this.now();
    bucket.available = Math.min(bucket.maximum, bucket.available + ((now - bucket.at) / 1000) * bucket.restoreRate);
    bucket.at = now;
  }
}
