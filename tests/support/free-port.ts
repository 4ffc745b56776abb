import { readFileSync } from "node:fs";
import { createServer } from "node:net";

/**
 * A TCP port that is free now, for a server that must know its URL before it starts (the app, whose URL the
 * sandboxes are given). Picked below the kernel's ephemeral range: a port asked of the kernel (listen on 0) and
 * released could be handed out again to the next server listening on 0 — a sandbox started in between — and
 * the app's requests then went to the TikTok simulator. Test files running in parallel each try random ports.
 */
export async function freePort(): Promise<number> {
  const [ephemeralLow] = ephemeralPortRange();
  const low = 10_000;
  const high = Math.max(low + 1_000, ephemeralLow - 1);
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (await canListen(port)) return port;
  }
  throw new Error(`no free port found between ${low} and ${high}`);
}

function canListen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once("error", () => resolve(false));
    server.listen(port, "127.0.0.1", () => server.close(() => resolve(true)));
  });
}

function ephemeralPortRange(): [number, number] {
  try {
    const [low, high] = readFileSync("/proc/sys/net/ipv4/ip_local_port_range", "utf8").trim().split(/\s+/).map(Number);
    if (low && high) return [low, high];
  } catch {
    // Not Linux: the IANA range most systems use.
  }
  return [49152, 65535];
}
