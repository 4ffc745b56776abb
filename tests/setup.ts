// This machine is offline, and tests must never reach a real service by accident: any fetch to a host
// other than localhost fails loudly. Installed before app modules load, because Shopify's node adapter
// captures globalThis.fetch when it is imported.
const realFetch = globalThis.fetch;
const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

globalThis.fetch = async (input: Parameters<typeof fetch>[0], init?: RequestInit) => {
  const url = new URL(typeof input === "string" || input instanceof URL ? String(input) : input.url);
  if (!LOCAL_HOSTS.has(url.hostname)) {
    throw new Error(`Test tried to reach ${url.origin}: tests may only talk to local servers (sandboxes).`);
  }
  return realFetch(input, init);
};
