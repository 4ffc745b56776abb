// The products page's filters, parsed from the URL (so a filtered view can be linked and reloaded).
import { z } from "zod";

export const SYNC_STATES = ["not_synced", "queued", "syncing", "live", "in_review", "rejected", "error", "deactivated"] as const;
export type SyncState = (typeof SYNC_STATES)[number];

export const catalogFilterSchema = z.object({
  query: z.string().trim().max(200).default(""),
  status: z.array(z.enum(["ACTIVE", "DRAFT", "ARCHIVED"])).default([]),
  vendor: z.string().trim().default(""),
  productType: z.string().trim().default(""),
  tag: z.string().trim().default(""),
  collection: z.string().trim().default(""),
  syncState: z.array(z.enum(SYNC_STATES)).default([]),
});
export type CatalogFilter = z.infer<typeof catalogFilterSchema>;

export function catalogFilterFromSearchParams(params: URLSearchParams): CatalogFilter {
  const list = (key: string) => params.get(key)?.split(",").map((s) => s.trim()).filter(Boolean) ?? [];
  const parsed = catalogFilterSchema.safeParse({
    query: params.get("query") ?? "",
    status: list("status"),
    vendor: params.get("vendor") ?? "",
    productType: params.get("productType") ?? "",
    tag: params.get("tag") ?? "",
    collection: params.get("collection") ?? "",
    syncState: list("syncState"),
  });
  // An unknown value in a hand-edited URL shows the unfiltered list rather than an error page.
  return parsed.success ? parsed.data : catalogFilterSchema.parse({});
}

/** Index-friendly encodings of list fields: "|a|b|" so one tag matches exactly with LIKE '%|tag|%'. */
export const encodeList = (values: readonly string[]) => (values.length ? `|${values.join("|")}|` : "");
export const decodeList = (encoded: string) => encoded.split("|").filter(Boolean);
