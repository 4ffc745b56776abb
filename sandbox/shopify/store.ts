// The sandbox's in-memory Shopify store: plain records indexed by id, and the change operations a merchant
// (or an app through GraphQL) can make. Every change bumps updatedAt and is announced to listeners — the
// webhook emitter is one of them.
import { createIdSequence, gid } from "./shopify-ids";
import { IdempotencyLedger } from "./idempotency";
import { OrderBook, type OrderChange } from "./store-orders";

export type ProductStatus = "ACTIVE" | "DRAFT" | "ARCHIVED";
export type WeightUnit = "KILOGRAMS" | "GRAMS" | "POUNDS" | "OUNCES";
export const INVENTORY_QUANTITY_NAMES = [
  "available",
  "committed",
  "damaged",
  "incoming",
  "on_hand",
  "quality_control",
  "reserved",
  "safety_stock",
] as const;
export type InventoryQuantityName = (typeof INVENTORY_QUANTITY_NAMES)[number];
/** The states on_hand counts besides available (incoming is not on hand yet). */
export const UNAVAILABLE_QUANTITY_NAMES = ["committed", "damaged", "quality_control", "reserved", "safety_stock"] as const;
/** Names a change can move units between; on_hand always follows from them. */
export type StateQuantityName = Exclude<InventoryQuantityName, "on_hand">;

export interface StoredMetafield {
  id: string;
  namespace: string;
  key: string;
  type: string;
  value: string;
  ownerId: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredOption {
  id: string;
  name: string;
  position: number;
  values: { id: string; name: string }[];
}

export interface StoredProduct {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  vendor: string;
  productType: string;
  tags: string[];
  status: ProductStatus;
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  options: StoredOption[];
  variantIds: string[];
  mediaIds: string[];
}

export interface StoredVariant {
  id: string;
  productId: string;
  title: string;
  sku: string | null;
  price: string;
  compareAtPrice: string | null;
  barcode: string | null;
  inventoryPolicy: "DENY" | "CONTINUE";
  taxable: boolean;
  position: number;
  selectedOptions: { name: string; value: string }[];
  mediaIds: string[];
  inventoryItemId: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredInventoryLevel {
  id: string;
  inventoryItemId: string;
  locationId: string;
  quantities: Record<InventoryQuantityName, number>;
  createdAt: string;
  updatedAt: string;
}

export interface StoredInventoryItem {
  id: string;
  variantId: string;
  sku: string | null;
  tracked: boolean;
  requiresShipping: boolean;
  weight: { unit: WeightUnit; value: number };
  createdAt: string;
  updatedAt: string;
  /** locationId → level */
  levels: Map<string, StoredInventoryLevel>;
}

export interface StoredMedia {
  id: string;
  productId: string;
  alt: string | null;
  position: number;
  width: number;
  height: number;
  /** Path on the sandbox's own origin where the PNG is served. */
  path: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredLocation {
  id: string;
  name: string;
  address: { address1: string; city: string; province: string; provinceCode: string; zip: string; country: string; countryCode: string; phone: string };
  isActive: boolean;
  fulfillsOnlineOrders: boolean;
  shipsInventory: boolean;
  createdAt: string;
  updatedAt: string;
}

export interface StoredCollection {
  id: string;
  handle: string;
  title: string;
  descriptionHtml: string;
  productIds: string[];
  updatedAt: string;
}

export interface StoredPolicy {
  id: string;
  type: "REFUND_POLICY" | "SHIPPING_POLICY" | "PRIVACY_POLICY" | "TERMS_OF_SERVICE";
  title: string;
  body: string;
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface StoredShopAddress { address1: string; address2: string | null; city: string; province: string; provinceCode: string; zip: string; country: string; countryCodeV2: string; phone: string; company: string | null }

export type ShopPlanKind = "development" | "standard";

export interface StoredShop {
  id: string;
  name: string;
  email: string;
  contactEmail: string;
  myshopifyDomain: string;
  currencyCode: string;
  ianaTimezone: string;
  weightUnit: WeightUnit;
  planDisplayName: string;
  /** "development": a partner development store (orderCreate limited to 5 new orders a minute). */
  plan: ShopPlanKind;
  shopOwnerName: string;
  address: StoredShopAddress;
  createdAt: string;
  updatedAt: string;
}

export interface StoredDeliveryZone {
  id: string;
  name: string;
  countryCode: string;
  provinceCodes: string[];
  methods: { id: string; name: string; rateId: string; price: string; active: boolean }[];
}

export interface StoredDeliveryProfile {
  id: string;
  name: string;
  default: boolean;
  locationGroupId: string;
  locationIds: string[];
  zones: StoredDeliveryZone[];
}

export type BulkOperationStatus = "CREATED" | "RUNNING" | "COMPLETED" | "CANCELING" | "CANCELED" | "FAILED";

export interface StoredBulkOperation {
  id: string;
  query: string;
  groupObjects: boolean;
  status: BulkOperationStatus;
  errorCode: string | null;
  createdAt: string;
  completedAt: string | null;
  objectCount: number;
  rootObjectCount: number;
  fileSize: number | null;
  /** Path on the sandbox origin once COMPLETED. */
  resultPath: string | null;
}

export type StoreChange =
  | { kind: "product/create"; productId: string }
  | { kind: "product/update"; productId: string }
  | { kind: "product/delete"; productId: string; snapshot: StoredProduct }
  | { kind: "inventory_level/update"; inventoryItemId: string; locationId: string }
  | { kind: "inventory_item/update"; inventoryItemId: string }
  | { kind: "shop/update" }
  | { kind: "bulk_operation/finish"; bulkOperationId: string }
  | OrderChange;

export class ShopifyStore {
  shop: StoredShop;
  readonly products = new Map<string, StoredProduct>();
  readonly variants = new Map<string, StoredVariant>();
  readonly inventoryItems = new Map<string, StoredInventoryItem>();
  readonly inventoryLevelsById = new Map<string, StoredInventoryLevel>();
  readonly media = new Map<string, StoredMedia>();
  readonly locations = new Map<string, StoredLocation>();
  readonly collections = new Map<string, StoredCollection>();
  readonly policies: StoredPolicy[] = [];
  readonly deliveryProfiles: StoredDeliveryProfile[] = [];
  readonly metafields = new Map<string, StoredMetafield>();
  readonly bulkOperations = new Map<string, StoredBulkOperation>();
  /** Orders, their fulfillment orders, fulfillments, refunds and the jobs that change them. */
  readonly orders: OrderBook;
  /** @idempotent keys used on this shop. */
  readonly idempotency = new IdempotencyLedger();
  readonly nextId: (type: string) => string;
  private readonly listeners: ((change: StoreChange) => void)[] = [];
  private lastTimestamp = 0;

  constructor(
    shop: StoredShop,
    private readonly clock: () => Date = () => new Date(),
  ) {
    this.shop = shop;
    this.nextId = createIdSequence();
    this.orders = new OrderBook(this);
    // Seeded records carry the start time; the first change must already be later than that.
    this.lastTimestamp = clock().getTime();
  }

  /** The store's clock as is (timestamp() moves forward on every change; rate windows need the real time). */
  now(): Date {
    return this.clock();
  }

  /** ISO timestamp, strictly increasing so "updated_at" always moves forward on a change. */
  timestamp(): string {
    const now = Math.max(this.clock().getTime(), this.lastTimestamp + 1000);
    this.lastTimestamp = now;
    return new Date(Math.floor(now / 1000) * 1000).toISOString().replace(".000Z", "Z");
  }

  onChange(listener: (change: StoreChange) => void): void {
    this.listeners.push(listener);
  }

  announce(change: StoreChange): void {
    for (const listener of this.listeners) listener(change);
  }

  // ---------- reads ----------

  productVariants(product: StoredProduct): StoredVariant[] {
    return product.variantIds.map((id) => this.variants.get(id)).filter((v): v is StoredVariant => v !== undefined);
  }

  productMedia(product: StoredProduct): StoredMedia[] {
    return product.mediaIds.map((id) => this.media.get(id)).filter((m): m is StoredMedia => m !== undefined);
  }

  variantInventoryQuantity(variant: StoredVariant): number {
    const item = this.inventoryItems.get(variant.inventoryItemId);
    if (!item) return 0;
    let total = 0;
    for (const level of item.levels.values()) total += level.quantities.available;
    return total;
  }

  productTotalInventory(product: StoredProduct): number {
    return this.productVariants(product).reduce((sum, v) => sum + this.variantInventoryQuantity(v), 0);
  }

  metafieldsOf(ownerId: string): StoredMetafield[] {
    return [...this.metafields.values()].filter((m) => m.ownerId === ownerId);
  }

  collectionsOf(productId: string): StoredCollection[] {
    return [...this.collections.values()].filter((c) => c.productIds.includes(productId));
  }

  // ---------- writes (each announces its change) ----------

  addProduct(product: StoredProduct, announce = true): void {
    this.products.set(product.id, product);
    if (announce) this.announce({ kind: "product/create", productId: product.id });
  }

  updateProduct(
    productId: string,
    patch: Partial<Pick<StoredProduct, "title" | "descriptionHtml" | "vendor" | "productType" | "tags" | "status" | "handle">>,
  ): StoredProduct {
    const product = this.requireProduct(productId);
    Object.assign(product, stripUndefined(patch));
    if (patch.status === "ACTIVE" && !product.publishedAt) product.publishedAt = this.timestamp();
    product.updatedAt = this.timestamp();
    this.announce({ kind: "product/update", productId });
    return product;
  }

  updateVariant(
    variantId: string,
    patch: Partial<Pick<StoredVariant, "price" | "compareAtPrice" | "sku" | "barcode" | "inventoryPolicy" | "taxable">>,
    options: { announce?: boolean } = {},
  ): StoredVariant {
    const variant = this.variants.get(variantId);
    if (!variant) throw new Error(`No variant ${variantId}`);
    Object.assign(variant, stripUndefined(patch));
    variant.updatedAt = this.timestamp();
    const product = this.requireProduct(variant.productId);
    product.updatedAt = variant.updatedAt;
    if (patch.sku !== undefined) {
      const item = this.inventoryItems.get(variant.inventoryItemId);
      if (item) {
        item.sku = patch.sku;
        item.updatedAt = variant.updatedAt;
        if (options.announce !== false) this.announce({ kind: "inventory_item/update", inventoryItemId: item.id });
      }
    }
    if (options.announce !== false) this.announce({ kind: "product/update", productId: product.id });
    return variant;
  }

  /** Sets available or on_hand at a location; the other follows (on_hand = available + the unavailable states). */
  setQuantity(inventoryItemId: string, locationId: string, name: "available" | "on_hand", quantity: number): StoredInventoryLevel {
    const level = this.requireLevel(inventoryItemId, locationId);
    const unavailable = unavailableTotal(level);
    if (name === "available") {
      level.quantities.available = quantity;
      level.quantities.on_hand = quantity + unavailable;
    } else {
      level.quantities.on_hand = quantity;
      level.quantities.available = quantity - unavailable;
    }
    this.touchLevel(level, true);
    return level;
  }

  adjustQuantity(inventoryItemId: string, locationId: string, name: "available" | "on_hand", delta: number): StoredInventoryLevel {
    const level = this.requireLevel(inventoryItemId, locationId);
    return this.setQuantity(inventoryItemId, locationId, name, level.quantities[name] + delta);
  }

  /**
   * Adds deltas to named states at a level (a move, a sale committing units, a shipment leaving); on_hand
   * follows. Announced only when available changed: inventory_levels/update carries available alone.
   */
  changeQuantities(inventoryItemId: string, locationId: string, deltas: Partial<Record<StateQuantityName, number>>): StoredInventoryLevel {
    const level = this.requireLevel(inventoryItemId, locationId);
    for (const [name, delta] of Object.entries(deltas) as [StateQuantityName, number][]) level.quantities[name] += delta;
    level.quantities.on_hand = level.quantities.available + unavailableTotal(level);
    this.touchLevel(level, (deltas.available ?? 0) !== 0);
    return level;
  }

  deleteProduct(productId: string): StoredProduct {
    const product = this.requireProduct(productId);
    for (const variantId of product.variantIds) {
      const variant = this.variants.get(variantId);
      if (!variant) continue;
      const item = this.inventoryItems.get(variant.inventoryItemId);
      if (item) for (const level of item.levels.values()) this.inventoryLevelsById.delete(level.id);
      this.inventoryItems.delete(variant.inventoryItemId);
      this.variants.delete(variantId);
      for (const m of this.metafieldsOf(variantId)) this.metafields.delete(m.id);
    }
    for (const mediaId of product.mediaIds) this.media.delete(mediaId);
    for (const m of this.metafieldsOf(productId)) this.metafields.delete(m.id);
    for (const collection of this.collections.values()) {
      collection.productIds = collection.productIds.filter((id) => id !== productId);
    }
    this.products.delete(productId);
    this.announce({ kind: "product/delete", productId, snapshot: product });
    return product;
  }

  updateShop(patch: Partial<Pick<StoredShop, "name" | "email" | "contactEmail">> & { address?: Partial<StoredShopAddress> }): StoredShop {
    const { address, ...fields } = patch;
    Object.assign(this.shop, stripUndefined(fields));
    if (address) Object.assign(this.shop.address, stripUndefined(address));
    this.shop.updatedAt = this.timestamp();
    this.announce({ kind: "shop/update" });
    return this.shop;
  }

  setMetafield(input: { ownerId: string; namespace: string; key: string; type: string; value: string }): StoredMetafield {
    const existing = [...this.metafields.values()].find(
      (m) => m.ownerId === input.ownerId && m.namespace === input.namespace && m.key === input.key,
    );
    const now = this.timestamp();
    if (existing) {
      Object.assign(existing, { type: input.type, value: input.value, updatedAt: now });
      return existing;
    }
    const metafield: StoredMetafield = { id: this.nextId("Metafield"), ...input, createdAt: now, updatedAt: now };
    this.metafields.set(metafield.id, metafield);
    return metafield;
  }

  /** Creates the inventory level of an item at a location (used by the seed and product creation). */
  addInventoryLevel(item: StoredInventoryItem, locationId: string, available: number, now: string): StoredInventoryLevel {
    const legacyItem = item.id.split("/").pop();
    const quantities = Object.fromEntries(INVENTORY_QUANTITY_NAMES.map((n) => [n, 0])) as Record<InventoryQuantityName, number>;
    quantities.available = available;
    quantities.on_hand = available;
    const level: StoredInventoryLevel = {
      id: `${gid("InventoryLevel", locationId.split("/").pop()!)}?inventory_item_id=${legacyItem}`,
      inventoryItemId: item.id,
      locationId,
      quantities,
      createdAt: now,
      updatedAt: now,
    };
    item.levels.set(locationId, level);
    this.inventoryLevelsById.set(level.id, level);
    return level;
  }

  requireProduct(productId: string): StoredProduct {
    const product = this.products.get(productId);
    if (!product) throw new Error(`No product ${productId}`);
    return product;
  }

  requireLevel(inventoryItemId: string, locationId: string): StoredInventoryLevel {
    const item = this.inventoryItems.get(inventoryItemId);
    if (!item) throw new Error(`No inventory item ${inventoryItemId}`);
    const level = item.levels.get(locationId);
    if (!level) throw new Error(`Inventory item ${inventoryItemId} is not stocked at ${locationId}`);
    return level;
  }

  private touchLevel(level: StoredInventoryLevel, announce: boolean): void {
    level.updatedAt = this.timestamp();
    const item = this.inventoryItems.get(level.inventoryItemId);
    const variant = item ? this.variants.get(item.variantId) : undefined;
    if (variant) {
      variant.updatedAt = level.updatedAt;
      const product = this.products.get(variant.productId);
      if (product) product.updatedAt = level.updatedAt;
    }
    if (announce) this.announce({ kind: "inventory_level/update", inventoryItemId: level.inventoryItemId, locationId: level.locationId });
  }
}

function unavailableTotal(level: StoredInventoryLevel): number {
  return UNAVAILABLE_QUANTITY_NAMES.reduce((sum, name) => sum + level.quantities[name], 0);
}

function stripUndefined<T extends object>(patch: T): Partial<T> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as Partial<T>;
}
