/** Seeded category trees, attributes, rules and brands. US uses the v2 tree, other regions the v1 tree. */

export type CategoryPermission = "AVAILABLE" | "INVITE_ONLY" | "NON_MAIN_CATEGORY" | "PROHIBITED";

export interface Category {
  id: string;
  parent_id: string;
  local_name: string;
  is_leaf: boolean;
  permission_statuses: CategoryPermission[];
  version: "v1" | "v2";
  /** Words in a product title that make Recommend Category pick this leaf. */
  keywords: string[];
  attributeIds: string[];
  certificationRequired: boolean;
  packageDimensionRequired: boolean;
  sizeChartRequired: boolean;
}

export interface AttributeValue {
  id: string;
  name: string;
}

export interface Attribute {
  id: string;
  name: string;
  type: "SALES_PROPERTY" | "PRODUCT_PROPERTY";
  is_requried: boolean;
  is_customizable: boolean;
  is_multiple_selection: boolean;
  values: AttributeValue[];
  value_data_format: "POSITIVE_INT_OR_DECIMAL" | "FREE_TEXT";
}

export interface Brand {
  id: string;
  name: string;
  authorized_status: "AUTHORIZED" | "UNAUTHORIEZD";
  brand_status: "AVAILABLE" | "UNAVAILABLE";
  is_t1_brand: boolean;
}

export const SUPPLEMENT_CERTIFICATION = { id: "7182427311584347905", name: "Certificate of Analysis (CoA)" };

const ATTRIBUTES: Attribute[] = [
  { id: "100000", name: "Color", type: "SALES_PROPERTY", is_requried: false, is_customizable: true, is_multiple_selection: false, value_data_format: "FREE_TEXT",
    values: [ { id: "1000001", name: "Red" }, { id: "1000002", name: "Blue" }, { id: "1000003", name: "Black" }, { id: "1000004", name: "White" } ] },
  { id: "100007", name: "Size", type: "SALES_PROPERTY", is_requried: false, is_customizable: true, is_multiple_selection: false, value_data_format: "FREE_TEXT",
    values: [ { id: "1000101", name: "S" }, { id: "1000102", name: "M" }, { id: "1000103", name: "L" }, { id: "1000104", name: "XL" } ] },
  { id: "100089", name: "Capacity", type: "SALES_PROPERTY", is_requried: false, is_customizable: true, is_multiple_selection: false, value_data_format: "FREE_TEXT",
    values: [ { id: "1000201", name: "12oz" }, { id: "1000202", name: "16oz" } ] },
  { id: "100392", name: "Material", type: "PRODUCT_PROPERTY", is_requried: true, is_customizable: true, is_multiple_selection: true, value_data_format: "FREE_TEXT",
    values: [ { id: "1000059", name: "Cotton" }, { id: "1000060", name: "Polyester" }, { id: "1000061", name: "Ceramic" }, { id: "1000062", name: "Stainless Steel" } ] },
  { id: "100198", name: "Dishwasher Safe", type: "PRODUCT_PROPERTY", is_requried: false, is_customizable: false, is_multiple_selection: false, value_data_format: "FREE_TEXT",
    values: [ { id: "1001001", name: "Yes" }, { id: "1001002", name: "No" } ] },
  { id: "100216", name: "Supplement Form", type: "PRODUCT_PROPERTY", is_requried: true, is_customizable: false, is_multiple_selection: false, value_data_format: "FREE_TEXT",
    values: [ { id: "1002001", name: "Capsule" }, { id: "1002002", name: "Powder" }, { id: "1002003", name: "Gummy" } ] },
  { id: "100347", name: "Net Weight (g)", type: "PRODUCT_PROPERTY", is_requried: false, is_customizable: true, is_multiple_selection: false, value_data_format: "POSITIVE_INT_OR_DECIMAL", values: [] },
  { id: "101500", name: "Compatible Phone Models", type: "PRODUCT_PROPERTY", is_requried: true, is_customizable: true, is_multiple_selection: true, value_data_format: "FREE_TEXT",
    values: [ { id: "1003001", name: "iPhone 15" }, { id: "1003002", name: "Galaxy S24" } ] },
];

export const ATTRIBUTES_BY_ID = new Map(ATTRIBUTES.map((a) => [a.id, a]));

const SALES = ["100000", "100007", "100089"];

function cat(
  version: "v1" | "v2",
  id: string,
  parent: string,
  name: string,
  leaf: boolean,
  extra: Partial<Category> = {},
): Category {
  return {
    id, parent_id: parent, local_name: name, is_leaf: leaf, permission_statuses: ["AVAILABLE"], version, keywords: [],
    attributeIds: [], certificationRequired: false, packageDimensionRequired: true, sizeChartRequired: false, ...extra,
  };
}

/** US (v2) tree: deeper, ids 6xxxxx/7xxxxx. */
const V2: Category[] = [
  // Listed first: recommendation takes the first leaf whose keyword is in the title, so the specific
  // keywords here ("plant pot", "high tops") win over the broad ones further down ("pot", "top").
  cat("v2", "603001", "0", "Jewelry Accessories & Derivatives", false),
  cat("v2", "603010", "603001", "Bracelets & Bangles", true, { keywords: ["bracelet", "bangle"], attributeIds: [...SALES] }),
  cat("v2", "603011", "603001", "Earrings", true, { keywords: ["earring"], attributeIds: [...SALES] }),
  cat("v2", "603012", "603001", "Necklaces", true, { keywords: ["necklace", "choker", "pendant"], attributeIds: [...SALES] }),
  cat("v2", "604001", "0", "Furniture", false),
  cat("v2", "604010", "604001", "Sofas & Armchairs", true, { keywords: ["sofa", "armchair", "beanbag", "bean bag"], attributeIds: [...SALES] }),
  cat("v2", "604011", "604001", "Tables & Cabinets", true, { keywords: ["table", "drawers", "cabinet"], attributeIds: [...SALES] }),
  cat("v2", "600030", "600001", "Bedding", true, { keywords: ["bed clothes", "bedding", "duvet"], attributeIds: [...SALES] }),
  cat("v2", "600031", "600001", "Cushions & Throw Pillows", true, { keywords: ["pillow", "cushion"], attributeIds: [...SALES] }),
  cat("v2", "600032", "600001", "Lighting", true, { keywords: ["light", "lamp"], attributeIds: [...SALES] }),
  cat("v2", "600033", "600001", "Candles & Fragrance", true, { keywords: ["candle"], attributeIds: [...SALES] }),
  cat("v2", "605001", "0", "Garden Supplies", false),
  cat("v2", "605010", "605001", "Plant Pots & Planters", true, { keywords: ["plant pot", "ceramic pot", "cardboard pots", "planter"], attributeIds: [...SALES] }),
  cat("v2", "605011", "605001", "Garden Tools & Watering", true, { keywords: ["trowel", "watering can", "garden"], attributeIds: [...SALES] }),
  cat("v2", "605012", "605001", "Fencing & Outdoor Structures", true, { keywords: ["fence", "slats"], attributeIds: [...SALES] }),
  cat("v2", "601160", "601152", "Shoes & Sneakers", true, { keywords: ["high tops", "sneaker", "shoe"], attributeIds: [...SALES] }),
  cat("v2", "601161", "601152", "Skirts", true, { keywords: ["skirt"], attributeIds: [...SALES] }),
  cat("v2", "601162", "601152", "Coats & Jackets", true, { keywords: ["jacket", "coat"], attributeIds: [...SALES] }),
  cat("v2", "601163", "601152", "Suits & Tuxedos", true, { keywords: ["tuxedo", "suit"], attributeIds: [...SALES] }),
  cat("v2", "601164", "601152", "Sweaters & Jumpers", true, { keywords: ["jumper", "sweater", "hoodie"], attributeIds: [...SALES] }),
  cat("v2", "601165", "601152", "Bags", true, { keywords: [" bag", "handbag", "tote"], attributeIds: [...SALES] }),
  cat("v2", "601166", "601152", "Tops & Blouses", true, { keywords: ["blouse", " top", "shirt", "tee"], attributeIds: [...SALES] }),
  cat("v2", "600001", "0", "Home Supplies", false),
  cat("v2", "600024", "600001", "Kitchenware", false),
  cat("v2", "601226", "600024", "Mugs", true, { keywords: ["mug", "cup", "tumbler"], attributeIds: [...SALES, "100392", "100198"] }),
  cat("v2", "601227", "600024", "Cookware Sets", true, { keywords: ["pan", "pot", "cookware"], attributeIds: [...SALES, "100392"] }),
  cat("v2", "601152", "0", "Womenswear & Underwear", false),
  cat("v2", "601302", "601152", "T-shirts", true, { keywords: ["t-shirt", "tshirt", "tee", "shirt"], attributeIds: [...SALES, "100392"], sizeChartRequired: false }),
  cat("v2", "700645", "0", "Health", false),
  cat("v2", "700646", "700645", "Food Supplements", true, { keywords: ["supplement", "vitamin", "capsule", "gummies"], attributeIds: [...SALES, "100216", "100347"], certificationRequired: true }),
  cat("v2", "700650", "700645", "Medical Devices", true, { keywords: ["thermometer", "blood pressure"], permission_statuses: ["INVITE_ONLY"], attributeIds: [...SALES] }),
  cat("v2", "602001", "0", "Phones & Electronics", false),
  cat("v2", "602010", "602001", "Phone Cases", true, { keywords: ["phone case", "case", "iphone"], attributeIds: [...SALES, "101500"] }),
  cat("v2", "700659", "0", "Restricted Goods", false),
  cat("v2", "700660", "700659", "Weapons", true, { keywords: ["knife", "weapon"], permission_statuses: ["PROHIBITED"], attributeIds: [...SALES] }),
];

/** v1 tree (GB and other regions): shallower, ids 8xxxxx. */
const V1: Category[] = [
  cat("v1", "800001", "0", "Home Supplies", false),
  cat("v1", "800010", "800001", "Mugs", true, { keywords: ["mug", "cup"], attributeIds: [...SALES, "100392", "100198"] }),
  cat("v1", "800020", "0", "Womenswear", false),
  cat("v1", "800021", "800020", "T-shirts", true, { keywords: ["t-shirt", "tee", "shirt"], attributeIds: [...SALES, "100392"] }),
  cat("v1", "800030", "0", "Health", false),
  cat("v1", "800031", "800030", "Food Supplements", true, { keywords: ["supplement", "vitamin"], permission_statuses: ["INVITE_ONLY"], attributeIds: [...SALES, "100216"], certificationRequired: true }),
];

export const CATEGORIES: Category[] = [...V2, ...V1];
export const CATEGORIES_BY_ID = new Map(CATEGORIES.map((c) => [c.id, c]));

export function categoriesForVersion(version: string): Category[] {
  return CATEGORIES.filter((c) => c.version === version);
}

export function categoryChain(categoryId: string): Category[] {
  const chain: Category[] = [];
  let current = CATEGORIES_BY_ID.get(categoryId);
  while (current) {
    chain.unshift(current);
    current = current.parent_id === "0" ? undefined : CATEGORIES_BY_ID.get(current.parent_id);
  }
  return chain;
}

export const BRANDS: Brand[] = [
  { id: "7082427311584347905", name: "Acme Home", authorized_status: "AUTHORIZED", brand_status: "AVAILABLE", is_t1_brand: false },
  { id: "7082427311584347906", name: "Nike", authorized_status: "UNAUTHORIEZD", brand_status: "AVAILABLE", is_t1_brand: true },
  { id: "7082427311584347907", name: "Generic Goods Co", authorized_status: "UNAUTHORIEZD", brand_status: "AVAILABLE", is_t1_brand: false },
  { id: "7082427311584347908", name: "Apple", authorized_status: "UNAUTHORIEZD", brand_status: "AVAILABLE", is_t1_brand: true },
  { id: "7082427311584347909", name: "Acme Outdoor", authorized_status: "AUTHORIZED", brand_status: "UNAVAILABLE", is_t1_brand: false },
];
export const BRANDS_BY_ID = new Map(BRANDS.map((b) => [b.id, b]));
