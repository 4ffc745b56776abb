import { readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "smol-toml";
import { describe, expect, it } from "vitest";
import {
  normalizeTopic,
  SHOPIFY_COMPLIANCE_TOPICS,
  SHOPIFY_WEBHOOK_TOPICS,
  topicsForPath,
} from "../../../app/modules/webhooks/shopify-webhook-topics";

interface Subscription { topics?: string[]; compliance_topics?: string[]; uri: string }
const toml = parse(readFileSync(path.resolve("shopify.app.toml"), "utf8")) as unknown as {
  webhooks: { api_version: string; subscriptions: Subscription[] };
  embedded: boolean;
  access_scopes: { scopes: string };
};

describe("shopify.app.toml webhook subscriptions", () => {
  it("uses API version 2026-10 and is embedded", () => {
    expect(toml.webhooks.api_version).toBe("2026-10");
    expect(toml.embedded).toBe(true);
  });

  it("subscribes to exactly the topics the app handles, each at the path that accepts it", () => {
    const subscribed = toml.webhooks.subscriptions.flatMap((s) => (s.topics ?? []).map((t) => ({ topic: t, uri: s.uri })));
    expect(subscribed.map((s) => s.topic).sort()).toEqual([...SHOPIFY_WEBHOOK_TOPICS].sort());
    for (const { topic, uri } of subscribed) expect(topicsForPath(uri.replace(/^\/webhooks\//, ""))).toContain(topic);
  });

  it("declares the three compliance topics on /webhooks/compliance", () => {
    const compliance = toml.webhooks.subscriptions.filter((s) => s.compliance_topics);
    expect(compliance).toHaveLength(1);
    expect(compliance[0]!.uri).toBe("/webhooks/compliance");
    expect([...compliance[0]!.compliance_topics!].sort()).toEqual([...SHOPIFY_COMPLIANCE_TOPICS].sort());
  });

  it("normalizes Shopify's enum topic form", () => {
    expect(normalizeTopic("PRODUCTS_UPDATE")).toBe("products/update");
    expect(normalizeTopic("INVENTORY_LEVELS_UPDATE")).toBe("inventory_levels/update");
    expect(normalizeTopic("app/scopes_update")).toBe("app/scopes_update");
    expect(topicsForPath("carts/create")).toEqual([]);
  });
});
