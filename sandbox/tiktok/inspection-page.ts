import type { ServerResponse } from "node:http";
import { sendHtml } from "./envelope";
import { statementsSection } from "./finance-admin";
import { escapeHtml as e } from "./html-escape";
import type { Order } from "./model";
import type { Simulator } from "./simulator";

function orderKind(o: Order): string {
  const kinds = [o.fulfillment_type === "FULFILLMENT_BY_TIKTOK" ? "FBT" : `FBS/${o.shipping_type}`, o.is_on_hold_order ? "hold" : "no hold"];
  if (o.is_sample_order) kinds.push("sample");
  if (o.is_replacement_order) kinds.push(`replaces ${o.replaced_order_id}`);
  if (o.line_items.some((l) => l.is_gift)) kinds.push("gift");
  return kinds.join(", ");
}

/** "SHOPIFY 1234 (2 lines)" per platform the seller's OMS attached (Add External Order References). */
function externalRefs(o: Order): string {
  return [...o.externalOrders.values()].map((r) => `${e(r.platform)} ${e(r.id)} (${r.line_items.length} line${r.line_items.length === 1 ? "" : "s"})`).join("<br>");
}

/** GET /sandbox: shops, products with status, orders, and a place-order button per live SKU. */
export function renderInspectionPage(sim: Simulator, res: ServerResponse): void {
  const s = sim.state;
  const shops = [...s.shops.values()].map((shop) => `<tr><td>${e(shop.id)}</td><td>${e(shop.name)}</td><td>${e(shop.region)}</td><td><code>${e(shop.cipher)}</code></td><td>${e(shop.probationTier)}</td></tr>`).join("");
  const products = [...s.products.values()].slice(-200).reverse().map((p) => {
    const skus = [...p.skus.values()].map((k) => {
      const stock = [...k.inventory.values()].reduce((a, b) => a + b, 0);
      const button = p.status === "ACTIVATE" || p.liveContent
        ? `<form method="post" action="/sandbox/orders" style="display:inline"><input type="hidden" name="shop_id" value="${e(p.shopId)}"><input type="hidden" name="sku_id" value="${e(k.id)}"><input name="quantity" value="1" size="2"><button type="submit">Place order</button></form>`
        : "";
      return `${e(k.seller_sku || k.id)} ${e(k.price.amount)} ${e(k.price.currency)} stock ${stock} ${button}`;
    }).join("<br>");
    const reasons = p.audit_failed_reasons.flatMap((r) => r.reasons).join("; ");
    return `<tr><td>${e(p.id)}</td><td>${e(p.content.title)}</td><td class="status">${e(p.status)}</td><td>${e(p.audit.status)} ${e(reasons)}</td><td>${skus}</td></tr>`;
  }).join("");
  const orders = [...s.orders.values()].slice(-200).reverse().map((o) => `<tr><td>${e(o.id)}</td><td>${e(o.shopId)}</td><td>${e(o.status)}</td><td>${e(orderKind(o))}</td><td>${o.line_items.length}</td><td>${e(o.payment.total_amount)} ${e(o.payment.currency)}</td>
    <td class="external-refs">${externalRefs(o)}</td>
    <td><form method="post" action="/sandbox/orders/${e(o.id)}/advance"><input type="hidden" name="x" value="1"><button>Advance</button></form></td></tr>`).join("");
  sendHtml(res, 200, `<!doctype html><html><head><title>TikTok Shop sandbox</title>
<style>body{font-family:sans-serif;margin:1.5rem}table{border-collapse:collapse;margin-bottom:1.5rem}td,th{border:1px solid #ccc;padding:4px 8px;font-size:13px;vertical-align:top}</style></head><body>
<h1>TikTok Shop sandbox</h1><p>Clock: ${new Date(sim.nowMs()).toISOString()} · requests: ${sim.requestLog.total} · webhooks: ${s.webhooks.length}</p>
<form method="post" action="/sandbox/clock"><input name="advance_seconds" value="3600" size="8"><button>Advance clock (s)</button></form>
<h2>Shops</h2><table><tr><th>id</th><th>name</th><th>region</th><th>cipher</th><th>tier</th></tr>${shops}</table>
<h2>Products</h2><table id="products"><tr><th>id</th><th>title</th><th>status</th><th>audit</th><th>SKUs</th></tr>${products}</table>
<h2>Orders</h2><table id="orders"><tr><th>id</th><th>shop</th><th>status</th><th>kind</th><th>units</th><th>total</th><th>external references</th><th></th></tr>${orders}</table>
${statementsSection(sim)}
</body></html>`);
}
