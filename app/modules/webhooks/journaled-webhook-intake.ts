// The webhook intake on SQLite: a delivery is answered once its line is durable in the intake journal
// (app/db/intake-journal.ts), and moved into the database behind the answers, many deliveries a
// transaction: right away when the intake is quiet, at most every `importIntervalMs` under a burst. The
// database write does the deduplication and makes the processing jobs, as the direct intake does.
// A crash loses nothing: the journal's left-overs are imported by the next process to start. A delivery the
// database refuses for its data (none is known: rows are checked before they are accepted) is set aside in
// the journal's directory, with the reason, instead of holding back every delivery behind it.
import type { IntakeJournal } from "../../db/intake-journal";
import { DeliveryRefusedError, type DeliveryIntakeStore, type DeliveryReceipt } from "./delivery-intake";
import type { WebhookIntake, WebhookIntakeOptions } from "./webhook-intake";

export interface JournaledWebhookIntakeOptions extends WebhookIntakeOptions {
  /** The shortest time between two imports while deliveries keep coming (larger batches, fewer commits). */
  importIntervalMs?: number;
  /** Deliveries accepted but not yet in the database beyond which new ones are refused (answered 500). */
  maxBacklog?: number;
  /** Deliveries a transaction. */
  maxImportBatch?: number;
  logger?: { warn(details: object, message: string): void; error(details: object, message: string): void };
}

interface Accepted { receipt: DeliveryReceipt; segment: number }

const RETRY_AFTER_FAILURE_MS = 1_000;

export function createJournaledWebhookIntake(store: DeliveryIntakeStore, journal: IntakeJournal, options: JournaledWebhookIntakeOptions = {}): WebhookIntake {
  const importIntervalMs = options.importIntervalMs ?? 20;
  const maxBacklog = options.maxBacklog ?? 50_000;
  const maxImportBatch = options.maxImportBatch ?? 1_000;
  let backlog: Accepted[] = [];
  let importing: Promise<boolean> | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastImportAt = 0;
  let closed = false;

  /**
   * Records the receipts, in order, and returns how many of them (from the first) are done. A batch the
   * database refuses for its data is split in halves down to the delivery it refuses alone, which is set
   * aside (journal.setAside) so that one bad delivery does not hold back all those behind it. Anything else
   * (a busy or failing database) stops there: the rest stays in the journal and is tried again.
   */
  async function recordOrSetAside(receipts: DeliveryReceipt[]): Promise<number> {
    try {
      await store.recordBatch(receipts);
      return receipts.length;
    } catch (error) {
      if (!(error instanceof DeliveryRefusedError)) {
        options.logger?.error({ err: (error as Error).message, deliveries: receipts.length }, "could not move webhook deliveries into the database; retrying");
        return 0;
      }
      if (receipts.length === 1) return (await setAside(receipts[0]!, error)) ? 1 : 0;
      const half = Math.ceil(receipts.length / 2);
      const first = await recordOrSetAside(receipts.slice(0, half));
      return first < half ? first : half + (await recordOrSetAside(receipts.slice(half)));
    }
  }

  async function setAside(receipt: DeliveryReceipt, error: DeliveryRefusedError): Promise<boolean> {
    const { delivery } = receipt;
    const about = { source: delivery.source, deliveryId: delivery.deliveryId, shop: delivery.shop, topic: delivery.topic, err: error.message };
    try {
      const file = await journal.setAside(receiptLine(receipt), error.message);
      options.logger?.error({ ...about, file }, "the database refused a webhook delivery: it was set aside (kept in the file named here), and the periodic reconcile repairs what it would have changed");
      return true;
    } catch (writeError) {
      options.logger?.error({ ...about, setAsideErr: (writeError as Error).message }, "the database refused a webhook delivery and it could not be set aside; retrying");
      return false;
    }
  }

  async function importBatch(): Promise<boolean> {
    const batch = backlog.slice(0, maxImportBatch);
    const done = batch.slice(0, await recordOrSetAside(batch.map((a) => a.receipt)));
    backlog = backlog.slice(done.length);
    const perSegment = new Map<number, number>();
    for (const a of done) perSegment.set(a.segment, (perSegment.get(a.segment) ?? 0) + 1);
    for (const [segment, count] of perSegment) await journal.imported(segment, count);
    if (done.some((a) => a.receipt.processWith)) options.onJobsRecorded?.();
    return done.length === batch.length;
  }

  function runImport(): Promise<boolean> {
    const running = importBatch().finally(() => {
      lastImportAt = Date.now();
      importing = undefined;
    });
    importing = running;
    void running.then((ok) => scheduleImport(ok ? undefined : RETRY_AFTER_FAILURE_MS));
    return running;
  }

  function scheduleImport(delayMs = Math.max(0, lastImportAt + importIntervalMs - Date.now())) {
    if (importing || timer || backlog.length === 0 || closed) return;
    timer = setTimeout(() => {
      timer = undefined;
      void runImport();
    }, delayMs);
  }

  /** Imports now what is waiting; throws when the database does not take it. */
  async function settled() {
    await recoverLeftovers();
    while (backlog.length > 0 || importing) {
      if (importing) {
        await importing;
        continue;
      }
      clearTimeout(timer);
      timer = undefined;
      if (!(await runImport())) throw new Error("webhook deliveries could not be moved into the database (they stay in the journal)");
    }
  }

  async function importLeftovers() {
    for (const leftover of await journal.claimLeftovers()) {
      const receipts = leftover.lines.flatMap((line) => {
        const receipt = parseReceiptLine(line);
        if (!receipt) options.logger?.warn({ file: leftover.file }, "skipped an unreadable line of the webhook intake journal");
        return receipt ? [receipt] : [];
      });
      for (let i = 0; i < receipts.length; i += maxImportBatch) {
        const chunk = receipts.slice(i, i + maxImportBatch);
        // Tried again from the start: what went in is recognised as recorded (what was set aside is set aside again).
        if ((await recordOrSetAside(chunk)) < chunk.length) throw new Error(`the database did not take the deliveries of ${leftover.file}`);
      }
      await leftover.done();
      if (receipts.some((r) => r.processWith)) options.onJobsRecorded?.();
    }
  }

  // What a process that is gone had accepted (alongside new deliveries: processing does not rely on their
  // order); retried until the database takes it.
  let leftovers: Promise<void> | undefined;
  const recoverLeftovers = () =>
    (leftovers ??= importLeftovers().catch((error: Error) => {
      options.logger?.error({ err: error.message }, "could not import the webhook intake journal left by a previous process; retrying");
      leftovers = undefined;
      // Once closed, what this process claimed is a left-over again when it exits.
      if (!closed) setTimeout(() => void recoverLeftovers(), RETRY_AFTER_FAILURE_MS).unref();
    }));
  setImmediate(() => void recoverLeftovers());

  return {
    async accept(delivery, processWith) {
      if (closed) throw new Error("the webhook intake is closed");
      if (backlog.length >= maxBacklog) throw new Error(`${backlog.length} webhook deliveries are waiting for the database; refusing more until it catches up`);
      const receipt: DeliveryReceipt = { delivery, processWith, receivedAt: new Date() };
      const segment = await journal.append([receiptLine(receipt)]);
      backlog.push({ receipt, segment });
      scheduleImport();
    },
    settled,
    async close() {
      closed = true;
      try {
        await settled();
      } finally {
        await journal.close();
        await store.close();
      }
    },
  };
}

/**
 * A receipt as one journal line: its details as JSON, a tab, and the payload as it arrived (JSON text never
 * holds a raw tab, so the first one ends the details). A payload with a line break or a NUL — never from
 * Shopify or TikTok, which send compact JSON — goes inside the JSON instead.
 */
export function receiptLine({ delivery, processWith, receivedAt }: DeliveryReceipt): string {
  const { payload, ...details } = delivery;
  const line = { ...details, triggeredAt: details.triggeredAt?.toISOString(), jobType: processWith?.jobType, receivedAt: receivedAt?.toISOString() };
  if (!/[\n\0]/.test(payload)) return `${JSON.stringify(line)}\t${payload}`;
  return JSON.stringify({ ...line, payload });
}

export function parseReceiptLine(text: string): DeliveryReceipt | undefined {
  try {
    const tab = text.indexOf("\t");
    const parsed = JSON.parse(tab === -1 ? text : text.slice(0, tab)) as DeliveryReceipt["delivery"] & { jobType?: string; receivedAt?: string; triggeredAt?: string };
    const { jobType, receivedAt, triggeredAt, ...delivery } = tab === -1 ? parsed : { ...parsed, payload: text.slice(tab + 1) };
    if (!delivery.source || !delivery.deliveryId || !delivery.shop || !delivery.topic || typeof delivery.payload !== "string") return undefined;
    return {
      delivery: { ...delivery, triggeredAt: triggeredAt ? new Date(triggeredAt) : undefined },
      processWith: jobType ? { jobType } : undefined,
      receivedAt: receivedAt ? new Date(receivedAt) : undefined,
    };
  } catch {
    return undefined;
  }
}
