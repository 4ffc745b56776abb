// The App Bridge stand-in served at /app-bridge.js (Shopify's CDN is unreachable here). It gives the
// embedded app what the real App Bridge gives it: window.shopify (config, idToken, toast, loading,
// modal), Authorization: Bearer <id token> on same-origin fetches with Shopify's reauthorize/retry
// headers honoured, the session-token bounce (shopify-reload), top-level redirects, and the app nav.
export function appBridgeScript(options: { sandboxOrigin: string }): string {
  return `/* Shopify sandbox App Bridge stand-in */
(() => {
  if (window.shopify && window.shopify.__sandbox) return;
  const SANDBOX = ${JSON.stringify(options.sandboxOrigin)};
  const script = document.currentScript;
  const params = new URLSearchParams(location.search);
  const meta = document.querySelector('meta[name="shopify-api-key"]');
  const apiKey = (script && script.getAttribute("data-api-key")) || (meta && meta.getAttribute("content")) || "";
  const shop = params.get("shop") || sessionStorage.getItem("sandbox-app-bridge:shop") || "";
  const host = params.get("host") || sessionStorage.getItem("sandbox-app-bridge:host") || "";
  if (shop) sessionStorage.setItem("sandbox-app-bridge:shop", shop);
  if (host) sessionStorage.setItem("sandbox-app-bridge:host", host);
  const inFrame = window.top !== window;
  const realFetch = window.fetch.bind(window);

  function post(message) {
    const payload = Object.assign({ source: "sandbox-app-bridge" }, message);
    if (inFrame) window.parent.postMessage(payload, "*");
    return payload;
  }

  async function idToken() {
    const url = SANDBOX + "/admin/session-token?shop=" + encodeURIComponent(shop) + "&api_key=" + encodeURIComponent(apiKey);
    const response = await realFetch(url, { credentials: "omit" });
    if (!response.ok) throw new Error("App Bridge (sandbox): could not get a session token (" + response.status + ")");
    const body = await response.json();
    return body.token;
  }

  function showToastInPage(message, isError) {
    let area = document.getElementById("sandbox-app-bridge-toasts");
    if (!area) {
      area = document.createElement("div");
      area.id = "sandbox-app-bridge-toasts";
      area.style.cssText = "position:fixed;bottom:16px;left:50%;transform:translateX(-50%);z-index:99999;display:flex;flex-direction:column;gap:6px";
      document.body.appendChild(area);
    }
    const el = document.createElement("div");
    el.setAttribute("data-testid", "toast");
    el.textContent = message;
    el.style.cssText = "padding:8px 14px;border-radius:8px;color:#fff;background:" + (isError ? "#8e1f0b" : "#303030");
    area.appendChild(el);
    setTimeout(() => el.remove(), 5000);
  }

  function redirectTop(url) {
    const target = new URL(url, location.href);
    if (inFrame) post({ type: "redirect", url: target.toString() });
    else location.assign(target.toString());
  }

  const realOpen = window.open.bind(window);
  window.open = function (url, target, features) {
    if (target === "_top" || target === "_parent") { redirectTop(String(url)); return null; }
    if (target === "_self") { location.assign(String(url)); return null; }
    return realOpen(url, target, features);
  };

  window.fetch = async function (input, init) {
    const request = new Request(input, init);
    const sameOrigin = new URL(request.url, location.href).origin === location.origin;
    if (!sameOrigin) return realFetch(input, init);
    const withToken = async () => {
      const headers = new Headers(request.headers);
      if (!headers.has("Authorization")) headers.set("Authorization", "Bearer " + (await idToken()));
      return realFetch(new Request(request.clone(), { headers }));
    };
    let response = await withToken();
    if (response.status === 401 && response.headers.get("X-Shopify-Retry-Invalid-Session-Request") === "1") {
      response = await withToken();
    }
    const reauthorize = response.headers.get("X-Shopify-API-Request-Failure-Reauthorize-Url");
    if (response.status === 401 && reauthorize) redirectTop(reauthorize);
    return response;
  };

  // Real App Bridge lifts the nav into the admin; its elements never render inside the app.
  const hideNav = document.createElement("style");
  hideNav.textContent = "ui-nav-menu, s-app-nav { display: none !important; }";
  (document.head || document.documentElement).appendChild(hideNav);

  let lastNav = "";
  function readNav() {
    const menu = document.querySelector("s-app-nav, ui-nav-menu");
    if (!menu) return;
    const items = [...menu.querySelectorAll("a[href], s-link[href]")]
      .filter((a) => a.getAttribute("rel") !== "home")
      .map((a) => ({ label: (a.textContent || "").trim(), href: a.getAttribute("href") }));
    const serialized = JSON.stringify(items);
    if (serialized === lastNav) return;
    lastNav = serialized;
    post({ type: "nav", items });
  }

  window.addEventListener("message", (event) => {
    if (event.source !== window.parent || !event.data || event.data.source !== "sandbox-admin") return;
    if (event.data.type === "navigate") {
      const href = String(event.data.href);
      const link = [...document.querySelectorAll("s-app-nav a[href], s-app-nav s-link[href], ui-nav-menu a[href]")].find((a) => a.getAttribute("href") === href);
      const target = link || Object.assign(document.createElement("a"), { href });
      if (!link) { target.style.display = "none"; document.body.appendChild(target); }
      // Remix's AppProvider listens for shopify:navigate and routes to the element's href.
      target.dispatchEvent(new CustomEvent("shopify:navigate", { bubbles: true, composed: true }));
      if (!link) target.remove();
    }
  });

  const modals = {
    show(id) { const el = document.getElementById(id); if (el) { el.style.display = "block"; el.setAttribute("open", ""); } return Promise.resolve(); },
    hide(id) { const el = document.getElementById(id); if (el) { el.style.display = "none"; el.removeAttribute("open"); } return Promise.resolve(); },
    toggle(id) { const el = document.getElementById(id); return el && el.hasAttribute("open") ? modals.hide(id) : modals.show(id); },
  };

  window.shopify = {
    __sandbox: true,
    config: { apiKey, shop, host, locale: params.get("locale") || "en" },
    origin: SANDBOX,
    idToken,
    toast: {
      show(message, opts) {
        const isError = Boolean(opts && opts.isError);
        if (inFrame) post({ type: "toast", message: String(message), isError, duration: opts && opts.duration });
        else showToastInPage(String(message), isError);
        return "toast-" + Date.now();
      },
      hide() {},
    },
    loading(on) { post({ type: "loading", on: on !== false }); },
    modal: modals,
    environment: { embedded: inFrame, mobile: false, pos: false },
  };

  // The session-token bounce page: get a fresh id token and go back to the page with it.
  const reload = params.get("shopify-reload");
  if (reload) {
    const target = new URL(reload, location.href);
    if (target.origin === location.origin) {
      idToken().then((token) => {
        target.searchParams.set("id_token", token);
        location.replace(target.toString());
      });
    }
  }

  const startNav = () => {
    readNav();
    new MutationObserver(readNav).observe(document.body, { childList: true, subtree: true });
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", startNav);
  else startNav();
})();
`;
}
