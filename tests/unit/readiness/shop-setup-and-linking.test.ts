import { describe, expect, it } from "vitest";
import type { LinkSummary } from "../../../app/modules/linking/link-summary";
import { judgeLinking } from "../../../app/modules/readiness/linking-readiness";
import { judgeFirstProducts, judgePrerequisites, type PrerequisiteCheck } from "../../../app/modules/readiness/shop-setup-readiness";

const check = (check_item: string, failed = false, reason = ""): PrerequisiteCheck => ({ check_item, is_failed: failed, fail_reasons: failed ? [reason] : [] });
const ALL = ["SHOP_STATUS", "SHOP_TAX", "PICKUP_WAREHOUSE", "RETURN_WAREHOUSE", "DELIVERY_OPTION", "SHIPPING_TEMPLATE", "PRODUCT_QUANTITY_LIMIT", "EXTENDED_PRODUCER_RESPONSIBILITY", "BANk_ACCOUNT", "CONTACT_INFO"];

describe("judgePrerequisites", () => {
  it("maps each of TikTok's checks to its section (BANk_ACCOUNT spelled as TikTok does)", () => {
    const items = judgePrerequisites(ALL.map((c) => check(c)), "US", new Set(["shop_setup", "policies", "payments"]));
    expect(items.map((i) => `${i.section}:${i.id}`)).toEqual([
      "shop_setup:shop_setup.prerequisite.shop_status", "shop_setup:shop_setup.prerequisite.shop_tax",
      "policies:policies.prerequisite.pickup_warehouse", "policies:policies.prerequisite.return_warehouse",
      "policies:policies.prerequisite.delivery_option", "policies:policies.prerequisite.shipping_template",
      "shop_setup:shop_setup.prerequisite.product_quantity_limit", "shop_setup:shop_setup.prerequisite.extended_producer_responsibility",
      "payments:payments.prerequisite.bank_account", "shop_setup:shop_setup.prerequisite.contact_info",
    ]);
    expect(items.every((i) => i.status === "done")).toBe(true);
  });

  it.each([
    ["RETURN_WAREHOUSE", "action_needed", /No return warehouse/, /Add a return warehouse/],
    ["BANk_ACCOUNT", "action_needed", /No bank account/, /Link a bank account/],
    ["SHIPPING_TEMPLATE", "action_needed", /No shipping template/, /Create a shipping template/],
    ["PRODUCT_QUANTITY_LIMIT", "pending", /daily listing limit/, /listed automatically/],
    ["SHOP_TAX", "action_needed", /Tax information/, /Tax information/],
  ] as const)("failed %s → %s with the fix", (item, status, detail, next) => {
    const reasons: Record<string, string> = { RETURN_WAREHOUSE: "No return warehouse is set.", BANk_ACCOUNT: "No bank account is linked for payouts.", SHIPPING_TEMPLATE: "No shipping template is set.", PRODUCT_QUANTITY_LIMIT: "The daily listing limit (50) has been reached.", SHOP_TAX: "Tax information is missing." };
    const [result] = judgePrerequisites([check(item, true, reasons[item]!)], "US", new Set(["shop_setup", "policies", "payments"]));
    expect(result!.status).toBe(status);
    expect(result!.detail).toMatch(detail);
    expect(result!.nextStep).toMatch(next);
  });

  it("leaves shipping and payouts to policies-readiness when it provides them", () => {
    const items = judgePrerequisites([check("RETURN_WAREHOUSE", true, "x"), check("BANk_ACCOUNT", true, "y"), check("SHOP_STATUS")], "US", new Set(["shop_setup"]));
    expect(items.map((i) => i.id)).toEqual(["shop_setup.prerequisite.shop_status"]);
  });
});

describe("judgeFirstProducts", () => {
  it.each([
    [0, 0, "action_needed", /No products are chosen/],
    [5, 0, "action_needed", /All 5 chosen products/],
    [5, 3, "done", /3 of 5 chosen products are ready; 2 need a fix first/],
    [2, 2, "done", /2 of 2 chosen products are ready\.$/],
  ] as const)("%i chosen, %i without blocking findings → %s", (selected, ready, status, detail) => {
    const item = judgeFirstProducts({ selected, withoutBlockingFindings: ready });
    expect(item.status).toBe(status);
    expect(item.detail).toMatch(detail);
    if (status !== "done") expect(item.action?.url).toBe("/app/products");
  });
});

describe("judgeLinking", () => {
  const link = (over: Partial<LinkSummary> = {}): LinkSummary => ({ tiktokShopId: "1", name: "Acme US", region: "US", status: "active", daysUntilReauthorization: 300, syncsCatalog: true, attention: null, ...over });
  const readable = { readable: true, count: 1 };
  it.each([
    ["nothing linked", null, readable, [["linking.authorized", "action_needed"]]],
    ["linked and healthy", link(), readable, [["linking.authorized", "done"], ["linking.sync_active", "done"], ["linking.tiktok_account", "done"]]],
    ["authorization ends in 10 days", link({ daysUntilReauthorization: 10 }), readable, [["linking.authorized", "action_needed"], ["linking.sync_active", "done"], ["linking.tiktok_account", "done"]]],
    ["authorization ended", link({ daysUntilReauthorization: -1 }), readable, [["linking.authorized", "blocked"], ["linking.sync_active", "done"], ["linking.tiktok_account", "done"]]],
    ["paused by deauthorization", link({ status: "paused", attention: { tone: "critical", message: "Sync is paused: deauthorized." } }), readable, [["linking.authorized", "done"], ["linking.sync_active", "blocked"], ["linking.tiktok_account", "done"]]],
    ["no account bound", link(), { readable: true, count: 0 }, [["linking.authorized", "done"], ["linking.sync_active", "done"], ["linking.tiktok_account", "action_needed"]]],
    ["accounts unreadable", link(), { readable: false, count: 0, error: "HTTP 404" }, [["linking.authorized", "done"], ["linking.sync_active", "done"], ["linking.tiktok_account", "unknown"]]],
  ] as const)("%s", (_name, l, accounts, expected) => {
    const items = judgeLinking(l as LinkSummary | null, accounts);
    expect(items.map((i) => [i.id, i.status])).toEqual(expected);
    for (const i of items) if (i.status !== "done") expect(i.nextStep).toBeTruthy();
  });
  it("offers Connect as a form post when nothing is linked", () => {
    expect(judgeLinking(null, { readable: false, count: 0 })[0]!.action).toMatchObject({ formIntent: "connect-tiktok" });
  });
});
