import { describe, expect, it } from "vitest";
import { adaptDocumentHeaders } from "../../../app/integrations/shopify/document-headers";

describe("document headers for a configured admin", () => {
  const shopifyHeaders = () =>
    new Headers({
      Link: '<https://cdn.shopify.com/shopifycloud/app-bridge.js>; rel="preload"; as="script";',
      "Content-Security-Policy": "frame-ancestors https://a.myshopify.com https://admin.shopify.com;",
    });

  it("points the preload at the configured App Bridge and lets the sandbox admin frame the app", () => {
    const headers = shopifyHeaders();
    adaptDocumentHeaders(headers, { appBridgeUrl: "http://127.0.0.1:4100/app-bridge.js", adminOrigin: "http://127.0.0.1:4100/" });
    expect(headers.get("Link")).toContain("<http://127.0.0.1:4100/app-bridge.js>");
    expect(headers.get("Content-Security-Policy")).toBe("frame-ancestors https://a.myshopify.com https://admin.shopify.com http://127.0.0.1:4100;");
  });

  it("changes nothing in production (no overrides)", () => {
    const headers = shopifyHeaders();
    adaptDocumentHeaders(headers, {});
    expect(Object.fromEntries(headers)).toEqual(Object.fromEntries(shopifyHeaders()));
  });
});
