/** A failed Admin GraphQL call, with what Shopify said and whether trying again can help. */
export class ShopifyAdminError extends Error {
  constructor(
    message: string,
    readonly kind: "throttled" | "unauthorized" | "graphql" | "http" | "network",
    readonly details: { status?: number; errors?: unknown; operation?: string } = {},
  ) {
    super(message);
    this.name = "ShopifyAdminError";
  }

  /** Set on a throttled call: how long Shopify's bucket needs to refill. */
  retryAfterMs?: number;

  /** Throttling is the shop's budget running out, not the job failing: its job waits without using an attempt. */
  get deferred(): boolean {
    return this.kind === "throttled";
  }

  get retryAt(): Date | undefined {
    return this.kind === "throttled" ? new Date(Date.now() + (this.retryAfterMs ?? 1000)) : undefined;
  }

  get retryable(): boolean {
    return this.kind === "throttled" || this.kind === "network" || (this.kind === "http" && (this.details.status ?? 0) >= 500);
  }
}
