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

/**
 * US (v2) tree: deeper, ids 6xxxxx/7xxxxx. Recommend Category matches keywords as whole words (a trailing "s"/"es"
 * plural allowed) in the title, then the description; the longest matching keyword wins, ties go to the leaf listed
 * first. So specific keywords ("plant pot", "high tops", "outdoor table") beat broad ones ("pot", "top", "table").
 */
const V2: Category[] = [
  cat("v2", "603001", "0", "Jewelry Accessories & Derivatives", false),
  cat("v2", "603010", "603001", "Bracelets & Bangles", true, { keywords: ["bracelet", "bangle", "cuff bracelet", "charm bracelet"], attributeIds: [...SALES] }),
  cat("v2", "603011", "603001", "Earrings", true, { keywords: ["earring", "ear cuff", "ear climber", "studs", "hoop earring"], attributeIds: [...SALES] }),
  cat("v2", "603012", "603001", "Necklaces", true, { keywords: ["necklace", "choker", "pendant", "locket", "chain necklace"], attributeIds: [...SALES] }),
  cat("v2", "603013", "603001", "Rings", true, { keywords: ["ring", "signet ring", "band ring", "stacking ring"], attributeIds: [...SALES] }),
  cat("v2", "603014", "603001", "Anklets", true, { keywords: ["anklet", "ankle bracelet", "ankle chain"], attributeIds: [...SALES] }),
  cat("v2", "603015", "603001", "Brooches & Pins", true, { keywords: ["brooch", "lapel pin", "enamel pin"], attributeIds: [...SALES] }),
  cat("v2", "603016", "603001", "Body Jewelry", true, { keywords: ["nose ring", "belly ring", "body chain", "body jewelry", "septum ring"], attributeIds: [...SALES] }),
  cat("v2", "603017", "603001", "Jewelry Sets", true, { keywords: ["jewelry set", "jewellery set"], attributeIds: [...SALES] }),
  cat("v2", "604001", "0", "Furniture", false),
  cat("v2", "604010", "604001", "Sofas & Armchairs", true, { keywords: ["sofa", "armchair", "beanbag", "bean bag", "couch", "loveseat", "ottoman"], attributeIds: [...SALES] }),
  cat("v2", "604011", "604001", "Tables & Cabinets", true, { keywords: ["table", "drawers", "cabinet", "bedside table", "nightstand", "dresser", "sideboard", "desk"], attributeIds: [...SALES] }),
  cat("v2", "604012", "604001", "Chairs & Stools", true, { keywords: ["chair", "stool", "bench", "dining chair"], attributeIds: [...SALES] }),
  cat("v2", "604013", "604001", "Beds & Mattresses", true, { keywords: ["bed frame", "mattress", "headboard", "bunk bed"], attributeIds: [...SALES] }),
  cat("v2", "604014", "604001", "Shelves & Bookcases", true, { keywords: ["shelf", "shelves", "bookcase", "bookshelf", "shelving"], attributeIds: [...SALES] }),
  cat("v2", "604015", "604001", "Outdoor Furniture", true, { keywords: ["outdoor table", "outdoor chair", "garden table", "garden chair", "patio", "sun lounger", "hammock", "deck chair"], attributeIds: [...SALES] }),
  cat("v2", "600030", "600001", "Bedding", true, { keywords: ["bed clothes", "bedding", "duvet", "bed sheet", "pillowcase", "comforter", "quilt"], attributeIds: [...SALES] }),
  cat("v2", "600031", "600001", "Cushions & Throw Pillows", true, { keywords: ["pillow", "cushion", "throw pillow", "cushion cover"], attributeIds: [...SALES] }),
  cat("v2", "600032", "600001", "Lighting", true, { keywords: ["light", "lamp", "lighting", "table lamp", "floor lamp", "desk lamp", "lampshade"], attributeIds: [...SALES] }),
  cat("v2", "600033", "600001", "Candles & Fragrance", true, { keywords: ["candle", "scented candle", "diffuser", "incense", "wax melt", "room spray"], attributeIds: [...SALES] }),
  cat("v2", "600034", "600001", "String & Fairy Lights", true, { keywords: ["fairy light", "string light", "led strip", "light strip", "ring light"], attributeIds: [...SALES] }),
  cat("v2", "600035", "600001", "Ceiling Lights & Chandeliers", true, { keywords: ["pendant light", "ceiling light", "chandelier", "pendant lamp"], attributeIds: [...SALES] }),
  cat("v2", "600040", "600001", "Home Decor", false),
  cat("v2", "600041", "600040", "Vases", true, { keywords: ["vase", "flower vase", "bud vase"], attributeIds: [...SALES] }),
  cat("v2", "600042", "600040", "Wall Art & Posters", true, { keywords: ["wall art", "poster", "canvas print", "art print", "wall hanging", "tapestry"], attributeIds: [...SALES] }),
  cat("v2", "600043", "600040", "Photo Frames", true, { keywords: ["photo frame", "picture frame"], attributeIds: [...SALES] }),
  cat("v2", "600044", "600040", "Mirrors", true, { keywords: ["mirror", "wall mirror"], attributeIds: [...SALES] }),
  cat("v2", "600045", "600040", "Clocks", true, { keywords: ["clock", "wall clock", "alarm clock"], attributeIds: [...SALES] }),
  cat("v2", "600046", "600040", "Artificial Flowers & Plants", true, { keywords: ["artificial flower", "artificial plant", "faux plant", "faux flower", "dried flower", "silk flower"], attributeIds: [...SALES] }),
  cat("v2", "600047", "600040", "Candle Holders & Lanterns", true, { keywords: ["candle holder", "candlestick", "lantern", "tealight holder"], attributeIds: [...SALES] }),
  cat("v2", "600048", "600040", "Decorative Ornaments", true, { keywords: ["home decor", "decor", "figurine", "ornament", "sculpture", "statue", "bookend", "decorative bowl", "dreamcatcher"], attributeIds: [...SALES] }),
  cat("v2", "600050", "600001", "Home Textiles", false),
  cat("v2", "600051", "600050", "Blankets & Throws", true, { keywords: ["blanket", "throw blanket", "knitted throw"], attributeIds: [...SALES] }),
  // Window and floor textiles need their material, like TikTok's own rules for these leaves.
  cat("v2", "600052", "600050", "Curtains & Blinds", true, { keywords: ["curtain", "drape", "blind", "valance"], attributeIds: [...SALES, "100392"] }),
  cat("v2", "600053", "600050", "Rugs & Carpets", true, { keywords: ["rug", "carpet", "doormat", "door mat", "runner rug"], attributeIds: [...SALES, "100392"] }),
  cat("v2", "600054", "600050", "Towels", true, { keywords: ["towel", "bath towel", "tea towel", "bath mat"], attributeIds: [...SALES] }),
  cat("v2", "600055", "600050", "Table Linen", true, { keywords: ["tablecloth", "table runner", "placemat", "napkin", "coaster"], attributeIds: [...SALES] }),
  cat("v2", "600060", "600001", "Storage & Organization", false),
  cat("v2", "600061", "600060", "Baskets & Storage Boxes", true, { keywords: ["basket", "storage box", "storage bin", "organizer", "organiser", "hamper"], attributeIds: [...SALES] }),
  cat("v2", "600062", "600060", "Hooks & Racks", true, { keywords: ["hook", "coat rack", "shoe rack", "hanger", "coat stand"], attributeIds: [...SALES] }),
  cat("v2", "605001", "0", "Garden Supplies", false),
  cat("v2", "605010", "605001", "Plant Pots & Planters", true, { keywords: ["plant pot", "ceramic pot", "cardboard pots", "planter", "flower pot", "clay pot", "terracotta pot", "hanging basket"], attributeIds: [...SALES] }),
  cat("v2", "605011", "605001", "Garden Tools & Watering", true, { keywords: ["trowel", "watering can", "garden", "pruner", "secateurs", "rake", "shovel", "spade", "hoe", "garden gloves", "hose", "sprinkler", "wheelbarrow", "garden tool"], attributeIds: [...SALES] }),
  cat("v2", "605012", "605001", "Fencing & Outdoor Structures", true, { keywords: ["fence", "slats", "fencing", "trellis", "pergola", "gazebo", "garden arch", "raised bed"], attributeIds: [...SALES] }),
  cat("v2", "605013", "605001", "Seeds & Bulbs", true, { keywords: ["seeds", "seed kit", "bulbs", "flower bulbs"], attributeIds: [...SALES] }),
  cat("v2", "605014", "605001", "Soil & Plant Care", true, { keywords: ["potting soil", "compost", "fertilizer", "fertiliser", "plant food", "mulch"], attributeIds: [...SALES] }),
  cat("v2", "605015", "605001", "Garden Decor & Outdoor Lighting", true, { keywords: ["garden gnome", "bird feeder", "bird bath", "birdhouse", "wind chime", "garden statue", "solar light", "outdoor light", "garden light", "stepping stone"], attributeIds: [...SALES] }),
  cat("v2", "605016", "605001", "Live Plants", true, { keywords: ["houseplant", "succulent", "live plant", "bonsai", "cactus"], attributeIds: [...SALES] }),
  cat("v2", "601160", "601152", "Shoes & Sneakers", true, { keywords: ["high tops", "sneaker", "shoe", "trainers", "high top", "low tops", "running shoe"], attributeIds: [...SALES] }),
  cat("v2", "601161", "601152", "Skirts", true, { keywords: ["skirt", "miniskirt", "maxi skirt", "midi skirt"], attributeIds: [...SALES] }),
  cat("v2", "601162", "601152", "Coats & Jackets", true, { keywords: ["jacket", "coat", "blazer", "parka", "raincoat", "gilet", "puffer"], attributeIds: [...SALES] }),
  cat("v2", "601163", "601152", "Suits & Tuxedos", true, { keywords: ["tuxedo", "suit", "waistcoat"], attributeIds: [...SALES] }),
  cat("v2", "601164", "601152", "Sweaters & Jumpers", true, { keywords: ["jumper", "sweater", "hoodie", "cardigan", "sweatshirt", "pullover", "knitwear"], attributeIds: [...SALES] }),
  cat("v2", "601165", "601152", "Bags", true, { keywords: ["bag", "handbag", "tote", "tote bag", "clutch", "shoulder bag", "crossbody bag"], attributeIds: [...SALES] }),
  cat("v2", "601166", "601152", "Tops & Blouses", true, { keywords: ["blouse", "top", "shirt", "tee", "t-shirt", "tshirt", "tank top", "camisole", "crop top", "tunic", "bodysuit"], attributeIds: [...SALES] }),
  cat("v2", "601167", "601152", "Dresses", true, { keywords: ["dress", "maxi dress", "midi dress", "sundress", "gown", "jumpsuit", "romper"], attributeIds: [...SALES] }),
  cat("v2", "601168", "601152", "Trousers & Leggings", true, { keywords: ["trousers", "pants", "leggings", "joggers", "culottes", "sweatpants"], attributeIds: [...SALES] }),
  cat("v2", "601169", "601152", "Jeans & Shorts", true, { keywords: ["jeans", "shorts", "denim shorts", "skinny jeans"], attributeIds: [...SALES] }),
  cat("v2", "601170", "601152", "Swimwear", true, { keywords: ["swimsuit", "bikini", "swimwear", "swim shorts", "one piece swimsuit", "cover up"], attributeIds: [...SALES] }),
  cat("v2", "601171", "601152", "Underwear & Socks", true, { keywords: ["underwear", "bra", "lingerie", "socks", "briefs", "boxers", "tights", "pajamas", "pyjamas"], attributeIds: [...SALES] }),
  cat("v2", "601400", "0", "Menswear & Underwear", false),
  cat("v2", "601410", "601400", "Men's Shirts", true, { keywords: ["men's shirt", "mens shirt", "dress shirt", "oxford shirt", "flannel shirt", "polo shirt", "polo"], attributeIds: [...SALES] }),
  cat("v2", "601411", "601400", "Men's Coats & Jackets", true, { keywords: ["men's jacket", "mens jacket", "men's coat", "mens coat", "bomber jacket"], attributeIds: [...SALES] }),
  cat("v2", "601412", "601400", "Men's Trousers & Chinos", true, { keywords: ["chinos", "men's trousers", "mens trousers", "cargo pants", "men's jeans", "mens jeans"], attributeIds: [...SALES] }),
  cat("v2", "601413", "601400", "Men's Hoodies & Sweatshirts", true, { keywords: ["men's hoodie", "mens hoodie", "men's sweatshirt", "mens sweatshirt", "men's sweater", "mens sweater"], attributeIds: [...SALES] }),
  cat("v2", "606001", "0", "Fashion Accessories", false),
  cat("v2", "606010", "606001", "Hats & Caps", true, { keywords: ["hat", "cap", "beanie", "beret", "fedora", "bucket hat", "baseball cap", "sun hat", "visor"], attributeIds: [...SALES] }),
  cat("v2", "606011", "606001", "Scarves & Shawls", true, { keywords: ["scarf", "scarves", "shawl", "bandana", "pashmina"], attributeIds: [...SALES] }),
  cat("v2", "606012", "606001", "Belts", true, { keywords: ["belt", "leather belt"], attributeIds: [...SALES] }),
  cat("v2", "606013", "606001", "Sunglasses & Eyewear", true, { keywords: ["sunglasses", "eyewear", "glasses frame", "reading glasses"], attributeIds: [...SALES] }),
  cat("v2", "606014", "606001", "Gloves & Mittens", true, { keywords: ["gloves", "mittens", "leather gloves"], attributeIds: [...SALES] }),
  cat("v2", "606015", "606001", "Hair Accessories", true, { keywords: ["hair clip", "scrunchie", "headband", "hair tie", "hair pin", "claw clip"], attributeIds: [...SALES] }),
  cat("v2", "607001", "0", "Shoes", false),
  cat("v2", "607010", "607001", "Boots", true, { keywords: ["boot", "ankle boot", "chelsea boot", "combat boot"], attributeIds: [...SALES] }),
  cat("v2", "607011", "607001", "Sandals & Slippers", true, { keywords: ["sandal", "slipper", "flip flop", "slides", "espadrille"], attributeIds: [...SALES] }),
  cat("v2", "607012", "607001", "Heels & Flats", true, { keywords: ["heels", "high heels", "stiletto", "ballet flats", "loafer", "mules", "pumps"], attributeIds: [...SALES] }),
  cat("v2", "608001", "0", "Luggage & Bags", false),
  cat("v2", "608010", "608001", "Backpacks", true, { keywords: ["backpack", "rucksack", "school bag"], attributeIds: [...SALES] }),
  cat("v2", "608011", "608001", "Wallets & Card Holders", true, { keywords: ["wallet", "card holder", "purse", "coin purse", "money clip"], attributeIds: [...SALES] }),
  cat("v2", "608012", "608001", "Luggage & Travel Bags", true, { keywords: ["suitcase", "luggage", "travel bag", "duffel bag", "duffle bag", "weekender bag"], attributeIds: [...SALES] }),
  cat("v2", "600001", "0", "Home Supplies", false),
  cat("v2", "600024", "600001", "Kitchenware", false),
  cat("v2", "601226", "600024", "Mugs", true, { keywords: ["mug", "cup", "tumbler"], attributeIds: [...SALES, "100392", "100198"] }),
  cat("v2", "601227", "600024", "Cookware Sets", true, { keywords: ["pan", "pot", "cookware", "saucepan", "frying pan", "skillet", "stock pot", "dutch oven"], attributeIds: [...SALES, "100392"] }),
  cat("v2", "601228", "600024", "Tableware", true, { keywords: ["plate", "bowl", "dinnerware", "dinner set", "cutlery", "serving platter"], attributeIds: [...SALES] }),
  cat("v2", "601229", "600024", "Kitchen Utensils", true, { keywords: ["spatula", "whisk", "ladle", "utensil", "chopping board", "cutting board", "rolling pin"], attributeIds: [...SALES] }),
  cat("v2", "601230", "600024", "Water Bottles", true, { keywords: ["water bottle", "flask", "thermos"], attributeIds: [...SALES] }),
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
