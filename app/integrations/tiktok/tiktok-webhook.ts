import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { describeZodIssues } from "./tiktok-envelope";
import { parseTikTokJson, withoutNulls } from "./tiktok-json";
import { tiktokId, unixSeconds } from "./types/tiktok-primitives";

/**
 * Checks TikTok's webhook `Authorization` header: lowercase hex HMAC-SHA256(key = app secret,
 * message = app key + raw body) (contract §8.1). Verify the raw bytes before any JSON parsing.
 */
export function verifyTikTokWebhookSignature(
  rawBody: string | Uint8Array,
  authorizationHeader: string | null | undefined,
  appKey: string,
  appSecret: string,
): boolean {
  if (!authorizationHeader) return false;
  const given = authorizationHeader.trim().toLowerCase();
  if (!/^[0-9a-f]{64}$/.test(given)) return false;
  const body = typeof rawBody === "string" ? Buffer.from(rawBody, "utf8") : Buffer.from(rawBody);
  const expected = createHmac("sha256", appSecret).update(Buffer.concat([Buffer.from(appKey, "utf8"), body])).digest();
  return timingSafeEqual(Buffer.from(given, "hex"), expected);
}

// ── Topic payloads (contract §8.3). Lenient on extra fields; strict on what we act on. ────────────────────

const orderStatusChange = z.looseObject({
  order_id: tiktokId,
  // The webhook doc says CANCEL; the order API says CANCELLED. Both are accepted and kept as sent.
  order_status: z.string(),
  is_on_hold_order: z.boolean().optional(),
  update_time: unixSeconds,
});
const recipientAddressUpdate = z.looseObject({ order_id: tiktokId, update_time: unixSeconds });
const packageUpdate = z.looseObject({
  sc_type: z.string().optional(),
  role_type: z.string().optional(),
  package_list: z.array(z.looseObject({ package_id: tiktokId, order_id_list: z.array(tiktokId).default([]) })).default([]),
  update_time: unixSeconds,
});
const productStatusChange = z.looseObject({
  product_id: tiktokId,
  status: z.string(),
  suspended_reason: z.string().optional(),
  update_time: unixSeconds,
});
const sellerDeauthorization = z.looseObject({ message: z.string().optional() });
const upcomingAuthorizationExpiration = z.looseObject({ message: z.string().optional(), expiration_time: unixSeconds });
const cancellationStatusChange = z.looseObject({
  order_id: tiktokId,
  cancellations_role: z.string().optional(),
  cancel_status: z.string(),
  cancel_id: tiktokId,
  create_time: unixSeconds.optional(),
});
const returnStatusChange = z.looseObject({
  order_id: tiktokId,
  return_role: z.string().optional(),
  return_type: z.string().optional(),
  return_status: z.string(),
  return_id: tiktokId,
  create_time: unixSeconds.optional(),
  update_time: unixSeconds.optional(),
});
const productInformationChange = z.looseObject({
  product_id: tiktokId,
  change_source: z.string().optional(),
  changed_fields: z.array(z.string()).default([]),
  update_time: unixSeconds,
});
const productCreation = z.looseObject({ product_id: tiktokId, product_type: z.array(z.string()).optional(), update_time: unixSeconds });
const productCategoryChange = z.looseObject({
  product_id: tiktokId,
  previous_category_id: tiktokId.optional(),
  current_category_id: tiktokId,
  update_time: unixSeconds,
});
const inventoryStatusChange = z.looseObject({
  product_id: tiktokId,
  sku_id: tiktokId,
  current_inventory_status: z.string(),
  trigger_reason: z.looseObject({}).optional(),
  inventory_distribution: z.looseObject({}).optional(),
});
const productAuditStatusChange = z.looseObject({
  product_id: tiktokId,
  audit: z.looseObject({ status: z.string(), pre_approved_reasons: z.array(z.string()).optional() }),
  integrated_platform_statuses: z.unknown().optional(),
  update_time: unixSeconds.optional(),
});

/** type number → (event name, payload schema). Types without a payload we use are reported as "unknown". */
const TOPICS = {
  1: ["ORDER_STATUS_CHANGE", orderStatusChange],
  3: ["RECIPIENT_ADDRESS_UPDATE", recipientAddressUpdate],
  4: ["PACKAGE_UPDATE", packageUpdate],
  5: ["PRODUCT_STATUS_CHANGE", productStatusChange],
  6: ["SELLER_DEAUTHORIZATION", sellerDeauthorization],
  7: ["UPCOMING_AUTHORIZATION_EXPIRATION", upcomingAuthorizationExpiration],
  11: ["CANCELLATION_STATUS_CHANGE", cancellationStatusChange],
  12: ["RETURN_STATUS_CHANGE", returnStatusChange],
  15: ["PRODUCT_INFORMATION_CHANGE", productInformationChange],
  16: ["PRODUCT_CREATION", productCreation],
  18: ["PRODUCT_CATEGORY_CHANGE", productCategoryChange],
  27: ["INVENTORY_STATUS_CHANGE", inventoryStatusChange],
  37: ["PRODUCT_AUDIT_STATUS_CHANGE", productAuditStatusChange],
} as const;

type Topics = typeof TOPICS;
type TopicNumber = keyof Topics;

export type TikTokWebhookEvent = {
  [N in TopicNumber]: { kind: "event"; type: N; eventType: Topics[N][0]; data: z.infer<Topics[N][1]> } & TikTokWebhookEnvelopeFields;
}[TopicNumber];

export interface TikTokWebhookEnvelopeFields {
  shopId: string;
  /** Push time, Unix seconds. */
  timestamp: number;
  /** TikTok's id for this notification; undefined on old payloads. */
  notificationId: string | undefined;
  /** Stable key for de-duplicating redeliveries (notification id, else type+shop+timestamp+payload hash). */
  dedupeKey: string;
}

export type ParsedTikTokWebhook =
  | TikTokWebhookEvent
  | ({ kind: "unknown"; type: number; data: unknown } & TikTokWebhookEnvelopeFields)
  | { kind: "invalid"; reason: string };

const envelopeSchema = z.looseObject({
  type: z.number().int(),
  tts_notification_id: tiktokId.optional(),
  shop_id: tiktokId,
  timestamp: unixSeconds,
  data: z.unknown().optional(),
});

function dedupeKeyFor(env: z.infer<typeof envelopeSchema>): string {
  if (env.tts_notification_id) return `tts:${env.tts_notification_id}`;
  const hash = createHash("sha256").update(JSON.stringify(env.data ?? null)).digest("hex").slice(0, 32);
  return `${env.type}:${env.shop_id}:${env.timestamp}:${hash}`;
}

/**
 * Parses a verified webhook body. Never throws: unknown topic numbers come back as `kind: "unknown"` (acknowledge
 * them), malformed bodies as `kind: "invalid"` with a reason that names the bad field.
 */
export function parseTikTokWebhook(rawBody: string | Uint8Array): ParsedTikTokWebhook {
  const text = typeof rawBody === "string" ? rawBody : Buffer.from(rawBody).toString("utf8");
  let json: unknown;
  try {
    json = parseTikTokJson(text);
  } catch (error) {
    return { kind: "invalid", reason: `body is not JSON: ${(error as Error).message}` };
  }
  const env = envelopeSchema.safeParse(json);
  if (!env.success) return { kind: "invalid", reason: `envelope: ${describeZodIssues(env.error)}` };
  const fields: TikTokWebhookEnvelopeFields = {
    shopId: env.data.shop_id,
    timestamp: env.data.timestamp,
    notificationId: env.data.tts_notification_id,
    dedupeKey: dedupeKeyFor(env.data),
  };
  const topic = (TOPICS as Record<number, readonly [string, z.ZodType] | undefined>)[env.data.type];
  if (!topic) return { kind: "unknown", type: env.data.type, data: env.data.data, ...fields };
  const [eventType, schema] = topic;
  const data = schema.safeParse(withoutNulls(env.data.data ?? {}));
  if (!data.success) return { kind: "invalid", reason: `type ${env.data.type} (${eventType}) data: ${describeZodIssues(data.error)}` };
  return { kind: "event", type: env.data.type, eventType, data: data.data, ...fields } as TikTokWebhookEvent;
}
