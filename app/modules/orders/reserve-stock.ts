// Use case step: reserve a paid TikTok order's units in Shopify while TikTok holds the order. The move is
// recorded (pending) before it is sent; a pending move is re-sent with its key, so a lost answer never
// reserves twice. A move Shopify refused (stock changed meanwhile) is planned again from fresh levels.
import { randomUUID } from "node:crypto";
import { planReservation, ledgerDocumentUri, moveStock, type Reservation } from "./stock-reservation";
import type { OrderSyncDeps } from "./order-sync-deps";
import type { TikTokOrderRecord } from "./tiktok-order-repository";

const MAX_FRESH_PLANS = 3;

export async function reserveStock(deps: OrderSyncDeps, record: TikTokOrderRecord): Promise<Reservation | null> {
  let current = record;
  for (let plan = 0; plan < MAX_FRESH_PLANS; plan++) {
    const reservation = current.reservation?.state === "pending" ? current.reservation : await planFresh(deps, current);
    if (!reservation) {
      await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
        action: "reserve",
        outcome: "skipped",
        summary:
          "Nothing to reserve: Shopify shows none of these items available (or they are not linked to Shopify variants).",
      });
      return null;
    }
    current = { ...current, reservation };
    const sent = await sendReservation(deps, current);
    if (sent?.state === "applied") return sent;
    current = { ...current, reservation: null };
  }
  throw Object.assign(new Error("Shopify's stock kept changing while reserving this order's units"), {
    retryable: true,
  });
}

async function planFresh(deps: OrderSyncDeps, record: TikTokOrderRecord): Promise<Reservation | null> {
  const variants = await deps.variantsByTikTokSku(
    record.shop,
    record.lines.map((l) => l.tiktokSkuId)
  );
  const lines = record.lines.map((l) => ({
    inventoryItemId: variants.get(l.tiktokSkuId)?.inventoryItemId ?? null,
    quantity: l.quantity,
  }));
  const levels = await deps.ledger.levelsFor(
    record.shop,
    lines.flatMap((l) => (l.inventoryItemId ? [l.inventoryItemId] : []))
  );
  const reservation = planReservation(record.tiktokOrderId, randomUUID().slice(0, 8), lines, levels);
  if (reservation) await deps.orders.update(record.shop, record.tiktokOrderId, { reservation });
  return reservation;
}

/** Sends a recorded (pending) reservation; returns it applied, or null when Shopify refused it (not applied). */
export async function sendReservation(deps: OrderSyncDeps, record: TikTokOrderRecord): Promise<Reservation | null> {
  const reservation = record.reservation!;
  const outcome = await moveStock(await deps.shopifyFor(record.shop), deps.ledger, record.shop, {
    key: reservation.key,
    reason: "reservation_created",
    referenceDocumentUri: ledgerDocumentUri(record.tiktokOrderId),
    changes: reservation.changes,
  });
  const units = reservation.changes.reduce((n, c) => n + c.quantity, 0);
  if (!outcome.applied) {
    await deps.orders.update(record.shop, record.tiktokOrderId, { reservation: null });
    await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
      action: "reserve",
      outcome: "failed",
      summary: `Shopify did not reserve the units (${outcome.reason}); trying again with current stock.`,
    });
    return null;
  }
  const applied: Reservation = { ...reservation, state: "applied" };
  await deps.orders.update(record.shop, record.tiktokOrderId, { reservation: applied, state: "reserved" });
  await deps.orders.recordEvent(record.shop, record.tiktokOrderId, {
    action: "reserve",
    outcome: "ok",
    summary: `${units} unit${
      units === 1 ? "" : "s"
    } reserved in Shopify during TikTok's hold, so the webstore cannot sell them again.`,
  });
  return applied;
}
