import type { TikTokErrorKind } from "./tiktok-error-kind";

/**
 * Every TikTok Shop error code we know (contract §2.1 and the listing rules of §4/§5/§10), as data: how the client
 * treats it and what a merchant is told. The troubleshooting UI reads `explanation`, `action` and `docsUrl`.
 */
export interface TikTokErrorCatalogEntry {
  code: number;
  kind: TikTokErrorKind;
  /** True when the same request may succeed if simply sent again later (the client retries these itself). */
  retryable: boolean;
  title: string;
  /** Plain language, for a merchant. */
  explanation: string;
  /** What to do next, for a merchant (or "we" when the app has to fix it). */
  action: string;
  docsUrl: string;
}

// Partner Center page ids change and could not be checked offline, so we link the documentation hub and
// Seller Center, plus the one Seller University article the contract cites (probation limits).
const API_DOCS = "https://partner.tiktokshop.com/docv2";
const PRODUCT_API_DOCS = API_DOCS;
const AUTH_DOCS = API_DOCS;
const SELLER_CENTER = "https://seller-us.tiktok.com/";
const PROBATION_DOCS = "https://seller-us.tiktok.com/university/essay?knowledge_id=3238037484062465";

type Row = Omit<TikTokErrorCatalogEntry, "code">;

function row(kind: TikTokErrorKind, retryable: boolean, title: string, explanation: string, action: string, docsUrl: string): Row {
  return { kind, retryable, title, explanation, action, docsUrl };
}

const listing = (title: string, explanation: string, action: string, docsUrl = PRODUCT_API_DOCS) =>
  row("validation", false, title, explanation, action, docsUrl);

const appBug = (title: string, explanation: string) =>
  row("client_bug", false, title, explanation,
    "Nothing to change on your side: this is a problem in the app. Retry later; if it persists, contact app support with the request id.", API_DOCS);

const rows: Array<[number | [number, number], Row]> = [
  // ── Gateway and authentication (§2.1) ───────────────────────────────────────────────────────────────
  [36009002, row("rate_limited", true, "Too many requests",
    "TikTok asked the app to slow down because too many requests were sent for your shop at once.",
    "Nothing to do: the app waits and retries automatically.", API_DOCS)],
  [36009003, row("server", true, "TikTok internal error",
    "TikTok Shop had a temporary internal problem while handling the request.",
    "Nothing to do: the app retries automatically. If it keeps happening, check TikTok Shop's status.", API_DOCS)],
  [36009004, row("auth_invalid", false, "Request refused by TikTok",
    "TikTok refused the request's credentials: the app's signature, the access token, the request time or the shop identifier was not accepted.",
    "Reconnect your TikTok shop from the app's Linking page. If this appears right after connecting, contact app support with the request id.", AUTH_DOCS)],
  [36009007, row("timeout", true, "TikTok timed out",
    "TikTok Shop did not finish handling the request in time.",
    "Nothing to do: the app retries automatically.", API_DOCS)],
  [36009009, appBug("Unknown TikTok API path", "The app called a TikTok address that does not exist.")],
  [36009010, appBug("Wrong request method", "The app called a TikTok API with the wrong HTTP method.")],
  [36009014, appBug("Unsupported API version", "The app asked for a TikTok API version that TikTok does not offer (any more).")],
  [36009021, row("validation", false, "File too large",
    "The file or image sent to TikTok is larger than TikTok accepts.",
    "Use a smaller image (JPG or PNG, at most 5 MB) in Shopify and sync again.", PRODUCT_API_DOCS)],
  [36009022, appBug("Request body not accepted", "TikTok expected a JSON or multipart body and got something else.")],
  [36009023, appBug("Upload format not accepted", "TikTok expected a file upload (multipart) and got something else.")],
  [36009033, row("configuration", false, "Server address not allowed",
    "TikTok only accepts calls from the server addresses registered for this app, and this server is not on that list.",
    "Contact app support: the app's TikTok Partner Center IP allow-list must include this server.", API_DOCS)],
  [101000, row("auth_invalid", false, "Token not valid for this shop",
    "The TikTok authorization the app holds does not belong to this TikTok shop (or is of the wrong account type).",
    "Reconnect the TikTok shop from the Linking page, signing in with the seller account that owns it.", AUTH_DOCS)],
  [105001, row("auth_invalid", false, "Authorization revoked",
    "The app's access to your TikTok shop is no longer valid, usually because the app was disconnected in TikTok Seller Center.",
    "Reconnect your TikTok shop from the Linking page.", AUTH_DOCS)],
  [105002, row("auth_expired", false, "Access token expired",
    "The short-lived TikTok access token expired.",
    "Nothing to do: the app refreshes the token and tries again. If this keeps appearing, reconnect your TikTok shop.", AUTH_DOCS)],
  [105005, row("scope_missing", false, "Permission missing",
    "The app was not granted the TikTok permission this action needs.",
    "Reconnect your TikTok shop and accept every permission the app asks for. If it persists, contact app support.", AUTH_DOCS)],
  [106001, row("signature", false, "Request signature refused",
    "TikTok could not verify the app's request signature.",
    "Contact app support with the request id: the app's TikTok credentials or clock need fixing.", API_DOCS)],
  [106013, appBug("Shop identifier missing", "The app called a shop API without saying which shop (shop_cipher).")],
  [36004001, row("auth_invalid", false, "Authorization expired",
    "Your TikTok shop's authorization for this app has ended (it lasts about one year), so it can no longer be refreshed.",
    "Reconnect your TikTok shop from the Linking page to authorize the app again.", AUTH_DOCS)],
  [36004005, row("auth_invalid", false, "No authorization found",
    "TikTok has no record of your shop authorizing this app.",
    "Connect your TikTok shop from the Linking page.", AUTH_DOCS)],

  // ── Listing rules (§2.1, §4.2, §5, §10) ────────────────────────────────────────────────────────────
  [12019002, listing("Category not valid", "The TikTok category chosen for this product is not valid.",
    "Pick another category for the product in the app's mapping.")],
  [12019030, listing("Product attribute not valid", "One of the product's attributes (or its value) is not valid for the chosen category.",
    "Review the product's attributes in the app and choose values from TikTok's list.")],
  [12019059, listing("SKU code not valid", "A variant's SKU code is not accepted by TikTok.",
    "Use SKU codes of 1–50 characters without spaces in Shopify.")],
  [12019027, row("client_bug", false, "Too many SKUs in a search",
    "The app searched for more than 10 SKU codes at once.",
    "Nothing to change on your side; the app splits such searches.", PRODUCT_API_DOCS)],
  [12019065, listing("Image not uploaded to TikTok", "An image in the listing was not uploaded through TikTok first.",
    "Sync the product again so the app re-uploads its images.")],
  [12019116, listing("Image size out of range", "An image's dimensions are outside what TikTok accepts.",
    "Use images between 300×300 and 4000×4000 pixels.")],
  [12038014, listing("Image size out of range", "An image's dimensions or file size are outside TikTok's limits.",
    "Use JPG or PNG images between 300×300 and 4000×4000 pixels and under 5 MB.")],
  [12038005, listing("Image size out of range", "An image's dimensions or file size are outside TikTok's limits.",
    "Use JPG or PNG images between 300×300 and 4000×4000 pixels and under 5 MB.")],
  [12019117, listing("Variant options missing", "The product has several variants, but they are not told apart by options (e.g. Color, Size).",
    "Give every variant option values in Shopify.")],
  [12052050, listing("Too many variants", "The product has more variants than TikTok allows for your region.",
    "Split the product into several products or remove variants (US: 100 per product).")],
  [12052051, listing("Title too long", "The product title is longer than TikTok allows.",
    "Shorten the title (US: at most 255 characters).")],
  [12052054, listing("SKU code too long", "A variant's SKU code is longer than 50 characters.",
    "Shorten the SKU code in Shopify.")],
  [12052093, row("quota", false, "Daily listing limit reached",
    "Your TikTok shop has reached its limit of new listings for today (new shops start with a lower limit).",
    "Nothing to do: the app lists the remaining products tomorrow. The limit rises as your shop graduates.", PROBATION_DOCS)],
  [12052217, row("client_bug", false, "Wrong category tree",
    "The category was sent with the wrong category version for your region (US shops use version 2).",
    "Nothing to change on your side; contact app support if it persists.", PRODUCT_API_DOCS)],
  [12052230, listing("Category is not a leaf", "The chosen category has sub-categories; TikTok needs the most specific one.",
    "Choose a more specific category in the app's mapping.")],
  [[12052220, 12052227], listing("Category restricted",
    "Your shop may not list in this category: it is prohibited, invitation-only, or not one of your shop's main categories.",
    "Choose another category, or apply for this category in TikTok Seller Center.", SELLER_CENTER)],
  [12052201, listing("Brand not authorized", "Your shop is not authorized to sell this brand in this category.",
    "Remove the brand from the listing, or get brand authorization in TikTok Seller Center.", SELLER_CENTER)],
  [12052208, listing("Brand not authorized", "Your shop is not authorized to sell this brand in this category.",
    "Remove the brand from the listing, or get brand authorization in TikTok Seller Center.", SELLER_CENTER)],
  [12052306, listing("Too many images", "The product has more main images than TikTok allows (9).",
    "Keep at most 9 images on the product, or choose which ones sync.")],
  [[12052344, 12052352], listing("Description formatting not accepted",
    "The product description contains HTML TikTok does not accept (a tag, missing image size, or nesting).",
    "Simplify the description in Shopify (paragraphs, lists, bold/italic, images); the app removes other formatting.")],
  [12052402, row("seller_setup", false, "No shipping template",
    "Your TikTok shop has no shipping template, so products cannot be listed.",
    "Create a shipping template in TikTok Seller Center > Shipping, then sync again.", SELLER_CENTER)],
  [12052535, row("seller_setup", false, "No return warehouse",
    "Your TikTok shop has no return warehouse address, so products cannot be listed.",
    "Add a return warehouse in TikTok Seller Center > My Account > Addresses, then sync again.", SELLER_CENTER)],
  [12052700, row("seller_setup", false, "Shop not active",
    "Your TikTok shop is not active, so it cannot list products.",
    "Check your shop's status and any notices in TikTok Seller Center.", SELLER_CENTER)],
  [12052037, listing("Warehouses do not match", "A stock update must list every warehouse the variant is stocked in, without adding or removing any.",
    "Check the location-to-warehouse mapping in the app's Inventory settings.")],
  [12019028, listing("Warehouses do not match", "A stock update must list every warehouse the variant is stocked in, without adding or removing any.",
    "Check the location-to-warehouse mapping in the app's Inventory settings.")],
  [12052533, listing("Warehouses do not match", "A stock update must list every warehouse the variant is stocked in, without adding or removing any.",
    "Check the location-to-warehouse mapping in the app's Inventory settings.")],
  [12052084, listing("Currency does not match", "The price currency is not your TikTok shop's currency.",
    "Set the currency conversion in the app's Pricing settings.")],
  [12019061, listing("Units not allowed", "Weight and size units must be from the same system, and imperial units are only allowed in the US.",
    "Use kilograms and centimetres (or, in the US, pounds and inches) consistently.")],
  [12019045, listing("Price locked by a promotion", "This variant is in an ongoing TikTok promotion, so its price cannot change now.",
    "Wait until the promotion ends, or end it in TikTok Seller Center.", SELLER_CENTER)],
  [12019024, listing("Stock quantity not valid", "A stock quantity is not a whole number between 0 and 99,999.",
    "Check the variant's stock and the safety buffer in the app's Inventory settings.")],
  [12052055, listing("Stock quantity not valid", "A stock quantity is not a whole number between 0 and 99,999.",
    "Check the variant's stock and the safety buffer in the app's Inventory settings.")],

  // ── Orders, fulfilment and cancellations (orders-and-money §A, cancel reasons page) ─────────────────────
  [21011044, row("validation", false, "Order still on hold",
    "The buyer can still cancel this order freely during TikTok's one-hour hold, so TikTok does not let it be shipped yet.",
    "Wait until the order moves to Awaiting shipment (about an hour after payment), then ship it.", SELLER_CENTER)],
  [21008025, row("validation", false, "Order fulfilled by TikTok",
    "TikTok ships this order from its own warehouse (Fulfilled by TikTok), so the shop cannot ship it or add tracking.",
    "Nothing to ship: TikTok's tracking appears on the order once it is on its way.", SELLER_CENTER)],
  [21001001, appBug("Order request not accepted", "TikTok refused the parameters the app sent to an order API.")],
  [21008111, row("not_found", false, "Order not in this shop",
    "TikTok says the order does not belong to the connected TikTok shop.",
    "Check that the right TikTok shop is connected; the order may belong to another shop.", SELLER_CENTER)],
  [36020001, row("not_found", false, "Order not found on TikTok",
    "TikTok could not find the order the app referred to.",
    "Check that the right TikTok shop is connected; the order may belong to another shop.", SELLER_CENTER)],
  [25001021, row("validation", false, "Cancel reason does not fit",
    "TikTok accepts only certain cancel reasons for an order in its current status.",
    "Choose another cancel reason, or cancel the order in TikTok Seller Center.", SELLER_CENTER)],
  [25001011, row("validation", false, "Cancellation already in progress",
    "A cancellation of this order is already being processed (for example the buyer's request).",
    "Answer the buyer's cancellation request in TikTok Seller Center instead.", SELLER_CENTER)],
  [25001045, row("validation", false, "Order already shipped",
    "The order has already been shipped, so it can no longer be cancelled.",
    "Handle it as a return or refund in TikTok Seller Center.", SELLER_CENTER)],
  [25001051, row("validation", false, "Order closed",
    "The order is already completed or cancelled on TikTok.",
    "Nothing to do on TikTok; check the order's status in TikTok Seller Center.", SELLER_CENTER)],
];

function expand(): Map<number, TikTokErrorCatalogEntry> {
  const map = new Map<number, TikTokErrorCatalogEntry>();
  for (const [codes, entry] of rows) {
    const [from, to] = Array.isArray(codes) ? codes : [codes, codes];
    for (let code = from; code <= to; code++) map.set(code, { code, ...entry });
  }
  return map;
}

export const TIKTOK_ERROR_CATALOG: ReadonlyMap<number, TikTokErrorCatalogEntry> = expand();

export function lookupTikTokErrorCode(code: number): TikTokErrorCatalogEntry | undefined {
  return TIKTOK_ERROR_CATALOG.get(code);
}
