// What the Admin GraphQL requests cost, by operation name ("(anonymous)" without one): requests, those refused
// as THROTTLED, points asked for up front (requestedQueryCost) and points charged (actualQueryCost), as each
// answer's `extensions.cost` reports them. Benchmarks read it to relate an app's throughput to the bucket.
export interface AdminOperationCost {
  requests: number;
  /** Refused with THROTTLED (nothing ran, nothing charged). */
  throttled: number;
  /** Σ requestedQueryCost of the requests that ran. */
  requestedPoints: number;
  /** Σ actualQueryCost of the requests that ran: what the bucket kept after the refund. */
  actualPoints: number;
}

interface CostExtension {
  requestedQueryCost?: number | null;
  actualQueryCost?: number | null;
}

export class AdminCostLog {
  readonly byOperation = new Map<string, AdminOperationCost>();

  record(operation: string, body: unknown): void {
    const entry = this.byOperation.get(operation) ?? { requests: 0, throttled: 0, requestedPoints: 0, actualPoints: 0 };
    this.byOperation.set(operation, entry);
    entry.requests++;
    const answer = body as { errors?: unknown; extensions?: { cost?: CostExtension } } | null;
    const errors = Array.isArray(answer?.errors) ? (answer.errors as Array<{ extensions?: { code?: string } }>) : [];
    if (errors.some((e) => e.extensions?.code === "THROTTLED")) {
      entry.throttled++;
      return;
    }
    const cost = answer?.extensions?.cost;
    if (typeof cost?.actualQueryCost !== "number") return; // refused before it ran (invalid, over the max cost)
    entry.requestedPoints += cost.requestedQueryCost ?? 0;
    entry.actualPoints += cost.actualQueryCost;
  }

  /** A copy of the figures so far (to subtract a baseline from later figures). */
  snapshot(): Map<string, AdminOperationCost> {
    return new Map([...this.byOperation].map(([name, c]) => [name, { ...c }]));
  }
}
