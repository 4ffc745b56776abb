/**
 * Runs work at simulator-clock times (review outcomes, order progression, webhook retries). Tasks fire when the
 * clock passes their due time: a real-time ticker covers the default wall clock, and advanceClock() runs
 * whatever became due at once. A binary heap keeps 10,000 pending reviews cheap.
 */
interface Task {
  dueAt: number;
  seq: number;
  run: () => void;
}

export class SimScheduler {
  private heap: Task[] = [];
  private seq = 0;
  private running = false;

  constructor(private readonly now: () => number) {}

  at(dueAt: number, run: () => void): void {
    this.push({ dueAt, seq: this.seq++, run });
  }

  after(delayMs: number, run: () => void): void {
    this.at(this.now() + Math.max(0, delayMs), run);
  }

  get size(): number {
    return this.heap.length;
  }

  clear(): void {
    this.heap = [];
  }

  /** Runs every task whose time has come, including tasks scheduled by them if they are already due. */
  runDue(onError: (err: unknown) => void): void {
    if (this.running) return;
    this.running = true;
    try {
      for (;;) {
        const top = this.heap[0];
        if (!top || top.dueAt > this.now()) break;
        this.pop();
        try {
          top.run();
        } catch (err) {
          onError(err);
        }
      }
    } finally {
      this.running = false;
    }
  }

  private less(a: Task, b: Task): boolean {
    return a.dueAt < b.dueAt || (a.dueAt === b.dueAt && a.seq < b.seq);
  }

  private push(task: Task): void {
    const h = this.heap;
    h.push(task);
    let i = h.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i]!, h[p]!)) break;
      [h[i], h[p]] = [h[p]!, h[i]!];
      i = p;
    }
  }

  private pop(): void {
    const h = this.heap;
    const last = h.pop();
    if (h.length === 0 || !last) return;
    h[0] = last;
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l]!, h[m]!)) m = l;
      if (r < h.length && this.less(h[r]!, h[m]!)) m = r;
      if (m === i) break;
      [h[i], h[m]] = [h[m]!, h[i]!];
      i = m;
    }
  }
}
