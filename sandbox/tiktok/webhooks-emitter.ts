import type { Logger } from "pino";
import type { WebhookDelivery } from "./model";
import type { SimScheduler } from "./sim-scheduler";
import type { SeededRandom } from "./seeded-random";
import type { SandboxState } from "./sandbox-state";
import type { WebhookFaultSettings } from "./options";
import { computeWebhookSignature } from "./signature";

export const WEBHOOK_EVENT_TYPES: Record<number, string> = {
  1: "ORDER_STATUS_CHANGE",
  3: "RECIPIENT_ADDRESS_UPDATE",
  4: "PACKAGE_UPDATE",
  5: "PRODUCT_STATUS_CHANGE",
  6: "SELLER_DEAUTHORIZATION",
  7: "UPCOMING_AUTHORIZATION_EXPIRATION",
  11: "CANCELLATION_STATUS_CHANGE",
  12: "RETURN_STATUS_CHANGE",
  15: "PRODUCT_INFORMATION_CHANGE",
  16: "PRODUCT_CREATION",
  37: "PRODUCT_AUDIT_STATUS_CHANGE",
};

export interface WebhookEmitterDeps {
  appKey: string;
  appSecret: string;
  defaultUrl: () => string | undefined;
  state: () => SandboxState;
  scheduler: SimScheduler;
  nowMs: () => number;
  random: SeededRandom;
  nextNotificationId: () => string;
  retryScheduleMs: number[];
  faults: () => WebhookFaultSettings;
  logger: Logger;
}

/**
 * Pushes signed webhooks (§8): Authorization = hex HMAC_SHA256(app_secret, app_key + raw body). A delivery counts as
 * received on HTTP 200 or 401; anything else is retried on the schedule (simulator clock), then given up.
 */
export class WebhookEmitter {
  private readonly inFlight = new Set<Promise<void>>();
  private readonly realTimers = new Set<NodeJS.Timeout>();

  constructor(private readonly deps: WebhookEmitterDeps) {}

  emit(type: number, shopId: string, data: Record<string, unknown>): WebhookDelivery {
    const state = this.deps.state();
    const eventType = WEBHOOK_EVENT_TYPES[type] ?? String(type);
    const url = state.webhookSubscriptions.get(`${shopId}\u0000${eventType}`)?.address ?? this.deps.defaultUrl();
    const id = this.deps.nextNotificationId();
    const body = JSON.stringify({
      type,
      tts_notification_id: id,
      shop_id: shopId,
      timestamp: Math.floor(this.deps.nowMs() / 1000),
      data,
    });
    const delivery: WebhookDelivery = {
      tts_notification_id: id, type, shop_id: shopId, url: url ?? "", body, attempts: [], state: url ? "PENDING" : "NO_URL", duplicate: false,
    };
    state.webhooks.push(delivery);
    state.webhooksById.set(id, delivery);
    if (state.webhooks.length > 20_000) state.webhooks.splice(0, state.webhooks.length - 20_000);
    if (url) {
      const faults = this.deps.faults();
      this.sendLater(delivery, 0);
      if ((faults.duplicateRate ?? 0) > 0 && this.deps.random.next() < (faults.duplicateRate ?? 0)) {
        delivery.duplicate = true;
        this.sendLater(delivery, 0, true);
      }
    }
    return delivery;
  }

  /** Resolves when every delivery started so far has finished (tests and close()). */
  async drain(): Promise<void> {
    while (this.inFlight.size > 0 || this.realTimers.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      if (this.realTimers.size > 0) await new Promise((r) => setTimeout(r, 5));
    }
  }

  stop(): void {
    for (const timer of this.realTimers) clearTimeout(timer);
    this.realTimers.clear();
  }

  private sendLater(delivery: WebhookDelivery, attemptIndex: number, isDuplicate = false): void {
    const window = this.deps.faults().reorderWindowMs ?? 0;
    const delay = window > 0 ? Math.floor(this.deps.random.next() * window) : 0;
    const fire = () => {
      const p = this.send(delivery, attemptIndex, isDuplicate).finally(() => this.inFlight.delete(p));
      this.inFlight.add(p);
    };
    if (delay === 0) {
      fire();
      return;
    }
    const timer = setTimeout(() => {
      this.realTimers.delete(timer);
      fire();
    }, delay);
    this.realTimers.add(timer);
  }

  private async send(delivery: WebhookDelivery, attemptIndex: number, isDuplicate: boolean): Promise<void> {
    const signature = computeWebhookSignature(this.deps.appKey, this.deps.appSecret, delivery.body);
    let status: number | null = null;
    let error: string | null = null;
    try {
      const res = await fetch(delivery.url, {
        method: "POST",
        headers: { "content-type": "application/json", authorization: signature },
        body: delivery.body,
        signal: AbortSignal.timeout(3000),
      });
      status = res.status;
      await res.arrayBuffer().catch(() => undefined);
    } catch (err) {
      error = err instanceof Error ? err.message : String(err);
    }
    delivery.attempts.push({ at: Math.floor(this.deps.nowMs() / 1000), status, error });
    if (isDuplicate) return;
    if (status === 200 || status === 401) {
      delivery.state = "DELIVERED";
      return;
    }
    const retryDelay = this.deps.retryScheduleMs[attemptIndex];
    if (retryDelay === undefined) {
      delivery.state = "GAVE_UP";
      this.deps.logger.warn({ type: delivery.type, id: delivery.tts_notification_id }, "webhook gave up after retries");
      return;
    }
    this.deps.scheduler.after(retryDelay, () => {
      if (delivery.state === "PENDING") this.sendLater(delivery, attemptIndex + 1);
    });
  }
}
