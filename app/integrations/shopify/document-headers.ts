// Shopify's library writes two headers that name Shopify's own hosts: a preload of App Bridge from its
// CDN and a CSP whose frame-ancestors list only Shopify's admin. When the app runs against the sandbox
// (SHOPIFY_ADMIN_ORIGIN / APP_BRIDGE_URL set), the sandbox's script and admin shell take their places.
export function adaptDocumentHeaders(headers: Headers, hosts: { appBridgeUrl?: string; adminOrigin?: string }): void {
  const link = headers.get("Link");
  if (link && hosts.appBridgeUrl) headers.set("Link", link.replace("https://cdn.shopify.com/shopifycloud/app-bridge.js", hosts.appBridgeUrl));
  const csp = headers.get("Content-Security-Policy");
  if (csp && hosts.adminOrigin) {
    const origin = new URL(hosts.adminOrigin).origin;
    headers.set("Content-Security-Policy", csp.replace(/frame-ancestors ([^;]*)/, (_m, list: string) => `frame-ancestors ${list} ${origin}`));
  }
}
