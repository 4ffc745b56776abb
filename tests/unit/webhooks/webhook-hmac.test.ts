// Our HMAC check must agree with Shopify's own library on what is genuine and what is not.
import "@shopify/shopify-api/adapters/web-api";
import { ApiVersion, shopifyApi } from "@shopify/shopify-api";
import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { verifyShopifyWebhookHmac } from "../../../app/integrations/shopify/webhook-hmac";

const secret = "hush-app-secret";
const library = shopifyApi({ apiKey: "key", apiSecretKey: secret, hostName: "app.example.com", apiVersion: ApiVersion.October25, isEmbeddedApp: true, logger: { level: 0 } });
const sign = (body: Buffer, key = secret) => createHmac("sha256", key).update(body).digest("base64");

async function libraryAccepts(body: Buffer, hmac: string): Promise<boolean> {
  const request = new Request("https://app.example.com/webhooks/products/update", {
    method: "POST",
    body: new Uint8Array(body),
    headers: {
      "X-Shopify-Hmac-Sha256": hmac, "X-Shopify-Topic": "products/update", "X-Shopify-Shop-Domain": "acme.myshopify.com",
      "X-Shopify-API-Version": "2026-10", "X-Shopify-Webhook-Id": "w-1",
    },
  });
  return (await library.webhooks.validate({ rawBody: body.toString("utf8"), rawRequest: request })).valid;
}

const body = Buffer.from('{"id":788032119674292922,"title":"Crème brûlée — 3×"}', "utf8");
const cases: Array<[string, Buffer, string, boolean]> = [
  ["a genuine signature", body, sign(body), true],
  ["a body changed after signing", Buffer.from(body.toString().replace("3×", "4×")), sign(body), false],
  ["another app's secret", body, sign(body, "someone-else"), false],
  ["a hex digest instead of base64", body, createHmac("sha256", secret).update(body).digest("hex"), false],
  ["a truncated signature", body, sign(body).slice(0, 20), false],
  ["an empty signature", body, "", false],
];

describe("verifyShopifyWebhookHmac", () => {
  it.each(cases)("%s → %s, as @shopify/shopify-api decides", async (_name, rawBody, hmac, genuine) => {
    expect(verifyShopifyWebhookHmac(rawBody, hmac, secret)).toBe(genuine);
    if (hmac) expect(await libraryAccepts(rawBody, hmac)).toBe(genuine);
  });

  it("refuses everything when the app secret is not configured", () => {
    expect(verifyShopifyWebhookHmac(body, sign(body, ""), "")).toBe(false);
  });
});
