// The admin shell: an admin-like page (top bar, left nav, toast area) that embeds the app in an iframe
// with the launch URL Shopify builds — embedded=1, host, id_token, locale, session, shop, timestamp and
// the hmac over them — and relays App Bridge messages (toasts, loading, nav, top-level navigation).
import { createHmac, randomBytes } from "node:crypto";

export function adminHost(shopDomain: string): string {
  const shopName = shopDomain.replace(/\.myshopify\.com$/, "");
  return Buffer.from(`admin.shopify.com/store/${shopName}`).toString("base64url");
}

/** Shopify's admin query HMAC: keys sorted, URL-encoded, HMAC-SHA256 hex with the app secret. */
export function signAdminQuery(params: Record<string, string>, apiSecret: string): string {
  const sorted = Object.entries(params)
    .filter(([k]) => k !== "hmac" && k !== "signature")
    .sort(([a], [b]) => a.localeCompare(b));
  return createHmac("sha256", apiSecret).update(new URLSearchParams(sorted).toString().replace(/\+/g, "%20")).digest("hex");
}

export function appLaunchUrl(options: { appUrl: string; appPath: string; shopDomain: string; apiSecret: string; idToken: string; now?: Date }): string {
  const params: Record<string, string> = {
    embedded: "1",
    host: adminHost(options.shopDomain),
    id_token: options.idToken,
    locale: "en",
    session: randomBytes(32).toString("hex"),
    shop: options.shopDomain,
    timestamp: String(Math.floor((options.now ?? new Date()).getTime() / 1000)),
  };
  const hmac = signAdminQuery(params, options.apiSecret);
  const query = new URLSearchParams({ ...params, hmac });
  return `${options.appUrl.replace(/\/$/, "")}${options.appPath}?${query.toString()}`;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);

export function adminShellHtml(options: { shopDomain: string; shopName: string; appName: string; appHandle: string; appOrigin: string; iframeSrc: string }): string {
  const shopSlug = options.shopDomain.replace(/\.myshopify\.com$/, "");
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${escapeHtml(options.appName)} · ${escapeHtml(options.shopName)} · Shopify admin (sandbox)</title>
<style>
  body { margin: 0; font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", sans-serif; background: #f1f1f1; height: 100vh; display: grid; grid-template-rows: 56px 1fr; grid-template-columns: 240px 1fr; }
  header { grid-column: 1 / 3; background: #1a1a1a; color: #fff; display: flex; align-items: center; gap: 16px; padding: 0 16px; }
  header .logo { font-weight: 700; color: #95bf47; }
  header .shop { margin-left: auto; font-size: 14px; opacity: .85; }
  header .loading { font-size: 12px; color: #ffd966; visibility: hidden; }
  header .loading.on { visibility: visible; }
  nav { background: #ebebeb; padding: 12px 8px; overflow: auto; border-right: 1px solid #ddd; }
  nav a { display: block; padding: 6px 10px; border-radius: 8px; color: #303030; text-decoration: none; font-size: 14px; }
  nav a:hover, nav a.active { background: #fff; }
  nav .app-title { font-weight: 600; padding: 10px 10px 4px; font-size: 13px; }
  nav .app-items a { padding-left: 22px; }
  main { position: relative; }
  iframe { border: 0; width: 100%; height: 100%; background: #fff; }
  #toasts { position: fixed; bottom: 24px; left: 50%; transform: translateX(-50%); display: flex; flex-direction: column; gap: 8px; z-index: 10; }
  .toast { background: #303030; color: #fff; padding: 10px 16px; border-radius: 8px; font-size: 14px; box-shadow: 0 4px 12px rgba(0,0,0,.2); }
  .toast.error { background: #8e1f0b; }
</style>
</head>
<body>
<header><span class="logo">shopify</span><span>admin · sandbox</span><span class="loading" id="loading">Loading…</span><span class="shop" data-testid="shop-domain">${escapeHtml(options.shopName)} · ${escapeHtml(options.shopDomain)}</span></header>
<nav>
  <a href="/sandbox">Products (sandbox)</a>
  <a href="/sandbox#deliveries">Webhook deliveries</a>
  <div class="app-title">Apps</div>
  <a href="/store/${escapeHtml(shopSlug)}/apps/${escapeHtml(options.appHandle)}" class="active">${escapeHtml(options.appName)}</a>
  <div class="app-items" id="app-nav" data-testid="app-nav"></div>
</nav>
<main><iframe id="app-iframe" name="app-iframe" title="${escapeHtml(options.appName)}" src="${escapeHtml(options.iframeSrc)}"></iframe></main>
<div id="toasts" data-testid="toasts" aria-live="polite"></div>
<script>
(() => {
  const appOrigin = ${JSON.stringify(options.appOrigin)};
  const shopSlug = ${JSON.stringify(shopSlug)};
  const frame = document.getElementById("app-iframe");
  const toasts = document.getElementById("toasts");
  const nav = document.getElementById("app-nav");
  function adminPath(url) {
    // https://admin.shopify.com/store/<shop>/… is this shell.
    try {
      const u = new URL(url, location.href);
      if (u.hostname === "admin.shopify.com") return u.pathname + u.search;
      return u.toString();
    } catch { return null; }
  }
  window.addEventListener("message", (event) => {
    if (event.origin !== appOrigin || event.source !== frame.contentWindow) return;
    const msg = event.data;
    if (!msg || msg.source !== "sandbox-app-bridge") return;
    if (msg.type === "toast") {
      const el = document.createElement("div");
      el.className = "toast" + (msg.isError ? " error" : "");
      el.setAttribute("data-testid", "toast");
      el.setAttribute("role", "status");
      el.textContent = String(msg.message);
      toasts.appendChild(el);
      setTimeout(() => el.remove(), Number(msg.duration) || 5000);
    } else if (msg.type === "loading") {
      document.getElementById("loading").classList.toggle("on", Boolean(msg.on));
    } else if (msg.type === "nav") {
      nav.replaceChildren(...(msg.items || []).map((item) => {
        const a = document.createElement("a");
        a.textContent = String(item.label);
        a.href = "#";
        a.setAttribute("data-href", String(item.href));
        a.addEventListener("click", (e) => {
          e.preventDefault();
          for (const other of nav.querySelectorAll("a")) other.classList.remove("active");
          a.classList.add("active");
          frame.contentWindow.postMessage({ source: "sandbox-admin", type: "navigate", href: item.href }, appOrigin);
        });
        return a;
      }));
    } else if (msg.type === "redirect") {
      const target = adminPath(msg.url);
      if (target) location.href = target;
    }
  });
})();
</script>
</body>
</html>`;
}
