// The webhook intake's journal on a real disk: lines durable on append, segments rotated and deleted once
// imported, left-overs of a dead process claimed once, torn and unwritten space never read as lines.
import { randomUUID } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createIntakeJournal, journalLines } from "../../../app/db/intake-journal";
import { deadProcessId } from "../../support/dead-process-id";
import { parseReceiptLine, receiptLine } from "../../../app/modules/webhooks/journaled-webhook-intake";

let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), "journal-")), "intake-journal");
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

const files = () => readdirSync(dir).filter((f) => f.endsWith(".jsonl")).sort();

describe("intake journal", () => {
  it("writes lines appended together in one zero-filled segment, in place", async () => {
    const journal = createIntakeJournal(dir, { segmentBytes: 64 * 1024 });
    const segments = await Promise.all(["a", "b", "c"].map((l) => journal.append([`{"n":"${l}"}`])));
    expect(new Set(segments).size).toBe(1);
    const [file] = files();
    expect(statSync(path.join(dir, file!)).size).toBe(64 * 1024); // preallocated: syncs flush data only
    expect(journalLines(readFileSync(path.join(dir, file!), "utf8"))).toEqual(['{"n":"a"}', '{"n":"b"}', '{"n":"c"}']);
    await journal.close();
    expect(files()).toHaveLength(1); // not imported: kept for the next process
  });

  it("starts a new segment when one is full, and deletes a full one once all its lines are imported", async () => {
    const journal = createIntakeJournal(dir, { segmentBytes: 1024 });
    const line = `{"pad":"${"x".repeat(300)}"}`;
    const written: number[] = [];
    for (let i = 0; i < 7; i++) written.push(await journal.append([line]));
    expect(new Set(written).size).toBeGreaterThanOrEqual(3); // 3 lines a segment
    const first = written[0]!;
    const inFirst = written.filter((s) => s === first).length;
    await journal.imported(first, inFirst - 1);
    expect(files().some((f) => f.endsWith(`-${first}.jsonl`))).toBe(true); // one line still to import
    await journal.imported(first, 1);
    expect(files().some((f) => f.endsWith(`-${first}.jsonl`))).toBe(false);
    for (const s of new Set(written)) if (s !== first) await journal.imported(s, written.filter((w) => w === s).length);
    await journal.close();
    expect(files()).toEqual([]);
  });

  it("gives a line larger than a segment an empty segment to itself", async () => {
    const journal = createIntakeJournal(dir, { segmentBytes: 1024 });
    const small = await journal.append(['{"n":1}']);
    const big = `{"pad":"${"y".repeat(5000)}"}`;
    const bigSegment = await journal.append([big]);
    expect(bigSegment).not.toBe(small);
    const file = files().find((f) => f.endsWith(`-${bigSegment}.jsonl`))!;
    expect(journalLines(readFileSync(path.join(dir, file), "utf8"))).toEqual([big]);
    await journal.close();
  });

  it("hands a dead process's segments to one claimer, and leaves a live process's alone", async () => {
    const journal = createIntakeJournal(dir);
    await journal.append(['{"mine":true}']); // this process's own: never a left-over
    const dead = `${deadProcessId()}-0badc0de-1.jsonl`;
    writeFileSync(path.join(dir, dead), '{"n":1}\n{"n":2}\n{"torn":' + "\0".repeat(100));
    writeFileSync(path.join(dir, `${process.ppid}-0badc0de-1.jsonl`), '{"alive":true}\n');
    const [claimed, ...more] = await journal.claimLeftovers();
    expect(more).toEqual([]);
    expect(claimed!.lines).toEqual(['{"n":1}', '{"n":2}']);
    expect(await createIntakeJournal(dir).claimLeftovers()).toEqual([]); // already claimed
    await claimed!.done();
    expect(files()).toHaveLength(2); // this process's and the live parent's
    await journal.close();
  });
});

describe("journal lines", () => {
  it("reads the lines up to the last newline; unwritten zeros before a later line are not part of it", () => {
    const text = '{"a":1}\n' + "\0".repeat(50) + '{"c":3}\n{"tor' + "\0".repeat(30);
    expect(journalLines(text)).toEqual(['{"a":1}', '{"c":3}']);
    expect(journalLines('{"a":1}\n{"b":"partly wri' + "\0".repeat(10) + '{"c":3}\n')).toEqual(['{"a":1}', '{"c":3}']);
    expect(journalLines("\0".repeat(100))).toEqual([]);
  });
});

describe("a receipt as a journal line", () => {
  const delivery = { source: "shopify" as const, deliveryId: randomUUID(), shop: "a.myshopify.com", topic: "products/update", apiVersion: "2026-10", triggeredAt: new Date("2026-12-03T10:00:00.123Z"), eventId: "e1", payload: '{"id":788032119674292922,"title":"Crème\\tbrûlée"}' };

  it("keeps the payload as it arrived after a tab, and everything else", () => {
    const receipt = { delivery, processWith: { jobType: "webhook.process" }, receivedAt: new Date("2026-12-03T10:00:01Z") };
    const line = receiptLine(receipt);
    expect(line.endsWith(`\t${delivery.payload}`)).toBe(true);
    expect(parseReceiptLine(line)).toEqual(receipt);
  });

  it("puts a payload with a line break or a NUL inside the JSON, so a line stays one line", () => {
    for (const payload of ['{"a":\n1}', '{"a":"\0"}']) {
      const line = receiptLine({ delivery: { ...delivery, payload } });
      expect(line).not.toMatch(/[\n\0]/);
      expect(parseReceiptLine(line)?.delivery.payload).toBe(payload);
    }
  });

  it("reads nothing from a line that is not a receipt", () => {
    expect(parseReceiptLine("not json")).toBeUndefined();
    expect(parseReceiptLine('{"source":"shopify"}\t{}')).toBeUndefined();
  });
});
