import { describe, expect, it } from "vitest";
import { createWriteLock } from "../../../app/db/sqlite-write-lock";

describe("SQLite write lock", () => {
  it("lets one writer in at a time, in arrival order, and ignores a second release", async () => {
    const lock = createWriteLock();
    const order: string[] = [];
    const first = await lock.acquire();
    const second = lock.acquire().then((release) => (order.push("second"), release));
    const third = lock.acquire().then((release) => (order.push("third"), release));
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]); // both wait for the first
    first();
    first(); // released twice: must not let the third in early
    const releaseSecond = await second;
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual(["second"]);
    releaseSecond();
    (await third)();
    expect(order).toEqual(["second", "third"]);
  });

  it("lets an urgent writer go ahead of those waiting, after the current holder", async () => {
    const lock = createWriteLock();
    const order: string[] = [];
    const holder = await lock.acquire();
    const waiter = (name: string, urgent = false) => lock.acquire({ urgent }).then((release) => (order.push(name), release()));
    const all = [waiter("a"), waiter("b"), waiter("intake 1", true), waiter("intake 2", true)];
    await new Promise((r) => setTimeout(r, 5));
    expect(order).toEqual([]);
    holder();
    await Promise.all(all);
    expect(order).toEqual(["intake 1", "intake 2", "a", "b"]);
  });
});
