// What the order benchmarks observe, in real time (performance.now()) inside the bench process, which hosts both
// sandboxes: when each TikTok order changed status in the simulator, when each Shopify order was committed in the
// sandbox's store, and when each TikTok order's reservation (available → reserved, ledger document
// gid://…/TikTokOrder/<id>) was applied. Whole-second fields (TikTok's update_time, Shopify's createdAt) are too
// coarse for these figures — and the sandbox's createdAt is not the wall clock: its timestamps move at least a
// second forward on every change of the store, so under a sale they run ahead (`createdAtAheadS`).
import type { SyncHarness } from "../tests/support/sync-harness";

export const postJson = async (url: string, body: object): Promise<{ status: number; body: Record<string, unknown> }> => {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  const text = await response.text();
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text) as Record<string, unknown>;
  } catch {
    parsed = { text };
  }
  return { status: response.status, body: parsed };
};

/** Status → real time of each TikTok order's status changes (hooked on the simulator's type-1 webhook, emitted on every change). */
export function watchTikTokStatuses(h: SyncHarness) {
  const byOrder = new Map<string, Map<string, number>>();
  const webhooks = h.tiktok.simulator.webhooks;
  const emit = webhooks.emit.bind(webhooks);
  webhooks.emit = (type, shopId, data) => {
    const delivery = emit(type, shopId, data);
    if (type === 1 && typeof data.order_status === "string") {
      const id = String(data.order_id);
      const statuses = byOrder.get(id) ?? new Map<string, number>();
      byOrder.set(id, statuses);
      if (!statuses.has(data.order_status)) statuses.set(data.order_status, performance.now());
    }
    return delivery;
  };
  return { at: (orderId: string, status: string) => byOrder.get(orderId)?.get(status), byOrder };
}

/** Shopify orders as the sandbox's store commits them: by source identifier, with the real time and createdAt. */
export function watchShopifyOrders(h: SyncHarness) {
  const bySource = new Map<string, Array<{ id: string; at: number; createdAt: string }>>();
  let createdAtAheadS = 0;
  h.shopify.store.onChange((change) => {
    if (change.kind !== "order/create") return;
    const order = h.shopify.store.orders.orders.get(change.orderId);
    if (!order?.sourceIdentifier) return;
    const at = performance.now();
    createdAtAheadS = Math.max(createdAtAheadS, (Date.parse(order.createdAt) - Date.now()) / 1000);
    const list = bySource.get(order.sourceIdentifier) ?? [];
    bySource.set(order.sourceIdentifier, list);
    list.push({ id: order.id, at, createdAt: order.createdAt });
  });
  return {
    bySource,
    firstAt: (tiktokOrderId: string) => bySource.get(tiktokOrderId)?.[0]?.at,
    count: (tiktokOrderId: string) => bySource.get(tiktokOrderId)?.length ?? 0,
    /** The largest (createdAt − wall clock) seen at a creation, in seconds. */
    createdAtAheadS: () => createdAtAheadS,
  };
}

const LEDGER_ORDER = /\/TikTokOrder\/(\d+)$/;

/**
 * Inventory moves that name a TikTok order as their reference document, by reason (reservation_created,
 * reservation_deleted): the first real time each was applied. Observed where the sandbox keeps an @idempotent
 * mutation's first result (inventoryMoveQuantities requires the directive), i.e. the moment it was applied.
 */
export function watchReservations(h: SyncHarness) {
  const byReason = new Map<string, Map<string, { at: number; reservedAfter: number | null }>>();
  const ledger = h.shopify.store.idempotency;
  const remember = ledger.remember.bind(ledger);
  ledger.remember = (key, fingerprint, result) => {
    remember(key, fingerprint, result);
    const group = (result as { inventoryAdjustmentGroup?: { reason?: string; referenceDocumentUri?: string | null; changes?: (args: object) => Array<{ name: string; quantityAfterChange: number }> } | null } | null)?.inventoryAdjustmentGroup;
    const orderId = group?.referenceDocumentUri ? LEDGER_ORDER.exec(group.referenceDocumentUri)?.[1] : undefined;
    if (!group?.reason || !orderId) return;
    const seen = byReason.get(group.reason) ?? new Map();
    byReason.set(group.reason, seen);
    const reservedAfter = group.changes?.({ quantityNames: ["reserved"] })[0]?.quantityAfterChange ?? null;
    if (!seen.has(orderId)) seen.set(orderId, { at: performance.now(), reservedAfter });
  };
  return { at: (reason: string, orderId: string) => byReason.get(reason)?.get(orderId)?.at, byReason };
}

/** Sum of a named quantity over every location of an inventory item in the sandbox's store. */
export function shopifyQuantity(h: SyncHarness, inventoryItemId: string, name: "available" | "reserved" | "committed"): number {
  return [...h.shopify.store.inventoryItems.get(inventoryItemId)!.levels.values()].reduce((n, l) => n + l.quantities[name], 0);
}

/** Jobs of the app's queue not finished (running, or pending and due), by type. */
export async function busyJobs(h: SyncHarness): Promise<Record<string, number>> {
  const rows = await h.db.job.groupBy({ by: ["type"], where: { OR: [{ status: "running" }, { status: "pending", runAt: { lte: new Date() } }] }, _count: { _all: true } });
  return Object.fromEntries(rows.map((r) => [r.type, r._count._all]));
}
