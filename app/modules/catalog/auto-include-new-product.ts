// Use case: a product Shopify announced (created, or updated while still new) is chosen for TikTok when an
// auto-include rule matches it and nobody has decided about it yet.
import type { JobQueue } from "../../jobs/job-queue";
import { matchingAutoIncludeRule, NEW_PRODUCT_WINDOW_MS, rulesNeedCollections, describeRule, type AutoIncludeCandidate, type AutoIncludeRule } from "./auto-include";
import { selectProducts } from "./select-products";
import type { SyncStateRepository } from "./sync-state-repository";

export interface AutoIncludeDeps {
  state: SyncStateRepository;
  queue: JobQueue;
  rulesFor: (shop: string) => Promise<AutoIncludeRule[]>;
  collectionsOf: (shop: string, productId: string) => Promise<Array<{ handle: string; title: string }>>;
  now?: () => Date;
}

export interface NewProductFacts extends Omit<AutoIncludeCandidate, "collections"> {
  createdAt: Date;
}

/** Returns the rule that chose the product, or null. */
export async function autoIncludeNewProduct(deps: AutoIncludeDeps, shop: string, productId: string, facts: NewProductFacts): Promise<AutoIncludeRule | null> {
  const now = deps.now?.() ?? new Date();
  if (now.getTime() - facts.createdAt.getTime() > NEW_PRODUCT_WINDOW_MS) return null;
  const rules = await deps.rulesFor(shop);
  if (rules.length === 0) return null;
  if (await deps.state.get(shop, productId)) return null; // chosen or unchosen before: the merchant's decision stands
  const candidate: AutoIncludeCandidate = rulesNeedCollections(rules) ? { ...facts, collections: await deps.collectionsOf(shop, productId) } : facts;
  const rule = matchingAutoIncludeRule(rules, candidate);
  if (!rule) return null;
  await selectProducts(deps, shop, [productId], true, `rule:${describeRule(rule)}`);
  return rule;
}
