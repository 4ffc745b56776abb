// Shopify's libraries build Admin URLs as https://{shop}/admin/…, with no host override. To run the same
// code against the sandbox we send those requests to a configured origin, keeping path, query and body.
// The sandbox identifies the shop by the access token (or the id_token's `dest`), as Shopify itself does.
type Fetch = typeof globalThis.fetch;

export function adminRequestUrl(url: string, adminOrigin: string | undefined): string {
  if (!adminOrigin) return url;
  const parsed = new URL(url);
  if (!parsed.pathname.startsWith("/admin")) return url;
  const target = new URL(adminOrigin);
  return `${target.origin}${parsed.pathname}${parsed.search}`;
}

export function createAdminOriginFetch(adminOrigin: string | undefined, baseFetch: () => Fetch = () => globalThis.fetch): Fetch {
  return (input, init) => {
    // Resolve fetch at call time: tests install their network guard after this module loads.
    const fetchImpl = baseFetch();
    if (!adminOrigin) return fetchImpl(input, init);
    if (typeof input === "string" || input instanceof URL) return fetchImpl(adminRequestUrl(String(input), adminOrigin), init);
    return fetchImpl(new Request(adminRequestUrl(input.url, adminOrigin), input), init);
  };
}
