// Delivers webhooks to the app's subscribed URIs as Shopify does: JSON body signed with the app secret
// (X-Shopify-Hmac-Sha256, base64), Shopify's headers, one webhook id per delivery kept on every retry,
// retries on non-2xx or timeout along a schedule, every attempt recorded. Knobs make it deliver twice
// or out of order, which Shopify also does now and then.
import { createHmac, randomUUID } from "node:crypto";

/** Shopify retries a failed delivery up to 8 times over about 4 hours. */
export const SHOPIFY_RETRY_SCHEDULE_MS = [60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_840_000, 7_680_000];

export interface DeliveryAttempt {
  at: string;
  status: number | null;
  error: string | null;
  durationMs: number;
  duplicate: boolean;
}

export interface WebhookDelivery {
  webhookId: string;
  eventId: string;
  topic: string;
  url: string;
  body: string;
  triggeredAt: string;
  state: "pending" | "delivered" | "retrying" | "failed";
  attempts: DeliveryAttempt[];
}

export interface WebhookKnobs {
  duplicate: boolean;
  reorder: boolean;
}

export interface WebhookEmitterOptions {
  appUrl: string;
  apiSecret: string;
  shopDomain: string;
  apiVersion: string;
  subscriptions: Map<string, string[]>;
  retryScheduleMs?: number[];
  timeoutMs?: number;
}

export function signWebhookBody(body: string, secret: string): string {
  return createHmac("sha256", secret).update(body, "utf8").digest("base64");
}

export class WebhookEmitter {
  readonly deliveries: WebhookDelivery[] = [];
  readonly knobs: WebhookKnobs = { duplicate: false, reorder: false };
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private reorderBuffer: WebhookDelivery[] = [];
  private closed = false;

  constructor(private readonly options: WebhookEmitterOptions) {}

  subscribedTopics(): string[] {
    return [...this.options.subscriptions.keys()];
  }

  /** Queues a delivery of the topic to every URI subscribed to it. */
  emit(topic: string, payload: unknown): WebhookDelivery[] {
    const uris = this.options.subscriptions.get(topic) ?? [];
    const body = JSON.stringify(payload);
    const eventId = randomUUID();
    const triggeredAt = new Date().toISOString();
    const created = uris.map((uri) => {
      const delivery: WebhookDelivery = {
        webhookId: randomUUID(),
        eventId,
        topic,
        url: new URL(uri, this.options.appUrl.endsWith("/") ? this.options.appUrl : `${this.options.appUrl}/`).toString(),
        body,
        triggeredAt,
        state: "pending",
        attempts: [],
      };
      this.deliveries.push(delivery);
      return delivery;
    });
    if (this.knobs.reorder) {
      this.reorderBuffer.push(...created);
      if (this.reorderBuffer.length === created.length) this.later(() => this.flushReordered(), 100);
    } else {
      for (const d of created) this.later(() => this.attempt(d, 0), 0);
    }
    return created;
  }

  private flushReordered(): void {
    const batch = this.reorderBuffer.reverse();
    this.reorderBuffer = [];
    for (const d of batch) this.later(() => this.attempt(d, 0), 0);
  }

  private later(fn: () => void | Promise<void>, ms: number): void {
    if (this.closed) return;
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      const run = Promise.resolve(fn()).finally(() => this.inFlight.delete(run));
      this.inFlight.add(run);
    }, ms);
    this.timers.add(timer);
  }

  private async send(d: WebhookDelivery, duplicate: boolean): Promise<boolean> {
    const started = Date.now();
    const controller = new AbortController();
    const timeout = setTimeout(() => controller.abort(), this.options.timeoutMs ?? 5000);
    const attempt: DeliveryAttempt = { at: new Date().toISOString(), status: null, error: null, durationMs: 0, duplicate };
    try {
      const response = await globalThis.fetch(d.url, {
        method: "POST",
        body: d.body,
        signal: controller.signal,
        headers: {
          "Content-Type": "application/json",
          "X-Shopify-Topic": d.topic,
          "X-Shopify-Hmac-Sha256": signWebhookBody(d.body, this.options.apiSecret),
          "X-Shopify-Shop-Domain": this.options.shopDomain,
          "X-Shopify-API-Version": this.options.apiVersion,
          "X-Shopify-Webhook-Id": d.webhookId,
          "X-Shopify-Triggered-At": d.triggeredAt,
          "X-Shopify-Event-Id": d.eventId,
        },
      });
      await response.arrayBuffer().catch(() => undefined);
      attempt.status = response.status;
      return response.ok;
    } catch (error) {
      attempt.error = controller.signal.aborted ? `Timed out after ${this.options.timeoutMs ?? 5000} ms` : (error as Error).message;
      return false;
    } finally {
      clearTimeout(timeout);
      attempt.durationMs = Date.now() - started;
      d.attempts.push(attempt);
    }
  }

  private async attempt(d: WebhookDelivery, retryIndex: number): Promise<void> {
    const ok = await this.send(d, false);
    if (ok) {
      d.state = "delivered";
      if (this.knobs.duplicate) this.later(() => this.send(d, true).then(() => undefined), 10);
      return;
    }
    const schedule = this.options.retryScheduleMs ?? SHOPIFY_RETRY_SCHEDULE_MS;
    if (retryIndex >= schedule.length) {
      d.state = "failed";
      return;
    }
    d.state = "retrying";
    this.later(() => this.attempt(d, retryIndex + 1), schedule[retryIndex]!);
  }

  /** Resolves when nothing is queued or in flight (tests). */
  async idle(): Promise<void> {
    while (this.timers.size || this.inFlight.size) await new Promise((r) => setTimeout(r, 20));
  }

  close(): void {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
  }
}
