import { describe, expect, it } from "vitest";
import { ShopifyAdminError } from "../../../app/integrations/shopify/shopify-admin-error";
import { TikTokApiError } from "../../../app/integrations/tiktok/tiktok-errors";
import { OrderStepDeferred } from "../../../app/modules/orders/order-sync-deps";
import { describeOrderFailure } from "../../../app/modules/orders/order-failure";

describe("an order step's failure on the order's timeline", () => {
  it("a TikTok refusal carries TikTok's request id and the catalog's explanation and next step", () => {
    const error = new TikTokApiError({ code: 21011044, message: "Order status is on hold", requestId: "REQ-1", endpoint: "/fulfillment", kind: "business", retryable: false } as never);
    const entry = error.catalogEntry!;
    expect(describeOrderFailure(error)).toEqual({
      action: "error", outcome: "failed", requestId: "REQ-1",
      summary: expect.stringContaining(`${entry.explanation} ${entry.action}`),
    });
    expect(describeOrderFailure(error)!.summary).toContain("press Retry");
  });

  it("a Shopify failure says whether the app retries by itself", () => {
    expect(describeOrderFailure(new ShopifyAdminError("Could not reach Shopify: socket hang up", "network"))!.summary).toContain("tries again by itself");
    expect(describeOrderFailure(new ShopifyAdminError("Shopify refused the app's access token", "unauthorized"))!.summary).toContain("Open the app once from the Shopify admin");
  });

  it("waiting is not failing: a deferred step writes nothing", () => {
    expect(describeOrderFailure(new OrderStepDeferred("Shopify's order limit", new Date()))).toBeNull();
  });
});
