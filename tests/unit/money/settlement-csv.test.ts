import { describe, expect, it } from "vitest";
import { csvField, settlementCsv, type SettlementCsvRow } from "../../../app/modules/money/settlement-csv";

const row = (over: Partial<SettlementCsvRow> = {}): SettlementCsvRow => ({
  date: "2026-12-15", statementId: "7238000000000001001", paymentId: "3459000000000001001", tiktokOrderId: "5770001", shopifyOrderName: "#1001",
  type: "ORDER", currency: "USD", revenue: "90.00", fees: "-6.12", shipping: "5.99", adjustments: "0.00", settlement: "89.87", reserve: "0.00", ...over,
});
const lines = (csv: string) => csv.replace(/^\uFEFF/, "").split("\r\n");

describe("the settlement CSV", () => {
  it("starts with a header a bookkeeper can read, one line per transaction, signs kept", () => {
    const csv = settlementCsv([row(), row({ type: "PLATFORM_PENALTY", tiktokOrderId: "", shopifyOrderName: "", revenue: "0.00", fees: "0.00", shipping: "0.00", adjustments: "-10.00", settlement: "-10.00" })]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    expect(lines(csv)).toEqual([
      "Date,Statement ID,Payment ID,TikTok order ID,Shopify order,Type,Currency,Revenue,Fees,Shipping,Adjustments,Settlement,Reserve",
      "2026-12-15,7238000000000001001,3459000000000001001,5770001,#1001,ORDER,USD,90.00,-6.12,5.99,0.00,89.87,0.00",
      "2026-12-15,7238000000000001001,3459000000000001001,,,PLATFORM_PENALTY,USD,0.00,0.00,0.00,-10.00,-10.00,0.00",
      "",
    ]);
  });

  it.each([
    ["a comma", "Violation fee, late", '"Violation fee, late"'],
    ["a quote", 'Bill "negative" balance', '"Bill ""negative"" balance"'],
    ["a line break", "two\nlines", '"two\nlines"'],
    ["full-width parentheses (TikTok's free-text types)", "Violation fee （settlement fee）", "Violation fee （settlement fee）"],
    ["a formula", "=HYPERLINK(\"x\")", '"\'=HYPERLINK(""x"")"'],
    ["a leading at sign", "@cmd", "'@cmd"],
  ])("quotes or defuses text with %s", (_, value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  it("keeps negative amounts as numbers (never defused) and a text that is a number as it is", () => {
    expect(csvField("-6.12", true)).toBe("-6.12");
    expect(csvField("-6.12")).toBe("-6.12");
    const csv = settlementCsv([row({ type: "Sales proceed（negative balance）, adjusted", fees: "-0.30" })]);
    expect(lines(csv)[1]).toBe('2026-12-15,7238000000000001001,3459000000000001001,5770001,#1001,"Sales proceed（negative balance）, adjusted",USD,90.00,-0.30,5.99,0.00,89.87,0.00');
  });
});
