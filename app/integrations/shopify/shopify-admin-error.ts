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

  get retryable(): boolean {
    return this.kind === "throttled" || this.kind === "network" || (this.kind === "http" && (this.details.status ?? 0) >= 500);
  }
}
