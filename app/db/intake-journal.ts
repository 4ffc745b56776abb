// A journal for the webhook intake on SQLite: a delivery is durable once its line is written here — one
// synchronous write (O_DSYNC) for everything that arrived meanwhile — and is moved into the database
// behind the answers, in large transactions. Committing each small batch to SQLite instead cost ~150 µs
// of CPU a delivery (every commit rewrites whole B-tree pages into the WAL); a transaction of a few
// hundred costs ~30 µs a delivery.
//
// Segments are files of a fixed size, filled with zeros before use: writing over allocated blocks, a
// sync has only data to flush, no file size to journal — 30–50 % less kernel time and latency than an
// append and fdatasync on this machine's ext4 (and O_DSYNC saves the second call on the thread pool).
// They are named <pid>-<instance>-<seq>.jsonl, in one directory beside the database (the same disk, so
// the same durability as the database itself). A segment is deleted once it is full and every line of
// it is in the database. Segments of a process that is gone are left-overs: any process claims them (an
// atomic rename into its own name) and moves them into the database.
import { randomBytes } from "node:crypto";
import { constants, existsSync, mkdirSync, readdirSync } from "node:fs";
import { open, readFile, rename, unlink, type FileHandle } from "node:fs/promises";
import path from "node:path";

export interface IntakeJournal {
  /** Writes the lines durably; resolves with the number of the segment that holds them. */
  append(lines: string[]): Promise<number>;
  /** `count` lines of `segment` are in the database (and synced there): a full, finished segment is deleted. */
  imported(segment: number, count: number): Promise<void>;
  /** Segments of processes that are gone, claimed by this one: their lines, to move into the database. */
  claimLeftovers(): Promise<LeftoverSegment[]>;
  /**
   * Keeps a line the database refuses for good out of the import, durably, in `set-aside.jsonl` beside the
   * segments (never claimed, never deleted): the reason, a tab, the line. Resolves with that file's path.
   */
  setAside(line: string, reason: string): Promise<string>;
  /** Waits for the writes in progress and closes the files; deletes the segments whose lines are all imported. */
  close(): Promise<void>;
}

/** The file of lines set aside (IntakeJournal.setAside), in the journal's directory. */
export const SET_ASIDE_FILE = "set-aside.jsonl";

export interface LeftoverSegment {
  file: string;
  lines: string[];
  /** Deletes the segment once its lines are in the database. */
  done(): Promise<void>;
}

export interface IntakeJournalOptions {
  /** Size of a segment file (16 MiB). */
  segmentBytes?: number;
  /**
   * Writes in progress at once (1): more let a batch skip waiting for the one before it, but make batches
   * smaller — with 2, 20 % more CPU a delivery under a burst for no more throughput (webhook-ingest).
   */
  maxWritesInFlight?: number;
}

interface Segment {
  id: number;
  file: string;
  handle: Promise<FileHandle>;
  /** Bytes given out to writes (written or being written). */
  used: number;
  writing: number;
  appended: number;
  imported: number;
  finished: boolean;
}

interface WaitingAppend { data: string; count: number; resolve: (segment: number) => void; reject: (error: unknown) => void }

export function createIntakeJournal(dir: string, options: IntakeJournalOptions = {}): IntakeJournal {
  const segmentBytes = options.segmentBytes ?? 16 * 1024 * 1024;
  const maxWritesInFlight = options.maxWritesInFlight ?? 1;
  const instance = randomBytes(4).toString("hex");
  const segments = new Map<number, Segment>();
  let current: Segment | undefined;
  let spare: Segment | undefined;
  let nextId = 1;
  let waiting: WaitingAppend[] = [];
  let inFlight = 0;
  let scheduled = false;
  let drained: (() => void) | undefined;

  const ensureDir = () => existsSync(dir) || mkdirSync(dir, { recursive: true });

  function newSegment(): Segment {
    const id = nextId++;
    const file = path.join(dir, `${process.pid}-${instance}-${id}.jsonl`);
    const handle = preallocate(file, segmentBytes);
    handle.catch(() => undefined); // reported by the write that awaits it
    const segment: Segment = { id, file, handle, used: 0, writing: 0, appended: 0, imported: 0, finished: false };
    segments.set(id, segment);
    return segment;
  }

  /** The segment for the next `bytes`: the current one while they fit (a line larger than a segment gets an empty one to itself). */
  function segmentFor(bytes: number): Segment {
    if (current && current.used > 0 && current.used + bytes > segmentBytes) finish(current);
    if (!current) {
      ensureDir();
      current = spare ?? newSegment();
      spare = undefined;
    }
    // The next one is zero-filled in the background, ready before this one is full.
    if (!spare && current.used + bytes > segmentBytes / 2) spare = newSegment();
    return current;
  }

  /** No new lines go to it; closed once its writes are done, deleted once its lines are imported. */
  function finish(segment: Segment) {
    segment.finished = true;
    if (current === segment) current = undefined;
    if (spare === segment) spare = undefined;
    void closeWhenWritten(segment);
  }

  async function closeWhenWritten(segment: Segment) {
    if (!segment.finished || segment.writing > 0) return;
    await (await segment.handle.catch(() => undefined))?.close().catch(() => undefined);
    await deleteIfImported(segment);
  }

  async function deleteIfImported(segment: Segment) {
    if (!segment.finished || segment.writing > 0 || segment.imported < segment.appended || !segments.has(segment.id)) return;
    segments.delete(segment.id);
    await unlink(segment.file).catch(() => undefined);
  }

  async function write(batch: WaitingAppend[]) {
    const data = Buffer.from(batch.map((w) => w.data).join(""));
    const segment = segmentFor(data.length);
    const position = segment.used;
    segment.used += data.length;
    segment.writing++;
    try {
      const handle = await segment.handle;
      // Opened with O_DSYNC: the write returns once the data is on the disk (one call on the thread pool).
      const { bytesWritten } = await handle.write(data, 0, data.length, position);
      if (bytesWritten !== data.length) throw new Error(`the webhook journal took ${bytesWritten} of ${data.length} bytes`);
      segment.appended += batch.reduce((n, w) => n + w.count, 0);
      for (const w of batch) w.resolve(segment.id);
    } catch (error) {
      // Part of the batch may be on disk: none of it is answered as recorded (its senders send it again;
      // recording deduplicates), and the next lines go to a fresh segment.
      finish(segment);
      for (const w of batch) w.reject(error);
    } finally {
      segment.writing--;
      await closeWhenWritten(segment);
    }
  }

  // Everyone who appended while the writes in flight ran shares the next one.
  function startWrites() {
    scheduled = false;
    while (waiting.length > 0 && inFlight < maxWritesInFlight) {
      const batch = waiting;
      waiting = [];
      inFlight++;
      void write(batch).finally(() => {
        inFlight--;
        startWrites();
        if (inFlight === 0 && waiting.length === 0) drained?.();
      });
    }
  }

  return {
    append(lines) {
      return new Promise<number>((resolve, reject) => {
        waiting.push({ data: lines.map((line) => `${line}\n`).join(""), count: lines.length, resolve, reject });
        // Appends of the same turn of the event loop (a burst of requests) share one write.
        if (!scheduled && inFlight < maxWritesInFlight) {
          scheduled = true;
          setImmediate(startWrites);
        }
      });
    },
    async imported(id, count) {
      const segment = segments.get(id);
      if (!segment) return;
      segment.imported += count;
      await deleteIfImported(segment);
    },
    async claimLeftovers() {
      if (!existsSync(dir)) return [];
      const claimed: LeftoverSegment[] = [];
      for (const name of readdirSync(dir).sort()) {
        const owner = /^(\d+)-([0-9a-f]+)-(\d+)\.jsonl$/.exec(name);
        if (!owner || (Number(owner[1]) === process.pid && owner[2] === instance) || isAlive(Number(owner[1]))) continue;
        // Renamed into this process's name: another process claiming it at the same time fails, and if this
        // process dies before it is done, the segment is a left-over again.
        const file = path.join(dir, `${process.pid}-${instance}-${nextId++}.jsonl`);
        try {
          await rename(path.join(dir, name), file);
        } catch {
          continue; // claimed by someone else
        }
        claimed.push({ file, lines: journalLines(await readFile(file, "utf8")), done: () => unlink(file).catch(() => undefined) });
      }
      return claimed;
    },
    async setAside(line, reason) {
      ensureDir();
      const file = path.join(dir, SET_ASIDE_FILE);
      const handle = await open(file, "a");
      try {
        await handle.write(`${JSON.stringify({ reason, setAsideAt: new Date().toISOString() })}\t${line}\n`);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await syncDirectory(dir);
      return file;
    },
    async close() {
      if (scheduled || inFlight > 0) await new Promise<void>((resolve) => (drained = resolve));
      drained = undefined;
      for (const segment of [...segments.values()]) {
        finish(segment);
        await closeWhenWritten(segment);
      }
    },
  };
}

/**
 * The complete lines of a segment's text. Unused space is zeros; so is a write that had not reached the disk
 * when the process died, and it may come before a later write that had (two writes in flight): a line is
 * what follows the last zero before its newline. The text after the last newline was never answered.
 */
export function journalLines(text: string): string[] {
  const lines: string[] = [];
  for (const chunk of text.slice(0, text.lastIndexOf("\n") + 1).split("\n")) {
    const line = chunk.slice(chunk.lastIndexOf("\0") + 1); // JSON text never holds a raw NUL
    if (line.length > 0) lines.push(line);
  }
  return lines;
}

/** Zeros flushed to the disk at a time while a segment is prepared (see preallocate). */
const PREALLOCATE_CHUNK_BYTES = 1024 * 1024;

/**
 * Creates the file filled with zeros, synced with its size and name, and opens it for synchronous writes in
 * place. The zeros go to the disk a chunk at a time, each synced before the next: the journal's own writes
 * (O_DSYNC) queue behind whatever is being flushed, and one 16 MiB flush held them up to 40–50 ms on this
 * machine's disk, 1 MiB at a time ≤ 4 ms (bench/RESULTS.md, session 10).
 */
async function preallocate(file: string, bytes: number): Promise<FileHandle> {
  const handle = await open(file, "w");
  try {
    const zeros = Buffer.alloc(Math.min(bytes, PREALLOCATE_CHUNK_BYTES));
    for (let at = 0; at < bytes; at += zeros.length) {
      await handle.write(zeros, 0, Math.min(zeros.length, bytes - at), at);
      await handle.datasync();
    }
    await handle.sync();
  } finally {
    await handle.close();
  }
  await syncDirectory(path.dirname(file));
  return open(file, constants.O_WRONLY | constants.O_DSYNC);
}

async function syncDirectory(dir: string) {
  const handle = await open(dir, "r");
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
