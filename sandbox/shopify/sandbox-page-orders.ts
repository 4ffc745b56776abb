// The orders table of the sandbox page: each order's name, source, status and lines, with the merchant's
// fulfil (tracking company and number) and cancel buttons, posting to the order routes of the sandbox API.
import { decimalAmount } from "./money";
import { financialStatus, orderTotals } from "./order-model";
import type { ShopifyStore } from "./store";

const esc = (s: unknown) => String(s ?? "").replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
const legacy = (gid: string) => gid.split("/").pop()!.split("?")[0]!;

function actionsHtml(orderId: string, cancelled: boolean, fulfillable: boolean): string {
  const n = esc(legacy(orderId));
  const fulfil = fulfillable
    ? `<form method="post" action="/sandbox/orders/${n}/fulfill" class="inline"><input name="trackingCompany" placeholder="Carrier" value="UPS" size="8" aria-label="tracking company">
       <input name="trackingNumber" placeholder="Tracking number" size="14" aria-label="tracking number"> <button data-testid="fulfill-order-${n}">Fulfil</button></form>`
    : "";
  const cancel = cancelled ? "" : `<form method="post" action="/sandbox/orders/${n}/cancel" class="inline"><input type="hidden" name="restock" value="true"><button data-testid="cancel-order-${n}">Cancel (restock)</button></form>`;
  return `${fulfil} ${cancel}`;
}

export function ordersSectionHtml(store: ShopifyStore, limit = 100): string {
  const book = store.orders;
  const orders = [...book.orders.values()].reverse().slice(0, limit);
  const rows = orders.map((o) => {
    const lines = o.lineItems.map((l) => `${esc(l.quantity)} × ${esc(l.sku ?? l.title)}`).join("<br>");
    const fulfillment = book.fulfillmentStatus(o);
    const fulfillable = !o.cancelledAt && book.fulfillmentOrdersOf(o).some((fo) => (fo.status === "OPEN" || fo.status === "IN_PROGRESS") && fo.lineItems.some((l) => l.remainingQuantity > 0));
    return `<tr data-testid="order-${esc(legacy(o.id))}"><td>${esc(o.name)}</td><td>${esc(o.sourceName)}${o.sourceIdentifier ? `<br><small>${esc(o.sourceIdentifier)}</small>` : ""}</td>
      <td>${esc(o.tags.join(", "))}</td><td>${lines}</td><td>${esc(decimalAmount(orderTotals(o).total))} ${esc(o.currency)}</td>
      <td>${esc(financialStatus(o))}</td><td>${esc(fulfillment)}</td><td>${o.cancelledAt ? `cancelled ${esc(o.cancelledAt)}` : o.closedAt ? "closed" : "open"}</td>
      <td>${actionsHtml(o.id, o.cancelledAt !== null, fulfillable)}</td></tr>`;
  }).join("");
  return `<h2 id="orders">Orders (${book.orders.size}) · plan ${esc(store.shop.plan)}</h2>
<table data-testid="orders"><tr><th>Order</th><th>Source</th><th>Tags</th><th>Lines</th><th>Total</th><th>Payment</th><th>Fulfilment</th><th>Status</th><th></th></tr>${rows}</table>`;
}
