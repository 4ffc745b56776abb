// GET /sandbox: a merchant's control panel over the sandbox store — edit a product, change a price or
// stock at a location, create or delete a product, fulfil or cancel an order — and the webhook delivery log.
import { ordersSectionHtml } from "./sandbox-page-orders";
import type { ShopifyStore } from "./store";
import type { WebhookDelivery } from "./webhook-emitter";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const legacy = (gid: string) => gid.split("/").pop()!.split("?")[0]!;

export function sandboxPageHtml(store: ShopifyStore, deliveries: WebhookDelivery[], options: { installed: boolean; adminShellPath: string; limit?: number }): string {
  const products = [...store.products.values()].slice(0, options.limit ?? 100);
  const locations = [...store.locations.values()];
  const rows = products.map((p) => {
    const variants = store.productVariants(p);
    const variantRows = variants.map((v) => {
      const item = store.inventoryItems.get(v.inventoryItemId)!;
      const stock = locations.map((l) => {
        const level = item.levels.get(l.id);
        return `<form method="post" action="/sandbox/inventory" class="inline">
          <input type="hidden" name="inventoryItemId" value="${esc(item.id)}"><input type="hidden" name="locationId" value="${esc(l.id)}">
          <label>${esc(l.name)} <input name="available" type="number" value="${esc(level?.quantities.available ?? 0)}" style="width:5em"></label>
          <button data-testid="set-stock-${esc(legacy(v.id))}-${esc(legacy(l.id))}">Set</button></form>`;
      }).join(" ");
      return `<tr><td>${esc(v.title)}</td>
        <td><form method="post" action="/sandbox/variants/${esc(legacy(v.id))}" class="inline">
          <input name="price" value="${esc(v.price)}" size="7" aria-label="price"> <input name="compareAtPrice" value="${esc(v.compareAtPrice ?? "")}" size="7" placeholder="compare-at" aria-label="compare-at price">
          <input name="sku" value="${esc(v.sku ?? "")}" size="10" placeholder="SKU" aria-label="SKU"> <button data-testid="save-variant-${esc(legacy(v.id))}">Save</button></form></td>
        <td>${stock}</td></tr>`;
    }).join("");
    return `<section class="product" id="product-${esc(legacy(p.id))}">
      <form method="post" action="/sandbox/products/${esc(legacy(p.id))}">
        <input name="title" value="${esc(p.title)}" size="40" aria-label="title">
        <input name="vendor" value="${esc(p.vendor)}" size="14" aria-label="vendor">
        <input name="tags" value="${esc(p.tags.join(", "))}" size="24" aria-label="tags">
        <select name="status" aria-label="status">${["ACTIVE", "DRAFT", "ARCHIVED"].map((s) => `<option${s === p.status ? " selected" : ""}>${s}</option>`).join("")}</select>
        <button data-testid="save-product-${esc(legacy(p.id))}">Save product</button>
        <details><summary>Description</summary><textarea name="descriptionHtml" rows="3" cols="80">${esc(p.descriptionHtml)}</textarea></details>
      </form>
      <form method="post" action="/sandbox/products/${esc(legacy(p.id))}/delete" class="inline"><button data-testid="delete-product-${esc(legacy(p.id))}">Delete</button></form>
      <small>${esc(p.id)} · updated ${esc(p.updatedAt)}</small>
      <table>${variantRows}</table>
    </section>`;
  }).join("");
  const log = [...deliveries].reverse().slice(0, 200).map((d) => `<tr><td>${esc(d.triggeredAt)}</td><td>${esc(d.topic)}</td><td>${esc(d.state)}</td>
    <td>${d.attempts.map((a) => esc(a.status ?? a.error)).join(", ")}</td><td><code>${esc(d.webhookId)}</code></td><td>${esc(d.url)}</td></tr>`).join("");
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shopify sandbox</title>
<style>body{font-family:system-ui,sans-serif;margin:24px;background:#f6f6f7}section.product{background:#fff;border-radius:8px;padding:12px;margin:10px 0}
form.inline{display:inline}table{border-collapse:collapse;margin-top:6px}td{padding:3px 8px;border-top:1px solid #eee;font-size:13px;vertical-align:top}small{color:#666}</style></head>
<body><h1>Shopify sandbox — ${esc(store.shop.name)} (${esc(store.shop.myshopifyDomain)})</h1>
<p><a href="${esc(options.adminShellPath)}">Open the admin with the app</a> · <a href="/sandbox/state">State (JSON)</a> · App ${options.installed ? "installed" : "<strong>uninstalled</strong>"}</p>
<form method="post" action="/sandbox/products"><strong>New product</strong> <input name="title" placeholder="Title" required> <input name="price" placeholder="Price" value="19.99" size="7"> <input name="quantity" type="number" value="10" style="width:5em"> <button>Create</button></form>
<form method="post" action="/sandbox/app/uninstall" class="inline"><button>Uninstall app</button></form>
${ordersSectionHtml(store)}
<h2>Products (${store.products.size})</h2>${rows}
<h2 id="deliveries">Webhook deliveries</h2><table data-testid="deliveries"><tr><th>Triggered</th><th>Topic</th><th>State</th><th>Attempts</th><th>Webhook id</th><th>URL</th></tr>${log}</table>
</body></html>`;
}
