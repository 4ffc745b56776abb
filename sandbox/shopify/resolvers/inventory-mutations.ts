// inventorySetQuantities, inventoryAdjustQuantities and inventoryMoveQuantities, with Shopify's userError codes
// and its compare-and-swap (changeFromQuantity). All three require @idempotent from 2026-04.
import { GraphQLError, type GraphQLResolveInfo } from "graphql";
import { IDEMPOTENCY_MISMATCH_MESSAGE, runIdempotent } from "../idempotency";
import type { StateQuantityName } from "../store";
import { adjustmentGroupView, type LevelChange } from "./adjustment-group-views";
import type { UserError } from "./mutation-support";
import { requireScope, type ResolverContext } from "./resolver-context";

export const INVENTORY_REASONS = [
  "correction", "cycle_count_available", "damaged", "movement_canceled", "movement_created", "movement_received",
  "movement_updated", "other", "promotion", "quality_control", "received", "reservation_created", "reservation_deleted",
  "reservation_updated", "restock", "safety_stock", "shrinkage",
];
const MAX_SET_QUANTITY = 1_000_000_000;
const MAX_MOVE_QUANTITY = 2_000_000_000;
/** The states units can be moved between (committed and incoming change only through orders and transfers). */
const MOVABLE_NAMES = ["available", "damaged", "quality_control", "reserved", "safety_stock"];

type SetInput = { name: string; reason: string; referenceDocumentUri?: string | null; quantities: { inventoryItemId: string; locationId: string; quantity: number; changeFromQuantity?: number | null }[] };
type AdjustInput = { name: string; reason: string; referenceDocumentUri?: string | null; changes: { inventoryItemId: string; locationId: string; delta: number; ledgerDocumentUri?: string | null; changeFromQuantity?: number | null }[] };
export type MoveTerminal = { locationId: string; name: string; changeFromQuantity?: number | null; ledgerDocumentUri?: string | null };
export type MoveInput = { reason: string; referenceDocumentUri: string; changes: { inventoryItemId: string; quantity: number; from: MoveTerminal; to: MoveTerminal }[] };

const stale = (field: string[]): UserError => ({ field: [...field, "changeFromQuantity"], message: "The specified compare quantity does not match the current quantity.", code: "CHANGE_FROM_QUANTITY_STALE" });
const mismatch = () => ({ inventoryAdjustmentGroup: null, userErrors: [{ field: null, message: IDEMPOTENCY_MISMATCH_MESSAGE, code: "IDEMPOTENCY_KEY_PARAMETER_MISMATCH" }] });

/** A URI with a scheme and something after it, as Shopify requires of reference and ledger documents. */
export function validDocumentUri(uri: string): boolean {
  return /^[a-z][a-z0-9+.-]*:\S+$/i.test(uri);
}

export function inventoryMutations(ctx: ResolverContext) {
  const store = ctx.store;
  const findLevel = (inventoryItemId: string, locationId: string) => store.inventoryItems.get(inventoryItemId)?.levels.get(locationId);
  const locate = (inventoryItemId: string, locationId: string, field: string[]): UserError | null => {
    if (!store.inventoryItems.has(inventoryItemId)) return { field: [...field, "inventoryItemId"], message: "The specified inventory item could not be found.", code: "INVALID_INVENTORY_ITEM" };
    if (!findLevel(inventoryItemId, locationId)) return { field: [...field, "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" };
    return null;
  };
  const commonErrors = (input: { reason: string; referenceDocumentUri?: string | null }): UserError[] => [
    ...(INVENTORY_REASONS.includes(input.reason) ? [] : [{ field: ["input", "reason"], message: "The specified reason is invalid.", code: "INVALID_REASON" }]),
    ...(input.referenceDocumentUri == null || validDocumentUri(input.referenceDocumentUri) ? [] : [{ field: ["input", "referenceDocumentUri"], message: "The specified reference document is invalid.", code: "INVALID_REFERENCE_DOCUMENT" }]),
  ];

  const setErrors = (input: SetInput): UserError[] => {
    const userErrors = commonErrors(input);
    if (input.name !== "available" && input.name !== "on_hand") userErrors.push({ field: ["input", "name"], message: "The quantity name must be either 'available' or 'on_hand'.", code: "INVALID_NAME" });
    const seen = new Set<string>();
    input.quantities.forEach((q, i) => {
      const field = ["input", "quantities", String(i)];
      const missing = locate(q.inventoryItemId, q.locationId, field);
      if (missing) userErrors.push(missing);
      if (seen.has(`${q.inventoryItemId}|${q.locationId}`)) userErrors.push({ field, message: "The combination of inventoryItemId and locationId must be unique.", code: "NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR" });
      seen.add(`${q.inventoryItemId}|${q.locationId}`);
      if (q.quantity > MAX_SET_QUANTITY) userErrors.push({ field: [...field, "quantity"], message: "The quantity can't be higher than 1,000,000,000.", code: "INVALID_QUANTITY_TOO_HIGH" });
      if (q.quantity < -MAX_SET_QUANTITY) userErrors.push({ field: [...field, "quantity"], message: "The quantity can't be lower than -1,000,000,000.", code: "INVALID_QUANTITY_TOO_LOW" });
      const level = findLevel(q.inventoryItemId, q.locationId);
      if (!("changeFromQuantity" in q)) {
        userErrors.push({ field: [...field, "changeFromQuantity"], message: "changeFromQuantity is required. Pass null to skip the compare check.", code: "COMPARE_QUANTITY_REQUIRED" });
      } else if (level && q.changeFromQuantity != null && (input.name === "available" || input.name === "on_hand") && level.quantities[input.name] !== q.changeFromQuantity) {
        userErrors.push(stale(field));
      }
    });
    return userErrors;
  };

  const adjustErrors = (input: AdjustInput): UserError[] => {
    const userErrors = commonErrors(input);
    if (input.name !== "available" && input.name !== "on_hand") userErrors.push({ field: ["input", "name"], message: "The specified quantity name is invalid.", code: "INVALID_QUANTITY_NAME" });
    input.changes.forEach((c, i) => {
      const field = ["input", "changes", String(i)];
      const missing = locate(c.inventoryItemId, c.locationId, field);
      if (missing) userErrors.push(missing);
      userErrors.push(...ledgerErrors(input.name, c.ledgerDocumentUri, [...field, "ledgerDocumentUri"]));
      const level = findLevel(c.inventoryItemId, c.locationId);
      if (level && c.changeFromQuantity != null && (input.name === "available" || input.name === "on_hand") && level.quantities[input.name] !== c.changeFromQuantity) userErrors.push(stale(field));
    });
    return userErrors;
  };

  return {
    inventorySetQuantities: (args: { input: SetInput }, _c: unknown, info: GraphQLResolveInfo) => {
      requireScope(ctx, "write_inventory", "inventorySetQuantities");
      return runIdempotent(store.idempotency, info, args, () => {
        const { input } = args;
        const userErrors = setErrors(input);
        if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
        const name = input.name as "available" | "on_hand";
        const changes = input.quantities.flatMap((q) => {
          const level = findLevel(q.inventoryItemId, q.locationId)!;
          const before = { ...level.quantities };
          store.setQuantity(q.inventoryItemId, q.locationId, name, q.quantity);
          return (["available", "on_hand"] as const).map((n) => ({ name: n, delta: level.quantities[n] - before[n], level }));
        });
        return { inventoryAdjustmentGroup: adjustmentGroupView(ctx, input.reason, input.referenceDocumentUri, changes), userErrors: [] };
      }, mismatch);
    },
    inventoryAdjustQuantities: (args: { input: AdjustInput }, _c: unknown, info: GraphQLResolveInfo) => {
      requireScope(ctx, "write_inventory", "inventoryAdjustQuantities");
      return runIdempotent(store.idempotency, info, args, () => {
        const { input } = args;
        const userErrors = adjustErrors(input);
        if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
        const name = input.name as "available" | "on_hand";
        const changes = input.changes.flatMap((c) => {
          const level = findLevel(c.inventoryItemId, c.locationId)!;
          const before = { ...level.quantities };
          store.adjustQuantity(c.inventoryItemId, c.locationId, name, c.delta);
          return (["available", "on_hand"] as const).map((n) => ({ name: n, delta: level.quantities[n] - before[n], level, ledgerDocumentUri: c.ledgerDocumentUri }));
        });
        return { inventoryAdjustmentGroup: adjustmentGroupView(ctx, input.reason, input.referenceDocumentUri, changes), userErrors: [] };
      }, mismatch);
    },
    inventoryMoveQuantities: (args: { input: MoveInput }, _c: unknown, info: GraphQLResolveInfo) => {
      requireScope(ctx, "write_inventory", "inventoryMoveQuantities");
      requireChangeFromQuantity(args.input);
      return runIdempotent(store.idempotency, info, args, () => {
        const userErrors = [...commonErrors(args.input), ...moveErrors(ctx, args.input)];
        if (userErrors.length) return { inventoryAdjustmentGroup: null, userErrors };
        const changes = args.input.changes.flatMap((c) => applyMove(ctx, c));
        return { inventoryAdjustmentGroup: adjustmentGroupView(ctx, args.input.reason, args.input.referenceDocumentUri, changes), userErrors: [] };
      }, mismatch);
    },
  };
}

/** available takes no ledger document; every other name needs a non-Shopify one. */
function ledgerErrors(name: string, uri: string | null | undefined, field: string[]): UserError[] {
  if (name === "available") {
    return uri == null ? [] : [{ field, message: "A ledger document URI is not allowed when adjusting available.", code: "INVALID_AVAILABLE_DOCUMENT" }];
  }
  if (uri == null) return [{ field, message: "A ledger document URI is required except when adjusting available.", code: "INVALID_QUANTITY_DOCUMENT" }];
  if (uri.startsWith("gid://shopify/")) return [{ field, message: "Internal (gid://shopify/) ledger documents are not allowed to be adjusted via API.", code: "INTERNAL_LEDGER_DOCUMENT" }];
  if (!validDocumentUri(uri)) return [{ field, message: "The specified ledger document is invalid.", code: "INVALID_LEDGER_DOCUMENT" }];
  return [];
}

/** changeFromQuantity is mandatory on both ends (null opts out): Shopify refuses the request before any userError. */
function requireChangeFromQuantity(input: MoveInput): void {
  const missing = input.changes.some((c) => !("changeFromQuantity" in c.from) || !("changeFromQuantity" in c.to));
  if (!missing) return;
  throw new GraphQLError("InventoryMoveQuantityTerminalInput must include the following argument: changeFromQuantity.", { extensions: { code: "INVALID_FIELD_ARGUMENTS" } });
}

function moveChangeErrors(ctx: ResolverContext, c: MoveInput["changes"][number], field: string[]): UserError[] {
  const errors: UserError[] = [];
  const item = ctx.store.inventoryItems.get(c.inventoryItemId);
  if (!item) return [{ field: [...field, "inventoryItemId"], message: "The specified inventory item could not be found.", code: "INVALID_INVENTORY_ITEM" }];
  if (c.from.locationId !== c.to.locationId) errors.push({ field: [...field, "to", "locationId"], message: "The quantities can't be moved between different locations.", code: "DIFFERENT_LOCATIONS" });
  if (c.from.name === c.to.name) errors.push({ field: [...field, "to", "name"], message: "The quantity names for each change can't be the same.", code: "SAME_QUANTITY_NAME" });
  if (c.quantity < 0) errors.push({ field: [...field, "quantity"], message: "The quantity can't be negative.", code: "INVALID_QUANTITY_NEGATIVE" });
  if (c.quantity > MAX_MOVE_QUANTITY) errors.push({ field: [...field, "quantity"], message: "The quantity can't be higher than 2,000,000,000.", code: "INVALID_QUANTITY_TOO_HIGH" });
  for (const end of ["from", "to"] as const) {
    const t = c[end];
    const level = item.levels.get(t.locationId);
    if (!level) errors.push({ field: [...field, end, "locationId"], message: "The specified location could not be found.", code: "INVALID_LOCATION" });
    if (!MOVABLE_NAMES.includes(t.name)) errors.push({ field: [...field, end, "name"], message: "The specified quantity name is invalid.", code: "INVALID_QUANTITY_NAME" });
    else errors.push(...ledgerErrors(t.name, t.ledgerDocumentUri, [...field, end, "ledgerDocumentUri"]));
    const current = level && MOVABLE_NAMES.includes(t.name) ? level.quantities[t.name as StateQuantityName] : undefined;
    if (current !== undefined && t.changeFromQuantity != null && current !== t.changeFromQuantity) errors.push(stale([...field, end]));
    if (end === "from" && current !== undefined && current - c.quantity < 0) {
      errors.push({ field: [...field, "quantity"], message: `Not enough ${t.name} to move: ${current} at the location, ${c.quantity} requested. The quantity can't be negative.`, code: "INVALID_QUANTITY_NEGATIVE" });
    }
  }
  return errors;
}

function moveErrors(ctx: ResolverContext, input: MoveInput): UserError[] {
  const errors = input.changes.flatMap((c, i) => moveChangeErrors(ctx, c, ["input", "changes", String(i)]));
  const ledgers = new Set(input.changes.flatMap((c) => [c.from.ledgerDocumentUri, c.to.ledgerDocumentUri]).filter((u): u is string => u != null));
  if (ledgers.size > 2) errors.push({ field: ["input", "changes"], message: "Only a maximum of 2 ledger document URIs across all changes is allowed.", code: "MAXIMUM_LEDGER_DOCUMENT_URIS" });
  return errors;
}

function applyMove(ctx: ResolverContext, c: MoveInput["changes"][number]): LevelChange[] {
  const from = c.from.name as StateQuantityName;
  const to = c.to.name as StateQuantityName;
  const level = ctx.store.changeQuantities(c.inventoryItemId, c.from.locationId, { [from]: -c.quantity, [to]: c.quantity });
  return [
    { name: from, delta: -c.quantity, level, ledgerDocumentUri: c.from.ledgerDocumentUri },
    { name: to, delta: c.quantity, level, ledgerDocumentUri: c.to.ledgerDocumentUri },
  ];
}
