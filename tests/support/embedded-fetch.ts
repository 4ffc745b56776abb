// Calls the app's embedded routes the way App Bridge does from the admin: a fresh session token from the
// Shopify sandbox as a Bearer header, and Remix's data endpoints (?_data=routes/…).
import type { ShopifySandbox } from "../../sandbox/shopify/server";

export function embeddedClient(appUrl: string, shopify: ShopifySandbox) {
  async function call(method: "GET" | "POST", path: string, routeId: string, form?: Record<string, string>) {
    const url = new URL(path, appUrl);
    url.searchParams.set("_data", routeId);
    const response = await fetch(url, {
      method,
      headers: { Authorization: `Bearer ${await shopify.mintSessionToken()}`, "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0" },
      body: form ? new URLSearchParams(form) : undefined,
    });
    if (!response.ok) throw new Error(`${method} ${path} → HTTP ${response.status}: ${(await response.text()).slice(0, 500)}`);
    return response.json();
  }
  return {
    load: (path: string, routeId: string) => call("GET", path, routeId),
    act: (path: string, routeId: string, form: Record<string, string>) => call("POST", path, routeId, form),
  };
}
