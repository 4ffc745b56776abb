// A TikTok sale takes its units out of Shopify's available stock at once (available → reserved), so the
// webstore cannot sell them again during TikTok's one-hour hold; they go back to available when the Shopify
// order has committed them (after the import) or when the order is cancelled. Each move is recorded before
// it is sent and re-sent with the same idempotency key after a lost answer, so it applies once. A refused
// move (the stock changed meanwhile: compare-and-set) was not applied: a new move with a new key follows.
import type { ShopifyAdminGateway } from "../../integrations/shopify/admin-graphql-gateway";
import {
  INVENTORY_MOVE_MUTATION,
  type InventoryMoveChange,
  type InventoryMoveResult,
} from "../../integrations/shopify/inventory-move.graphql";
import type { LedgerLevel, StockLedgerRepository } from "../catalog/stock-ledger-repository";

export interface Reservation {
  /** Idempotency key of the reserving move (unique per plan: a refused move's key cannot be reused). */
  key: string;
  changes: InventoryMoveChange[];
  state: "pending" | "applied" | "releasing" | "released";
}

export interface ReservableLine {
  inventoryItemId: string | null;
  quantity: number;
}

export type MoveOutcome = { applied: true; requestNote: string } | { applied: false; reason: string };

/** Shopify's preferred form for an app's ledger documents: gid://<app>/<type>/<id> (never gid://shopify/…). */
export const ledgerDocumentUri = (tiktokOrderId: string) => `gid://tiktok-shop-sync/TikTokOrder/${tiktokOrderId}`;

/** The reserving move: each item from the location that has most of it available, never more than it has. */
export function planReservation(
  tiktokOrderId: string,
  nonce: string,
  lines: readonly ReservableLine[],
  levels: readonly LedgerLevel[]
): Reservation | null {
  const units = new Map<string, number>();
  for (const line of lines)
    if (line.inventoryItemId) units.set(line.inventoryItemId, (units.get(line.inventoryItemId) ?? 0) + line.quantity);
  const changes: InventoryMoveChange[] = [];
  for (const [inventoryItemId, quantity] of units) {
    const best = levels
      .filter((l) => l.inventoryItemId === inventoryItemId)
      .sort((a, b) => b.available - a.available)[0];
    const movable = Math.min(quantity, best?.available ?? 0);
    if (!best || movable <= 0) continue;
    changes.push({
      inventoryItemId,
      quantity: movable,
      from: { locationId: best.locationId, name: "available", changeFromQuantity: best.available },
      // changeFromQuantity is mandatory on both ends (null skips the check): the reserved side is ours to add to.
      to: {
        locationId: best.locationId,
        name: "reserved",
        changeFromQuantity: null,
        ledgerDocumentUri: ledgerDocumentUri(tiktokOrderId),
      },
    });
  }
  return changes.length ? { key: `tiktok-reserve-${tiktokOrderId}-${nonce}`, changes, state: "pending" } : null;
}

/** The releasing move: the reserved units back to available (the key is fixed: it is only ever sent with this input). */
export function releaseChanges(reservation: Reservation): InventoryMoveChange[] {
  return reservation.changes.map((c) => ({
    inventoryItemId: c.inventoryItemId,
    quantity: c.quantity,
    from: {
      locationId: c.to.locationId,
      name: "reserved",
      changeFromQuantity: null,
      ledgerDocumentUri: c.to.ledgerDocumentUri,
    },
    to: { locationId: c.from.locationId, name: "available", changeFromQuantity: null },
  }));
}

export const releaseKey = (reservation: Reservation) => `${reservation.key}-release`;

export async function moveStock(
  shopify: ShopifyAdminGateway,
  ledger: StockLedgerRepository,
  shop: string,
  move: { key: string; reason: string; referenceDocumentUri: string; changes: InventoryMoveChange[] }
): Promise<MoveOutcome> {
  const { inventoryMoveQuantities: result } = await shopify.request<InventoryMoveResult>(INVENTORY_MOVE_MUTATION, {
    key: move.key,
    input: { reason: move.reason, referenceDocumentUri: move.referenceDocumentUri, changes: move.changes },
  });
  if (result.userErrors.length || !result.inventoryAdjustmentGroup) {
    return {
      applied: false,
      reason: result.userErrors.map((e) => `${e.code ?? "ERROR"}: ${e.message}`).join("; ") || "no adjustment returned",
    };
  }
  // The ledger learns the new available stock now, so a stock push in the next instant sends it. Whole
  // seconds, as Shopify's webhooks have: another change in the same second is a tie the ledger settles by a read.
  const at = new Date(Math.floor(Date.now() / 1000) * 1000);
  for (const change of result.inventoryAdjustmentGroup.changes) {
    if (change.name !== "available" || change.quantityAfterChange === null) continue;
    await ledger.applyWebhookLevel(shop, {
      inventoryItemId: change.item.id,
      locationId: change.location.id,
      available: change.quantityAfterChange,
      shopifyUpdatedAt: at,
    });
  }
  return { applied: true, requestNote: result.inventoryAdjustmentGroup.id };
}
