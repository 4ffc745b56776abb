import Decimal from "decimal.js";
import { ATTRIBUTES_BY_ID, BRANDS_BY_ID, CATEGORIES_BY_ID, type Category } from "./catalog-data";
import { checkDescriptionHtml, type Finding } from "./description-html";
import type { Money, ProductContent, SalesAttribute, Shop, UploadedImage } from "./model";
import { isMetricUnit, regionRules } from "./region-rules";

export type { Finding };

export interface SkuInput {
  id: string | null;
  content: { seller_sku: string; external_sku_id: string; sales_attributes: SalesAttribute[]; identifier_code?: { code: string; type: string } };
  price: Money | null;
  list_price: Money | null;
  inventory: Array<{ warehouse_id: string; quantity: number }> | null;
}

export interface ListingCheckContext {
  shop: Shop;
  images: ReadonlyMap<string, UploadedImage>;
  isTikTokImageUrl: (src: string) => boolean;
  maxSkus: number;
  /** Existing SKU ids of the product (edits); new SKUs must not carry ids. */
  existingSkuIds: ReadonlySet<string> | null;
  draft: boolean;
  /**
   * Sales attributes the simulator has already stored for this shop, by attribute id (catalog and custom). Custom
   * attributes (`{name, value_name}` without ids) get generated ids that the create response and Get Product return,
   * so a later edit may send those ids back: they are resolved here. Absent → only catalog ids are known.
   */
  knownSalesAttributes?: KnownSalesAttributes;
}

export interface KnownSalesAttribute {
  name: string;
  /** value_id → value_name */
  values: Map<string, string>;
}
export type KnownSalesAttributes = ReadonlyMap<string, KnownSalesAttribute>;

/** Records stored sales attributes (with their generated ids) so later requests may refer to them by id. */
export function rememberSalesAttributes(known: Map<string, KnownSalesAttribute>, attrs: readonly SalesAttribute[]): void {
  for (const a of attrs) {
    if (!a.id || !a.value_id) continue;
    let entry = known.get(a.id);
    if (!entry) {
      entry = { name: a.name, values: new Map() };
      known.set(a.id, entry);
    }
    entry.values.set(a.value_id, a.value_name);
  }
}

export interface ListingCheckResult {
  findings: Finding[];
  content: ProductContent;
  skus: SkuInput[];
  category: Category | null;
}

const IDENTIFIER_LENGTHS: Record<string, number[]> = { GTIN: [14], EAN: [8, 13, 14], UPC: [12], ISBN: [13], JAN: [8, 13] };
const HAS_CHINESE = /[\u4e00-\u9fff]/;
const EMOJI = /\p{Extended_Pictographic}/u;

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
const str = (v: unknown): string => (typeof v === "string" ? v : "");
const chars = (s: string) => [...s].length;

/**
 * Validates a create/edit product body against §4.2 and §10, answering each violation with TikTok's code.
 * Pure: everything it needs about the shop and uploaded images comes in through `ctx`.
 */
export function checkListing(body: Obj, ctx: ListingCheckContext): ListingCheckResult {
  const findings: Finding[] = [];
  const add = (code: number, field: string, message: string) => findings.push({ code, field, message });
  const rules = regionRules(ctx.shop.region);
  const required = !ctx.draft;

  // Shop-level blockers come first, like TikTok's own listing gate.
  if (!ctx.draft) {
    if (ctx.shop.status !== "ACTIVE") add(12052700, "shop", "The seller is inactive.");
    if (!ctx.shop.warehouses.some((w) => w.type === "RETURN_WAREHOUSE" && w.effect_status === "ENABLED")) {
      add(12052535, "shop", "Couldn't publish this product as you haven't set the return warehouse for your shop. Add the return warehouse information on TikTok Shop Seller Center first and try again.");
    }
    if (!ctx.shop.hasShippingTemplate) add(12052402, "shop", "seller shipping template is empty");
  }

  // Title
  const title = str(body.title);
  if (typeof body.title !== "string" || title.trim() === "") {
    if (required || body.title !== undefined) add(12052261, "title", "product name is empty");
  } else {
    if (chars(title) > rules.titleMax || chars(title) < rules.titleMin) add(12052051, "title", `The product name must be ${rules.titleMin}-${rules.titleMax} characters for ${ctx.shop.region} (got ${chars(title)}).`);
    if (HAS_CHINESE.test(title)) add(12052262, "title", "Chinese characters are not supported in product name");
    if (EMOJI.test(title) || /(.)\1{9,}/u.test(title) || /&[a-z]+;|&#\d+;/i.test(title)) add(12052931, "title", "The title cannot contain emojis, HTML escape characters or more than 9 consecutive repeated characters.");
  }

  // Description
  const description = str(body.description);
  if (typeof body.description !== "string" || description.trim() === "") {
    if (required) add(12052015, "description", "The product description is required");
  } else {
    findings.push(...checkDescriptionHtml(description, ctx.isTikTokImageUrl));
  }

  // Category
  const categoryId = str(body.category_id);
  const version = typeof body.category_version === "string" ? body.category_version : "v1";
  let category: Category | null = null;
  if (!categoryId) {
    if (required) add(12052002, "category_id", "Incorrect category format: category_id is required.");
  } else if (version !== rules.categoryVersion) {
    add(12052217, "category_version", `Incorrect category version. For ${ctx.shop.region} shops specify 'category_version=${rules.categoryVersion}'.`);
  } else {
    const found = CATEGORIES_BY_ID.get(categoryId);
    if (!found) add(12052023, "category_id", "Category does not exist");
    else if (found.version !== version || !found.is_leaf) {
      add(12052230, "category_id", "The specified category ID is not a leaf category, or it does not belong to the specified category version.");
    } else if (found.permission_statuses.includes("PROHIBITED")) {
      add(12052220, "category_id", "This category is prohibited or unsupported on TikTok Shop. Select another category.");
    } else if (found.permission_statuses.includes("INVITE_ONLY") && ctx.shop.region !== "US") {
      add(12052223, "category_id", "This category is restricted. To sell in this category, apply through the Qualification Center in Seller Center.");
    } else {
      category = found;
    }
  }

  // Brand
  const brandId = str(body.brand_id);
  if (brandId) {
    const brand = BRANDS_BY_ID.get(brandId);
    if (!brand) add(12052026, "brand_id", "Brand does not exist");
    else if (brand.brand_status !== "AVAILABLE") add(12052227, "brand_id", "The brand is unavailable.");
    else if (brand.authorized_status !== "AUTHORIZED" && brand.is_t1_brand) add(12052201, "brand_id", "You are not authorized to sell this brand in this category. To do so, apply through the Qualification Center in Seller Center.");
  }

  // Main images
  const mainImages = Array.isArray(body.main_images) ? body.main_images : [];
  if (body.main_images !== undefined && !Array.isArray(body.main_images)) add(12052910, "main_images", "main_images must be an array.");
  if (mainImages.length === 0 && required) add(12052028, "main_images", "Main product image is required");
  if (mainImages.length > 9) add(12052306, "main_images", `main product images count exceed limit (at most 9, got ${mainImages.length})`);
  const mainImageUris: Array<{ uri: string }> = [];
  for (const [i, img] of mainImages.entries()) {
    const uri = isObj(img) ? str(img.uri) : "";
    const uploaded = ctx.images.get(uri);
    if (!uploaded) add(12019065, `main_images[${i}].uri`, `The image URI '${uri}' is invalid: upload it with Upload Product Image first.`);
    else if (uploaded.width < 300 || uploaded.height < 300) add(12019116, `main_images[${i}]`, `Main image ${uploaded.width}x${uploaded.height} is below 300x300 px.`);
    mainImageUris.push({ uri });
  }

  // Package weight and dimensions
  const weight = isObj(body.package_weight) ? body.package_weight : null;
  let weightUnit: string | null = null;
  if (!weight) {
    if (required) add(12019011, "package_weight", "product package weight is invalid: package_weight is required.");
  } else {
    const value = str(weight.value);
    weightUnit = str(weight.unit);
    if (!rules.weightUnits.includes(weightUnit)) {
      if (weightUnit === "POUND" && ctx.shop.region !== "US") add(12019061, "package_weight.unit", "Product weight or dimensions unit does not support the imperial units on non-US local products.");
      else add(12019011, "package_weight.unit", `product package weight is invalid: unit must be one of ${rules.weightUnits.join(", ")}.`);
    }
    const decimals = weightUnit === "POUND" ? 2 : weightUnit === "GRAM" ? 0 : 3;
    if (!/^\d+(\.\d+)?$/.test(value)) add(12052006, "package_weight.value", "Incorrect parcel weight format: value must be a positive decimal string.");
    else if (new Decimal(value).lte(0)) add(12052181, "package_weight.value", "The package weight of the product can not be zero.");
    else if ((value.split(".")[1]?.length ?? 0) > decimals) add(12052006, "package_weight.value", `Incorrect parcel weight format: at most ${decimals} decimals for ${weightUnit}.`);
  }
  const dims = isObj(body.package_dimensions) ? body.package_dimensions : null;
  const dimsRequired = rules.dimensionsRequired || (category?.packageDimensionRequired ?? false);
  if (!dims) {
    if (required && dimsRequired) add(12019012, "package_dimensions", "product package size is invalid: package_dimensions is required for this region/category.");
  } else {
    const unit = str(dims.unit);
    if (!rules.dimensionUnits.includes(unit)) {
      if (unit === "INCH" && ctx.shop.region !== "US") add(12019061, "package_dimensions.unit", "Product weight or dimensions unit does not support the imperial units on non-US local products.");
      else add(12019012, "package_dimensions.unit", `product package size is invalid: unit must be one of ${rules.dimensionUnits.join(", ")}.`);
    }
    for (const [field, code] of [["length", 12052005], ["width", 12052004], ["height", 12052003]] as const) {
      const v = str(dims[field]);
      if (!/^[1-9]\d*$/.test(v)) add(code, `package_dimensions.${field}`, `Incorrect parcel ${field} format: must be a positive whole number as a string.`);
    }
    if (weightUnit && unit && rules.weightUnits.includes(weightUnit) && rules.dimensionUnits.includes(unit) && isMetricUnit(weightUnit) !== isMetricUnit(unit)) {
      add(12052915, "package_dimensions.unit", "package weight unit and dimension unit miss match (KILOGRAM/GRAM with CENTIMETER, POUND with INCH).");
    }
  }

  // Product attributes
  const productAttributes: ProductContent["product_attributes"] = [];
  const attrsIn = Array.isArray(body.product_attributes) ? body.product_attributes : [];
  const seenAttr = new Set<string>();
  for (const [i, raw] of attrsIn.entries()) {
    const id = isObj(raw) ? str(raw.id) : "";
    const attr = ATTRIBUTES_BY_ID.get(id);
    if (!attr || attr.type !== "PRODUCT_PROPERTY" || (category && !category.attributeIds.includes(id))) {
      add(12019030, `product_attributes[${i}].id`, `property is invalid: attribute '${id}' is not a product attribute of this category.`);
      continue;
    }
    if (seenAttr.has(id)) add(12052254, `product_attributes[${i}].id`, "Duplicate attribute id");
    seenAttr.add(id);
    const values = isObj(raw) && Array.isArray(raw.values) ? raw.values : [];
    if (values.length === 0) add(12052248, `product_attributes[${i}].values`, `The product attribute value name or attribute value id is empty (attribute ${id}).`);
    if (values.length > 1 && !attr.is_multiple_selection) add(12052246, `product_attributes[${i}].values`, `The product attribute does not support multiple selection, attribute id is: ${id}.`);
    const outValues: Array<{ id: string; name: string }> = [];
    for (const v of values) {
      const valueId = isObj(v) ? str(v.id) : "";
      const valueName = isObj(v) ? str(v.name) : "";
      if (valueId) {
        const known = attr.values.find((x) => x.id === valueId);
        if (!known) add(12052529, `product_attributes[${i}].values`, `The property value id '${valueId}' does not exist.`);
        outValues.push({ id: valueId, name: known?.name ?? valueName });
      } else if (valueName) {
        if (!attr.is_customizable) add(12052247, `product_attributes[${i}].values`, `Do not support custom product attribute (attribute ${id}).`);
        if (chars(valueName) > 2000) add(12052249, `product_attributes[${i}].values`, "The product attribute value name characters cannot exceed 2000.");
        if (attr.value_data_format === "POSITIVE_INT_OR_DECIMAL" && !/^\d+(\.\d+)?$/.test(valueName)) add(12052256, `product_attributes[${i}].values`, `The ${attr.name} value need to be positive integers or positive decimals.`);
        outValues.push({ id: "", name: valueName });
      } else {
        add(12052248, `product_attributes[${i}].values`, "The product attribute value name or attribute value id is empty.");
      }
    }
    productAttributes.push({ id, name: attr.name, values: outValues });
  }
  if (category && required) {
    for (const attrId of category.attributeIds) {
      const attr = ATTRIBUTES_BY_ID.get(attrId)!;
      if (attr.type === "PRODUCT_PROPERTY" && attr.is_requried && !seenAttr.has(attrId)) add(12052104, "product_attributes", `property is required: '${attr.name}' (${attr.id}).`);
    }
  }

  // Certifications
  const certifications = Array.isArray(body.certifications) ? body.certifications : [];
  if (category?.certificationRequired && required && certifications.length === 0) {
    add(12052105, "certifications", "required qualification miss: this category requires a certification (Get Category Rules).");
  }
  for (const [i, cert] of certifications.entries()) {
    const imgs = isObj(cert) && Array.isArray(cert.images) ? cert.images : [];
    for (const img of imgs) if (!ctx.images.has(isObj(img) ? str(img.uri) : "")) add(12052650, `certifications[${i}].images`, "product qualification image uri illegal");
  }
  if (isObj(body.size_chart) && isObj(body.size_chart.image) && !ctx.images.has(str(body.size_chart.image.uri))) {
    add(12052670, "size_chart.image.uri", "The size chart image URI is invalid. Note: API users must use the URI generated by the Upload Product Image API.");
  }
  if (body.is_cod_allowed === true && !["ID", "MY", "PH", "SA", "TH", "VN"].includes(ctx.shop.region)) add(12052222, "is_cod_allowed", "category do not support cod");
  if (typeof body.idempotency_key === "string" && body.idempotency_key.length > 128) add(12052910, "idempotency_key", "idempotency_key must be at most 128 characters.");
  if (str(body.external_product_id).length > 999) add(12052910, "external_product_id", "external_product_id must be at most 999 characters.");

  const skus = checkSkus(body, ctx, category, add);

  const content: ProductContent = {
    title, description, category_id: categoryId, category_version: version, brand_id: brandId, main_images: mainImageUris,
    product_attributes: productAttributes, certifications,
    package_weight: weight ? { value: str(weight.value), unit: str(weight.unit) } : undefined,
    package_dimensions: dims ? { length: str(dims.length), width: str(dims.width), height: str(dims.height), unit: str(dims.unit) } : undefined,
    size_chart: body.size_chart, video: body.video, external_product_id: str(body.external_product_id), is_cod_allowed: body.is_cod_allowed === true,
    skus: skus.map((s) => ({ id: s.id ?? "", ...s.content })),
  };
  return { findings, content, skus, category };
}

function checkMoney(money: unknown, field: string, ctx: ListingCheckContext, add: (c: number, f: string, m: string) => void): Money | null {
  const rules = regionRules(ctx.shop.region);
  if (!isObj(money)) {
    add(12052424, field, "Missing 'sale price' value");
    return null;
  }
  const amount = str(money.amount);
  const currency = str(money.currency);
  if (currency !== rules.currency) {
    add(12052084, `${field}.currency`, `The provided currency '${currency}' is not available for this shop/region (${ctx.shop.region} uses ${rules.currency}).`);
    return null;
  }
  const pattern = rules.priceDecimals === 0 ? /^\d+$/ : new RegExp(`^\\d+(\\.\\d{1,${rules.priceDecimals}})?$`);
  if (!pattern.test(amount)) {
    add(12052012, `${field}.amount`, `Incorrect price format: '${amount}' must be a decimal string with at most ${rules.priceDecimals} decimals.`);
    return null;
  }
  const value = new Decimal(amount);
  if (value.lt(rules.minPrice) || value.gt(rules.maxPrice)) {
    add(12052084, `${field}.amount`, `The price ${amount} ${currency} is outside the allowed range ${rules.minPrice}-${rules.maxPrice} ${currency} for ${ctx.shop.region}.`);
    return null;
  }
  return { amount, currency };
}

function checkSkus(body: Obj, ctx: ListingCheckContext, category: Category | null, add: (c: number, f: string, m: string) => void): SkuInput[] {
  const out: SkuInput[] = [];
  const skusIn = Array.isArray(body.skus) ? body.skus : [];
  if (skusIn.length === 0) {
    if (!ctx.draft) add(12052902, "skus", "The SKU list is empty. Provide at least one SKU.");
    return out;
  }
  if (skusIn.length > ctx.maxSkus) add(12052050, "skus", `A single product cannot have more than ${ctx.maxSkus} different SKUs`);
  const salesWarehouses = new Set(ctx.shop.warehouses.filter((w) => w.type === "SALES_WAREHOUSE").map((w) => w.id));
  const allWarehouses = new Set(ctx.shop.warehouses.map((w) => w.id));
  const sellerSkus = new Set<string>();
  const identifierCodes = new Set<string>();
  const combos = new Set<string>();
  let attributeNames: string | null = null;
  const imageAttributes = new Set<string>();
  for (const [i, raw] of skusIn.entries()) {
    const f = `skus[${i}]`;
    const sku = isObj(raw) ? raw : {};
    const id = typeof sku.id === "string" && sku.id !== "" ? sku.id : null;
    if (id && !ctx.existingSkuIds?.has(id)) add(12052557, `${f}.id`, `The SKU ID ${id} does not belong to the product.`);
    const isNew = id === null;
    const sellerSku = str(sku.seller_sku);
    if (sku.seller_sku !== undefined) {
      if (chars(sellerSku) < 1 || chars(sellerSku) > 50) add(12052054, `${f}.seller_sku`, "The seller SKU text length must be 1-50 characters.");
      else if (/\s/.test(sellerSku)) add(12019059, `${f}.seller_sku`, "seller sku is invalid: spaces are not allowed.");
      else if (sellerSkus.has(sellerSku)) add(12019059, `${f}.seller_sku`, `seller sku is invalid: '${sellerSku}' is used by two SKUs.`);
      sellerSkus.add(sellerSku);
    }
    if (str(sku.external_sku_id).length > 999) add(12052910, `${f}.external_sku_id`, "external_sku_id must be at most 999 characters.");

    // Sales attributes
    const attrsIn = Array.isArray(sku.sales_attributes) ? sku.sales_attributes : [];
    if (skusIn.length > 1 && attrsIn.length === 0) add(12019117, `${f}.sales_attributes`, "The product has multiple SKUs but this SKU has no sales attributes.");
    if (attrsIn.length > 3) add(12052525, `${f}.sales_attributes`, "The attribute max num cannot exceed 3.");
    const names: string[] = [];
    const attrs: SalesAttribute[] = [];
    for (const [j, a] of attrsIn.entries()) {
      const af = `${f}.sales_attributes[${j}]`;
      const attr = isObj(a) ? a : {};
      let name = str(attr.name);
      const attrId = str(attr.id);
      // "id wins" (§4.2): a catalog id of this category's sales attributes, or an id this simulator generated for a
      // custom attribute of the shop (returned by create / Get Product). Anything else does not exist.
      const catalogAttr = attrId ? ATTRIBUTES_BY_ID.get(attrId) : undefined;
      let attrKnown = true;
      if (catalogAttr) {
        if (catalogAttr.type !== "SALES_PROPERTY" || (category && !category.attributeIds.includes(attrId))) attrKnown = false;
        else name = catalogAttr.name;
      } else if (attrId) {
        const custom = ctx.knownSalesAttributes?.get(attrId);
        if (!custom) attrKnown = false;
        else name = custom.name;
      }
      if (!attrKnown) add(12052527, `${af}.id`, `The sale attribute id ${attrId} does not exist.`);
      else if (!name) add(12052241, `${af}.name`, "attribute name or attribute id is empty.");
      else if (chars(name) > 20) add(12052242, `${af}.name`, "The attribute name characters cannot exceed 20.");
      else if (HAS_CHINESE.test(name)) add(12052243, `${af}.name`, "The sale attribute name contains Chinese.");
      const resolvedId = attrId || (name ? customAttributeId(name) : "");
      let valueName = str(attr.value_name);
      const valueId = str(attr.value_id);
      if (valueId && attrKnown && name) {
        // A catalog value, a value id this simulator generated for the attribute, or the id it would generate for
        // the value_name sent alongside.
        const known = catalogAttr?.values.find((v) => v.id === valueId)?.name
          ?? ctx.knownSalesAttributes?.get(resolvedId)?.values.get(valueId)
          ?? (valueName && valueId === customValueId(name, valueName) ? valueName : undefined);
        if (known === undefined) add(12052529, `${af}.value_id`, `The property value id ${valueId} does not exist.`);
        else valueName = known;
      }
      if (!valueName) add(12052248, `${af}.value_name`, "The sales attribute value name or attribute value id is empty.");
      else if (chars(valueName) > 50) add(12052249, `${af}.value_name`, "The sales attribute value name characters cannot exceed 50.");
      else if (HAS_CHINESE.test(valueName)) add(12052250, `${af}.value_name`, "The sales attribute value name contains Chinese.");
      const key = name.toLowerCase();
      if (names.includes(key)) add(12052560, af, `The SKU contains duplicate sales attribute '${name}'.`);
      names.push(key);
      const out: SalesAttribute = { id: resolvedId, name, value_id: valueId || customValueId(name, valueName), value_name: valueName };
      if (isObj(attr.sku_img)) {
        imageAttributes.add(key);
        const uri = str(attr.sku_img.uri);
        if (!ctx.images.has(uri)) add(12052520, `${af}.sku_img.uri`, "product sale property image uri illegal");
        out.sku_img = { uri };
      }
      if (Array.isArray(attr.supplementary_sku_images) && attr.supplementary_sku_images.length > 0) {
        if (!out.sku_img) add(12052357, af, "'supplementary_sku_images' is only allowed when 'sku_img' is specified.");
        if (attr.supplementary_sku_images.length > 8) add(12052356, af, "The number of 'supplementary_sku_images' exceeds 8.");
        out.supplementary_sku_images = attr.supplementary_sku_images.filter(isObj).map((x) => ({ uri: str(x.uri) }));
      }
      attrs.push(out);
    }
    const nameSet = [...names].sort().join("\u0000");
    if (attrsIn.length > 0) {
      if (attributeNames === null) attributeNames = nameSet;
      else if (attributeNames !== nameSet) add(12052550, `${f}.sales_attributes`, "SKU property must contain all properties: every SKU needs the same set of sales attributes.");
      const combo = attrs.map((a) => `${a.name.toLowerCase()}=${a.value_name.toLowerCase()}`).sort().join("|");
      if (combos.has(combo)) add(12052251, `${f}.sales_attributes`, `Duplicated attribute values found: another SKU already has ${combo}.`);
      combos.add(combo);
    }

    // Identifier code
    let identifier: SkuInput["content"]["identifier_code"];
    if (isObj(sku.identifier_code)) {
      const code = str(sku.identifier_code.code);
      const type = str(sku.identifier_code.type);
      const lengths = IDENTIFIER_LENGTHS[type];
      if (!lengths) add(12052600, `${f}.identifier_code.type`, "The identifier code type must be selected (GTIN, EAN, UPC, ISBN, JAN).");
      else if (!/^\d+$/.test(code) || !lengths.includes(code.length)) add(12052591, `${f}.identifier_code.code`, `Invalid number of digits of identifier code: ${type} must be ${lengths.join(" or ")} digits.`);
      else if (identifierCodes.has(code)) add(12052592, `${f}.identifier_code.code`, "Identifier code already entered, cannot enter the same code twice");
      identifierCodes.add(code);
      identifier = { code, type };
    }

    // Price (required on new SKUs; kept from the old SKU on edits when omitted)
    let price: Money | null = null;
    if (sku.price !== undefined || (isNew && !ctx.draft)) price = checkMoney(sku.price, `${f}.price`, ctx, add);
    let listPrice: Money | null = null;
    if (sku.list_price !== undefined) {
      listPrice = checkMoney(sku.list_price, `${f}.list_price`, ctx, add);
      if (listPrice && price && new Decimal(listPrice.amount).lt(price.amount)) add(12052375, `${f}.list_price`, "product list price is invalid: it must not be lower than the price.");
    }

    // Inventory
    let inventory: SkuInput["inventory"] = null;
    if (sku.inventory !== undefined || (isNew && !ctx.draft)) {
      const inv = Array.isArray(sku.inventory) ? sku.inventory : [];
      if (inv.length === 0) add(12019022, `${f}.inventory`, "SKU must contain a valid warehouse.");
      inventory = [];
      const seen = new Set<string>();
      for (const [k, entry] of inv.entries()) {
        const e = isObj(entry) ? entry : {};
        const warehouseId = str(e.warehouse_id) || (salesWarehouses.size === 1 ? [...salesWarehouses][0]! : "");
        if (!allWarehouses.has(warehouseId)) add(12052530, `${f}.inventory[${k}].warehouse_id`, `The warehouse '${warehouseId}' does not belong to this shop/seller.`);
        else if (!salesWarehouses.has(warehouseId)) add(12052532, `${f}.inventory[${k}].warehouse_id`, "the warehouse not delivery warehouse");
        if (seen.has(warehouseId)) add(12052530, `${f}.inventory[${k}].warehouse_id`, `Warehouse '${warehouseId}' is listed twice.`);
        seen.add(warehouseId);
        const q = e.quantity;
        if (typeof q !== "number" || !Number.isInteger(q) || q < 0 || q > 99_999) add(12052055, `${f}.inventory[${k}].quantity`, "The SKU inventory quantity for the warehouse must be an integer within 0-99,999.");
        inventory.push({ warehouse_id: warehouseId, quantity: typeof q === "number" ? q : 0 });
      }
    }
    out.push({
      id,
      content: { seller_sku: sellerSku, external_sku_id: str(sku.external_sku_id), sales_attributes: attrs, ...(identifier ? { identifier_code: identifier } : {}) },
      price, list_price: listPrice, inventory,
    });
  }
  if (imageAttributes.size > 1) add(12052528, "skus", "You can add images to only 1 product variation (one sales attribute).");
  return out;
}

/** Custom sales attributes get stable ids derived from their names (TikTok assigns ids to custom values too). */
export function customAttributeId(name: string): string {
  return `7${stableDigits(`attr:${name.toLowerCase()}`, 18)}`;
}
export function customValueId(name: string, value: string): string {
  return `7${stableDigits(`val:${name.toLowerCase()}:${value.toLowerCase()}`, 18)}`;
}
function stableDigits(seed: string, length: number): string {
  let h = 1469598103934665603n;
  for (const ch of seed) h = ((h ^ BigInt(ch.codePointAt(0)!)) * 1099511628211n) & ((1n << 64n) - 1n);
  return h.toString().padStart(length, "0").slice(0, length);
}

