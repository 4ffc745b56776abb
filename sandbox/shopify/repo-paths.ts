// Paths the sandbox reads by default, relative to the repository (this file lives in sandbox/shopify).
import path from "node:path";

export const repoRoot = path.resolve(import.meta.dirname, "..", "..");
export const defaultAppTomlPath = path.join(repoRoot, "shopify.app.toml");
export const defaultSeedCsvDir = path.resolve(repoRoot, "..", "shared", "data", "shopify-product-csvs");
