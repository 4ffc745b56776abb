import { describe, expect, it } from "vitest";
import { createGroupCommit } from "../../../app/db/group-commit";

describe("group commit", () => {
  it("writes callers that arrive together as one batch, and a lone caller at once", async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit<number, string>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 5));
      return items.map((i) => `ok ${i}`);
    }, { maxBatch: 100 });
    expect(await Promise.all([1, 2, 3].map((i) => commit.submit(i)))).toEqual(["ok 1", "ok 2", "ok 3"]);
    expect(batches).toEqual([[1, 2, 3]]);
    expect(await commit.submit(4)).toBe("ok 4");
    expect(batches).toEqual([[1, 2, 3], [4]]);
  });

  it("collects callers arriving during a flush into the next batch, never above maxBatch", async () => {
    const batches: number[][] = [];
    const commit = createGroupCommit<number, number>(async (items) => {
      batches.push(items);
      await new Promise((r) => setTimeout(r, 10));
      return items;
    }, { maxBatch: 3 });
    const first = commit.submit(0);
    await new Promise((r) => setTimeout(r, 2)); // the first flush is running
    const rest = [1, 2, 3, 4, 5].map((i) => commit.submit(i));
    expect(await Promise.all([first, ...rest])).toEqual([0, 1, 2, 3, 4, 5]);
    expect(batches).toEqual([[0], [1, 2, 3], [4, 5]]);
  });

  it("fails every caller of a failed batch with its error, and keeps serving later callers", async () => {
    let fail = true;
    const commit = createGroupCommit<number, number>(async (items) => {
      if (fail) throw new Error("disk full");
      return items;
    }, { maxBatch: 10 });
    const results = await Promise.allSettled([commit.submit(1), commit.submit(2)]);
    expect(results.map((r) => r.status)).toEqual(["rejected", "rejected"]);
    expect((results[0] as PromiseRejectedResult).reason.message).toBe("disk full");
    fail = false;
    expect(await commit.submit(3)).toBe(3);
  });
});

describe("group commit with batches in flight together", () => {
  it("starts the next batch while earlier ones are still flushing, up to maxInFlight", async () => {
    const started: number[][] = [];
    const finish: Array<() => void> = [];
    const commit = createGroupCommit<number, number>((items) => {
      started.push(items);
      return new Promise((resolve) => finish.push(() => resolve(items)));
    }, { maxBatch: 10, maxInFlight: 2 });
    const turn = () => new Promise((r) => setImmediate(r));
    const a = [commit.submit(1), commit.submit(2)];
    await turn();
    const b = [commit.submit(3)];
    await turn();
    const c = [commit.submit(4), commit.submit(5)];
    await turn();
    expect(started).toEqual([[1, 2], [3]]); // two in flight: 4 and 5 wait
    finish[1]!();
    expect(await Promise.all(b)).toEqual([3]);
    await turn();
    expect(started).toEqual([[1, 2], [3], [4, 5]]);
    finish[0]!();
    finish[2]!();
    expect(await Promise.all([...a, ...c])).toEqual([1, 2, 4, 5]);
  });
});
