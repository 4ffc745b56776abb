import pino, { type Logger } from "pino";
import { FinanceLedger } from "./finance-ledger";
import { runDueStatements } from "./finance-settlement";
import { IdFactory } from "./id-factory";
import type { Seller, Shop, TokenRecord } from "./model";
import { DEFAULT_RETRY_SCHEDULE_MS, type FaultSettings, type TikTokSandboxOptions, type WebhookFaultSettings } from "./options";
import { RateLimiter } from "./rate-limiter";
import { RequestLog } from "./request-log";
import { financeSettings } from "./settlement-settings";
import { SandboxState } from "./sandbox-state";
import { SeededRandom } from "./seeded-random";
import { SimScheduler } from "./sim-scheduler";
import { WebhookEmitter } from "./webhooks-emitter";

export const ACCESS_TOKEN_TTL_S = 7 * 86_400;
export const AUTHORIZATION_TTL_S = 365 * 86_400;
export const AUTH_CODE_TTL_S = 30 * 60;

/** The running simulator: options, clock, state and the machinery every route handler uses. */
export class Simulator {
  state: SandboxState;
  /** Statements, payments and adjustments of the Finance API (finance-settlement.ts). */
  finance: FinanceLedger;
  ids: IdFactory;
  random: SeededRandom;
  readonly scheduler: SimScheduler;
  readonly webhooks: WebhookEmitter;
  readonly limiter: RateLimiter;
  readonly requestLog: RequestLog;
  readonly logger: Logger;
  faults: FaultSettings;
  webhookFaults: WebhookFaultSettings;
  webhookUrl: string | undefined;
  baseUrl = "";
  private clockOffsetMs = 0;

  constructor(readonly options: TikTokSandboxOptions) {
    this.logger = pino({ name: "tiktok-sandbox", level: options.logLevel ?? (process.env.VITEST ? "silent" : "info") });
    this.random = new SeededRandom(options.seed ?? 20240601);
    this.ids = new IdFactory(1_000);
    this.state = new SandboxState(this.nowSeconds());
    this.finance = new FinanceLedger(this.nowSeconds(), financeSettings(this.options.finance));
    this.scheduler = new SimScheduler(() => this.nowMs());
    this.limiter = new RateLimiter(options.rateLimitQps ?? 50);
    this.requestLog = new RequestLog(options.requestLogLimit ?? 50_000);
    this.faults = { ...(options.faults ?? {}) };
    this.webhookFaults = { ...(options.webhookFaults ?? {}) };
    this.webhookUrl = options.webhookUrl;
    this.webhooks = new WebhookEmitter({
      appKey: options.appKey,
      appSecret: options.appSecret,
      defaultUrl: () => this.webhookUrl,
      state: () => this.state,
      scheduler: this.scheduler,
      nowMs: () => this.nowMs(),
      random: this.random,
      nextNotificationId: () => this.ids.next("notification"),
      retryScheduleMs: options.webhookRetryScheduleMs ?? DEFAULT_RETRY_SCHEDULE_MS,
      faults: () => this.webhookFaults,
      logger: this.logger,
    });
  }

  nowMs(): number {
    return (this.options.now ? this.options.now() : Date.now()) + this.clockOffsetMs;
  }

  nowSeconds(): number {
    return Math.floor(this.nowMs() / 1000);
  }

  advanceClock(seconds: number): void {
    this.clockOffsetMs += seconds * 1000;
    this.tick();
  }

  /** Runs due scheduled work and time-based checks (authorization expiry notices, daily statements). */
  tick(): void {
    this.scheduler.runDue((err) => this.logger.error({ err }, "scheduled task failed"));
    this.checkAuthorizationExpiry();
    runDueStatements(this);
  }

  /** request_id = YYYYMMDDhhmmss (UTC, sim clock) + random hex, like TikTok's. */
  requestId(): string {
    const d = new Date(this.nowMs());
    const p = (n: number) => String(n).padStart(2, "0");
    return `${d.getUTCFullYear()}${p(d.getUTCMonth() + 1)}${p(d.getUTCDate())}${p(d.getUTCHours())}${p(d.getUTCMinutes())}${p(d.getUTCSeconds())}` + this.random.hex(20).toUpperCase();
  }

  reset(): void {
    this.scheduler.clear();
    this.webhooks.stop();
    this.limiter.reset();
    this.requestLog.clear();
    this.ids = new IdFactory(1_000);
    this.random = new SeededRandom(this.options.seed ?? 20240601);
    this.state = new SandboxState(this.nowSeconds());
    this.finance = new FinanceLedger(this.nowSeconds(), financeSettings(this.options.finance));
    this.faults = { ...(this.options.faults ?? {}) };
    this.webhookFaults = { ...(this.options.webhookFaults ?? {}) };
  }

  shopOrThrow(shopId: string): Shop {
    const shop = this.state.shops.get(shopId);
    if (!shop) throw new Error(`unknown shop ${shopId}`);
    return shop;
  }

  sellerOf(shop: Shop): Seller {
    const seller = this.state.sellers.get(shop.sellerOpenId);
    if (!seller) throw new Error(`shop ${shop.id} has no seller`);
    return seller;
  }

  /** Starts (or renews) the seller's authorization and issues a fresh token pair. */
  issueTokens(sellerOpenId: string, renewAuthorization: boolean): { access: TokenRecord; refresh: TokenRecord } {
    const now = this.nowSeconds();
    let auth = this.state.authorizations.get(sellerOpenId);
    if (!auth || auth.revoked || renewAuthorization || auth.expiresAt <= now) {
      auth = { sellerOpenId, expiresAt: now + AUTHORIZATION_TTL_S, revoked: false, lastExpiringNoticeDay: null };
      this.state.authorizations.set(sellerOpenId, auth);
    }
    const access: TokenRecord = { token: `TTP_${this.random.token(40)}`, sellerOpenId, expiresAt: now + ACCESS_TOKEN_TTL_S, revoked: false, rotated: false };
    const refresh: TokenRecord = { token: `TTP_${this.random.token(44)}`, sellerOpenId, expiresAt: auth.expiresAt, revoked: false, rotated: false };
    this.state.accessTokens.set(access.token, access);
    this.state.refreshTokens.set(refresh.token, refresh);
    return { access, refresh };
  }

  /** Seller deauthorization: every token stops working (105001) and each shop gets webhook type 6. */
  deauthorize(sellerOpenId: string): void {
    const auth = this.state.authorizations.get(sellerOpenId);
    if (auth) auth.revoked = true;
    for (const t of this.state.accessTokens.values()) if (t.sellerOpenId === sellerOpenId) t.revoked = true;
    for (const t of this.state.refreshTokens.values()) if (t.sellerOpenId === sellerOpenId) t.revoked = true;
    const seller = this.state.sellers.get(sellerOpenId);
    for (const shopId of seller?.shopIds ?? []) this.webhooks.emit(6, shopId, { message: "Shop is deauthorized" });
  }

  /** Type 7 fires once the clock passes 30 days before the authorization end, then once per (UTC) day. */
  emitAuthorizationExpiring(sellerOpenId: string): number {
    const auth = this.state.authorizations.get(sellerOpenId);
    const seller = this.state.sellers.get(sellerOpenId);
    if (!auth || !seller) return 0;
    auth.lastExpiringNoticeDay = Math.floor(this.nowSeconds() / 86_400);
    for (const shopId of seller.shopIds) {
      this.webhooks.emit(7, shopId, {
        message: "The authorization of your app will expire soon. Please ask the seller to re-authorize.",
        expiration_time: String(auth.expiresAt),
      });
    }
    return seller.shopIds.length;
  }

  private checkAuthorizationExpiry(): void {
    const now = this.nowSeconds();
    const today = Math.floor(now / 86_400);
    for (const auth of this.state.authorizations.values()) {
      if (auth.revoked || now >= auth.expiresAt) continue;
      if (now < auth.expiresAt - 30 * 86_400) continue;
      if (auth.lastExpiringNoticeDay === today) continue;
      this.emitAuthorizationExpiring(auth.sellerOpenId);
    }
  }
}
