// The bookkeeper's export: one line per settled TikTok transaction, signs kept (costs negative), RFC 4180
// quoting. Text that a spreadsheet would run as a formula is defused; amounts are left as numbers.

export interface SettlementCsvRow {
  /** The statement's day, YYYY-MM-DD (UTC). */
  date: string;
  statementId: string;
  paymentId: string;
  tiktokOrderId: string;
  shopifyOrderName: string;
  type: string;
  currency: string;
  revenue: string;
  fees: string;
  shipping: string;
  adjustments: string;
  settlement: string;
  reserve: string;
}

const COLUMNS: Array<[keyof SettlementCsvRow, string]> = [
  ["date", "Date"],
  ["statementId", "Statement ID"],
  ["paymentId", "Payment ID"],
  ["tiktokOrderId", "TikTok order ID"],
  ["shopifyOrderName", "Shopify order"],
  ["type", "Type"],
  ["currency", "Currency"],
  ["revenue", "Revenue"],
  ["fees", "Fees"],
  ["shipping", "Shipping"],
  ["adjustments", "Adjustments"],
  ["settlement", "Settlement"],
  ["reserve", "Reserve"],
];
const AMOUNTS = new Set<keyof SettlementCsvRow>([
  "revenue",
  "fees",
  "shipping",
  "adjustments",
  "settlement",
  "reserve",
]);
const NUMBER = /^-?\d+(\.\d+)?$/;

/** Quotes a field holding a comma, quote or line break (quotes doubled); "=cmd" in text becomes "'=cmd". */
export function csvField(value: string, isAmount = false): string {
  const safe = !isAmount && /^[=+\-@\t\r]/.test(value) && !NUMBER.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Starts with a byte order mark: Excel reads UTF-8 (TikTok's adjustment types can hold full-width text) only with it. */
export function settlementCsv(rows: readonly SettlementCsvRow[]): string {
  const header = COLUMNS.map(([, title]) => title).join(",");
  const lines = rows.map((row) => COLUMNS.map(([key]) => csvField(row[key], AMOUNTS.has(key))).join(","));
  return "\uFEFF" + [header, ...lines].join("\r\n") + "\r\n";
}
