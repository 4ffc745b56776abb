import type { ServerResponse } from "node:http";
import { errorEnvelope, sendJson } from "./envelope";
import type { Simulator } from "./simulator";

const heldResponses = new Set<ServerResponse>();

/**
 * Fault injection for API and token calls: latency, 5xx (HTTP 503 + 36009003) and "timeouts" (the request is held
 * far beyond any client timeout, then the socket is dropped). Returns the code when the fault answered the call.
 */
export async function applyFaults(sim: Simulator, res: ServerResponse, requestId: string): Promise<number> {
  const { latencyMs = 0, errorRate = 0, timeoutRate = 0, timeoutHoldMs = 120_000 } = sim.faults;
  if (latencyMs > 0) await new Promise((r) => setTimeout(r, latencyMs));
  if (timeoutRate > 0 && sim.random.next() < timeoutRate) {
    heldResponses.add(res);
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutHoldMs);
      res.on("close", () => {
        clearTimeout(timer);
        resolve();
      });
    });
    heldResponses.delete(res);
    res.statusCode = 504;
    res.destroy();
    return 36009007;
  }
  if (errorRate > 0 && sim.random.next() < errorRate) {
    sendJson(res, 503, errorEnvelope(requestId, 36009003, "Internal error. Please try again."));
    return 36009003;
  }
  return 0;
}

/** Drops every held ("timed out") request; used when the server closes. */
export function releaseHeldResponses(): void {
  for (const res of heldResponses) res.destroy();
  heldResponses.clear();
}
