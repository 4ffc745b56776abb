// The Shipping, returns & payments page against both sandboxes: the seeded store (two locations with
// stock, a 30-day refund policy, a US delivery profile) with Acme (ready) and Not Ready Crafts (no
// return warehouse, no shipping template, no bank account) linked; the catalog shop is chosen on the
// page, and the location → warehouse choice is saved into the inventory rules sync uses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SEED_SHOP_IDS } from "../../../sandbox/tiktok/seed-data";
import type { ReadinessItem } from "../../../app/modules/readiness/readiness-item";
import { embeddedClient } from "../../support/embedded-fetch";
import { startSyncHarness, type SyncHarness } from "../../support/sync-harness";

const ROUTE = "routes/app.shipping";
type PageData = { items: ReadinessItem[]; rows: Array<{ location: { id: string; name: string; hasStock: boolean | null }; warehouseId: string | null; problem: string | null }>; catalogShopId: string; salesWarehouses: Array<{ id: string; name: string }>; refundPolicy: { days: number | null } | null; returnRule: { returnWindowDays: number } | null };

describe("shipping, returns & payments page", () => {
  let h: SyncHarness;
  let app: ReturnType<typeof embeddedClient>;
  const load = async () => (await app.load("/app/shipping", ROUTE)) as PageData;
  const status = (data: PageData) => Object.fromEntries(data.items.map((i) => [i.id, i.status]));

  beforeAll(async () => {
    h = await startSyncHarness({ tiktokShopId: SEED_SHOP_IDS.readyUs, tiktokShopName: "Acme Home Goods US" });
    await h.linkShop(SEED_SHOP_IDS.notReadyUs, "Not Ready Crafts");
    app = embeddedClient(h.app.url, h.shopify);
  }, 120_000);

  afterAll(async () => {
    await h?.close();
  }, 30_000);

  it("GIVEN Acme (ready) is the catalog shop THEN every check passes and both stocked locations go to Acme's default warehouse", async () => {
    const data = await load();
    expect(data.catalogShopId).toBe(SEED_SHOP_IDS.readyUs);
    expect(status(data)).toEqual({
      "policies.shipping_mapping": "done", "policies.return_warehouse": "done", "policies.shipping_template": "done",
      "policies.delivery": "done", "policies.return_policy": "done", "payments.payout": "done",
    });
    expect(data.rows.map((r) => [r.location.name, r.location.hasStock, r.warehouseId])).toEqual([
      ["Brooklyn Warehouse", true, "7068517275539719942"],
      ["Los Angeles Fulfillment", true, "7068517275539719942"],
    ]);
    expect(data.refundPolicy?.days).toBe(30);
    expect(data.returnRule?.returnWindowDays).toBe(30);
    expect(data.items.find((i) => i.id === "policies.delivery")!.detail).toMatch(/Shopify: Standard 4.99 USD, Express 14.99 USD\. TikTok: Standard shipping, Shipped by seller\./);
  });

  it("GIVEN Not Ready Crafts is chosen THEN the return warehouse, shipping template and bank account are flagged with TikTok's codes and what to do", async () => {
    const chosen = await app.act("/app/shipping", ROUTE, { intent: "choose-catalog-shop", tiktokShopId: SEED_SHOP_IDS.notReadyUs });
    expect(chosen).toMatchObject({ ok: true, message: expect.stringContaining("Not Ready Crafts (US)") });
    const data = await load();
    expect(data.catalogShopId).toBe(SEED_SHOP_IDS.notReadyUs);
    const item = (id: string) => data.items.find((i) => i.id === id)!;

    expect(item("policies.return_warehouse")).toMatchObject({ status: "blocked", detail: expect.stringContaining("TikTok error 12052535"), action: { url: "https://seller-us.tiktok.com", external: true } });
    expect(item("policies.return_warehouse").nextStep).toMatch(/add a return warehouse/i);
    expect(item("policies.shipping_template")).toMatchObject({ status: "blocked", detail: expect.stringContaining("TikTok error 12052402") });
    expect(item("policies.shipping_template").nextStep).toMatch(/Create a shipping template/);
    expect(item("payments.payout")).toMatchObject({ status: "blocked", detail: expect.stringContaining("No bank account is linked for payouts") });
    expect(item("payments.payout").nextStep).toMatch(/Finance → Bank account/);
    // What Not Ready Crafts does have is judged as such: its one sales warehouse takes both locations.
    expect(item("policies.shipping_mapping").status).toBe("done");
    expect(data.rows.every((r) => r.warehouseId === "7068517275539719970")).toBe(true);
  });

  it("saves the location → warehouse choice into the inventory rules, checked against TikTok's warehouses", async () => {
    await app.act("/app/shipping", ROUTE, { intent: "choose-catalog-shop", tiktokShopId: SEED_SHOP_IDS.readyUs });
    const [brooklyn, la] = (await load()).rows;
    const refused = await app.act("/app/shipping", ROUTE, { intent: "save-mapping", [`warehouse:${brooklyn!.location.id}`]: "7068517275539719943", [`warehouse:${la!.location.id}`]: "" });
    expect(refused).toMatchObject({ ok: false, message: expect.stringContaining("not an active sales warehouse") });

    const saved = await app.act("/app/shipping", ROUTE, { intent: "save-mapping", [`warehouse:${brooklyn!.location.id}`]: "7068517275539719942", [`warehouse:${la!.location.id}`]: "" });
    expect(saved).toMatchObject({ ok: true });
    const document = JSON.parse((await h.db.storeSettings.findUniqueOrThrow({ where: { shop: h.shop } })).document);
    expect(document.inventory).toMatchObject({ locationWarehouses: [{ locationId: brooklyn!.location.id, warehouseId: "7068517275539719942" }], defaultWarehouseId: "7068517275539719942", mode: "sum" });

    // Los Angeles has stock but now sends none: the page says so.
    const data = await load();
    expect(data.rows.find((r) => r.location.name === "Los Angeles Fulfillment")).toMatchObject({ warehouseId: null, problem: "stock_not_sent" });
    expect(data.items.find((i) => i.id === "policies.shipping_mapping")).toMatchObject({ status: "action_needed", detail: expect.stringContaining("Los Angeles Fulfillment has stock but is not linked") });
  });
});
