import Decimal from "decimal.js";
import { businessError } from "./api-error";
import { requireShop, type ApiContext, type ApiRoute } from "./api-route";
import type { Product } from "./model";
import { regionRules } from "./region-rules";
import { asObject, stringArray } from "./request-fields";

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);

function productFor(ctx: ApiContext): Product {
  const product = ctx.sim.state.products.get(ctx.params.product_id ?? "");
  if (!product) throw businessError(12052032, "The product does not exist");
  if (product.shopId !== requireShop(ctx).id) throw businessError(12052048, "You cannot edit the specified product(s) as it isn't listed in your account or shop.");
  return product;
}

/** §5 Update Inventory: every warehouse of the SKU, 0..99,999 integers, per-SKU failures in data.errors[]. No review. */
function updateInventory(ctx: ApiContext) {
  const product = productFor(ctx);
  if (product.status === "DELETED" || product.status === "FREEZE") throw businessError(12052901, "The product in its current status is not available for this operation.");
  const skus = asObject(ctx.body).skus;
  if (!Array.isArray(skus) || skus.length === 0) throw businessError(12052902, "The SKU list is empty. Either omit the list entirely, or provide all required details.");
  const shop = requireShop(ctx);
  const salesWarehouses = shop.warehouses.filter((w) => w.type === "SALES_WAREHOUSE");
  const errors: Array<{ code: number; message: string; detail: { sku_id: string; extra_errors: Array<{ code: number; message: string; warehouse_id: string }> } }> = [];
  const seen = new Set<string>();
  for (const raw of skus) {
    const entry = isObj(raw) ? raw : {};
    const skuId = typeof entry.id === "string" ? entry.id : "";
    const fail = (code: number, message: string, warehouse_id = "") =>
      errors.push({ code, message, detail: { sku_id: skuId, extra_errors: warehouse_id ? [{ code, message, warehouse_id }] : [] } });
    if (!skuId) { fail(12052036, "The SKU ID is necessary"); continue; }
    if (seen.has(skuId)) { fail(12052553, "Sku id duplicate"); continue; }
    seen.add(skuId);
    const sku = product.skus.get(skuId);
    if (!sku) { fail(12052557, "The SKU ID does not belong to the product."); continue; }
    const inv = Array.isArray(entry.inventory) ? entry.inventory : [];
    const updates = new Map<string, number>();
    let bad = false;
    for (const item of inv) {
      const e = isObj(item) ? item : {};
      const warehouseId = typeof e.warehouse_id === "string" && e.warehouse_id !== "" ? e.warehouse_id : salesWarehouses.length === 1 ? salesWarehouses[0]!.id : "";
      const q = e.quantity;
      if (!warehouseId) { fail(12019022, "SKU must contain a valid warehouse (warehouse_id is required when the shop has several warehouses)."); bad = true; break; }
      if (typeof q !== "number" || !Number.isInteger(q)) { fail(12019024, "stock count is invalid: quantity must be an integer.", warehouseId); bad = true; break; }
      if (q < 0 || q > 99_999) { fail(12052055, "The SKU inventory quantity for the warehouse must be within 0-99,999.", warehouseId); bad = true; break; }
      if (!sku.inventory.has(warehouseId)) { fail(12052533, "Removal, addition, and change of warehouses are not permitted. Please specify the original warehouses for the SKUs.", warehouseId); bad = true; break; }
      updates.set(warehouseId, q);
    }
    if (bad) continue;
    if (updates.size !== sku.inventory.size) {
      fail(12019028, "Multiple warehouses detected. Include all warehouse IDs and the corresponding details and try again.");
      continue;
    }
    for (const [w, q] of updates) sku.inventory.set(w, q);
  }
  product.update_time = ctx.sim.nowSeconds();
  return { errors };
}

/** §5 Update Price: product must be ACTIVATE, region range and currency. No review. */
function updatePrice(ctx: ApiContext) {
  const product = productFor(ctx);
  if (product.status !== "ACTIVATE") throw businessError(12052901, `The product in its current status (${product.status}) is not available for this operation. Price updates need an ACTIVATE product.`);
  const rules = regionRules(requireShop(ctx).region);
  const skus = asObject(ctx.body).skus;
  if (!Array.isArray(skus) || skus.length === 0) throw businessError(12052902, "The SKU list is empty. Either omit the list entirely, or provide all required details.");
  const checkMoney = (m: unknown, field: string) => {
    if (!isObj(m)) throw businessError(12052424, `Missing 'sale price' value (${field}).`);
    const amount = typeof m.amount === "string" ? m.amount : "";
    if (m.currency !== rules.currency) throw businessError(12052084, `The provided currency '${String(m.currency)}' is not available for this shop/region.`);
    if (!/^\d+(\.\d{1,2})?$/.test(amount)) throw businessError(12052012, `Incorrect price format: '${amount}'.`);
    const v = new Decimal(amount);
    if (v.lt(rules.minPrice) || v.gt(rules.maxPrice)) throw businessError(12052084, `The price ${amount} is outside the allowed range ${rules.minPrice}-${rules.maxPrice} ${rules.currency}.`);
    return { amount, currency: rules.currency };
  };
  const planned: Array<() => void> = [];
  const seen = new Set<string>();
  for (const raw of skus) {
    const entry = isObj(raw) ? raw : {};
    const skuId = typeof entry.id === "string" ? entry.id : "";
    if (seen.has(skuId)) throw businessError(12052553, "Sku id duplicate");
    seen.add(skuId);
    const sku = product.skus.get(skuId);
    if (!sku) throw businessError(12052557, `The SKU ID ${skuId} does not belong to the product.`);
    const price = checkMoney(entry.price, "price");
    const listPrice = entry.list_price !== undefined ? checkMoney(entry.list_price, "list_price") : undefined;
    if (listPrice && new Decimal(listPrice.amount).lt(price.amount)) throw businessError(12052375, "product list price is invalid: it must not be lower than the price.");
    planned.push(() => {
      sku.price = price;
      if (listPrice) sku.list_price = listPrice;
    });
  }
  for (const apply of planned) apply();
  product.update_time = ctx.sim.nowSeconds();
  return {};
}

function inventorySearch(ctx: ApiContext) {
  const shop = requireShop(ctx);
  const body = asObject(ctx.body);
  const skuIds = stringArray(body, "sku_ids");
  const productIds = stringArray(body, "product_ids");
  if (skuIds && skuIds.length > 600) throw businessError(12052910, "Invalid input parameters: at most 600 sku_ids.");
  if (!skuIds && productIds && productIds.length > 100) throw businessError(12052910, "Invalid input parameters: at most 100 product_ids.");
  if (!skuIds && !productIds) throw businessError(12052910, "Invalid input parameters: product_ids or sku_ids is required.");
  const wanted = new Map<string, Set<string> | null>();
  if (skuIds) {
    for (const s of skuIds) {
      const pid = ctx.sim.state.skuToProduct.get(s);
      if (!pid) continue;
      const set = wanted.get(pid) ?? new Set<string>();
      set.add(s);
      wanted.set(pid, set);
    }
  } else {
    for (const p of productIds!) wanted.set(p, null);
  }
  const inventory = [];
  for (const [pid, only] of wanted) {
    const p = ctx.sim.state.products.get(pid);
    if (!p || p.shopId !== shop.id) continue;
    inventory.push({
      product_id: p.id,
      skus: [...p.skus.values()].filter((s) => !only || only.has(s.id)).map((s) => {
        const warehouse_inventory = [...s.inventory].map(([warehouse_id, q]) => ({ warehouse_id, available_quantity: q, committed_quantity: s.committed.get(warehouse_id) ?? 0 }));
        return {
          id: s.id, seller_sku: s.seller_sku,
          total_available_quantity: warehouse_inventory.reduce((a, w) => a + w.available_quantity, 0),
          total_committed_quantity: warehouse_inventory.reduce((a, w) => a + w.committed_quantity, 0),
          warehouse_inventory,
        };
      }),
    });
  }
  return { inventory };
}

export const inventoryRoutes: ApiRoute[] = [
  { method: "POST", template: "/product/202309/products/{product_id}/inventory/update", shopScoped: true, scope: "seller.product.write", handle: updateInventory },
  { method: "POST", template: "/product/202309/products/{product_id}/prices/update", shopScoped: true, scope: "seller.product.write", handle: updatePrice },
  { method: "POST", template: "/product/202309/inventory/search", shopScoped: true, scope: "seller.product.basic", handle: inventorySearch },
];
