// The app's shopify.app.toml: its handle, scopes and webhook subscriptions (topic → URI relative to
// the app URL). The sandbox delivers to exactly these.
import { readFileSync } from "node:fs";
import { parse } from "smol-toml";
import { z } from "zod";

const AppToml = z.object({
  handle: z.string().default("app"),
  name: z.string().default("App"),
  access_scopes: z.object({ scopes: z.string().default("") }).default({ scopes: "" }),
  webhooks: z
    .object({
      api_version: z.string().optional(),
      subscriptions: z
        .array(z.object({ topics: z.array(z.string()).optional(), compliance_topics: z.array(z.string()).optional(), uri: z.string() }))
        .default([]),
    })
    .default({ subscriptions: [] }),
});

export interface AppConfig {
  handle: string;
  name: string;
  scopes: string[];
  /** topic → URIs (relative to the app URL, or absolute) */
  subscriptions: Map<string, string[]>;
}

export function readAppConfig(tomlPath: string): AppConfig {
  const toml = AppToml.parse(parse(readFileSync(tomlPath, "utf8")));
  const subscriptions = new Map<string, string[]>();
  for (const sub of toml.webhooks.subscriptions) {
    for (const topic of [...(sub.topics ?? []), ...(sub.compliance_topics ?? [])]) {
      subscriptions.set(topic, [...(subscriptions.get(topic) ?? []), sub.uri]);
    }
  }
  return {
    handle: toml.handle,
    name: toml.name,
    scopes: toml.access_scopes.scopes.split(",").map((s) => s.trim()).filter(Boolean),
    subscriptions,
  };
}
