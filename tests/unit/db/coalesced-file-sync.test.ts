import { mkdtempSync, writeFileSync } from "node:fs";
import type { FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createCoalescedFileSync } from "../../../app/db/coalesced-file-sync";

describe("coalesced file sync", () => {
  it("answers each caller with a sync that started after it called, sharing syncs among waiting callers", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sync-")), "data");
    writeFileSync(file, "x");
    const syncs: Array<() => void> = [];
    const sync = createCoalescedFileSync(file, () => new Promise<void>((resolve) => syncs.push(resolve)));
    const settled: string[] = [];
    const call = (name: string) => sync().then(() => void settled.push(name));
    const tick = () => new Promise((r) => setTimeout(r, 5));

    const a = call("a");
    await tick();
    expect(syncs).toHaveLength(1);
    const [b, c] = [call("b"), call("c")]; // arrive while a's sync runs: it may predate their writes
    await tick();
    expect(syncs).toHaveLength(1);
    syncs[0]!();
    await a;
    await tick();
    expect(settled).toEqual(["a"]);
    expect(syncs).toHaveLength(2); // one more sync, for b and c together
    syncs[1]!();
    await Promise.all([b, c]);
    expect(settled).toEqual(["a", "b", "c"]);
    await sync.close();
  });

  it("fails the callers of a failed sync and syncs again for the next caller", async () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "sync-")), "data");
    writeFileSync(file, "x");
    let fail = true;
    const sync = createCoalescedFileSync(file, async (handle: FileHandle) => {
      if (fail) throw new Error("EIO");
      await handle.datasync();
    });
    await expect(sync()).rejects.toThrow("EIO");
    fail = false;
    await expect(sync()).resolves.toBeUndefined();
    await sync.close();
  });
});
