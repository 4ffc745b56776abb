/**
 * Contract §1.1: these endpoints must NOT carry `shop_cipher` (TikTok answers 36009004 "Unexpected identifier").
 * Endpoint definitions also declare `shopScoped`; this list is a second guard so a wrong declaration fails here,
 * loudly, instead of at TikTok.
 */
const CIPHER_FORBIDDEN: ReadonlyArray<{ method?: string; pattern: RegExp }> = [
  { method: "GET", pattern: /^\/authorization\/\d{6}\/shops$/ },
  { method: "GET", pattern: /^\/seller\/\d{6}\/shops$/ },
  { method: "GET", pattern: /^\/seller\/\d{6}\/permissions$/ },
  { pattern: /^\/product\/\d{6}\/images\/upload$/ },
  { pattern: /^\/product\/\d{6}\/files\/upload$/ },
  { method: "POST", pattern: /^\/product\/\d{6}\/brands$/ },
  { pattern: /\/global_products(\/|$)/ },
  { pattern: /\/global_categories(\/|$)/ },
  { pattern: /^\/product\/\d{6}\/categories\/[^/]+\/global_/ },
  { pattern: /^\/product\/\d{6}\/compliance\// },
  { method: "GET", pattern: /^\/logistics\/\d{6}\/global_warehouses$/ },
];

export function isShopCipherForbidden(method: string, path: string): boolean {
  return CIPHER_FORBIDDEN.some((rule) => (rule.method === undefined || rule.method === method) && rule.pattern.test(path));
}
