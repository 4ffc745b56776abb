// `npm run bench -- <name> [--option value …]`: runs one benchmark, progress on stderr, one JSON line
// (the figures) last on stdout. Benchmarks: sync, inventory-latency, coalesce, webhook-ingest, products-page,
// orders-flash-sale, oversell.
import { runCoalesceBench } from "./coalesce";
import { runInventoryLatencyBench } from "./inventory-latency";
import { runOrdersFlashSaleBench } from "./orders-flash-sale";
import { runOversellBench } from "./oversell";
import { runProductsPageBench } from "./products-page";
import { machineInfo } from "./synced-store";
import { runSyncBench, syncOptions } from "./sync";
import { runWebhookIngestBench } from "./webhook-ingest";

const BENCHMARKS: Record<string, (args: Record<string, string>) => Promise<object>> = {
  sync: (args) => runSyncBench(syncOptions(args)),
  "inventory-latency": (args) => runInventoryLatencyBench(args),
  coalesce: (args) => runCoalesceBench(args),
  "webhook-ingest": (args) => runWebhookIngestBench(args),
  "products-page": (args) => runProductsPageBench(args),
  "orders-flash-sale": (args) => runOrdersFlashSaleBench(args),
  oversell: (args) => runOversellBench(args),
};

function parseArgs(argv: string[]): { name: string | undefined; args: Record<string, string> } {
  const [name, ...rest] = argv;
  const args: Record<string, string> = {};
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]!;
    if (!arg.startsWith("--")) throw new Error(`Unexpected argument ${arg}`);
    const [key, inline] = arg.slice(2).split("=", 2) as [string, string | undefined];
    args[key] = inline ?? rest[++i] ?? "";
  }
  return { name, args };
}

const { name, args } = parseArgs(process.argv.slice(2));
const bench = name ? BENCHMARKS[name] : undefined;
if (!bench) {
  process.stderr.write(`usage: npm run bench -- <${Object.keys(BENCHMARKS).join("|")}> [--option value]\n`);
  process.exit(2);
}
try {
  const started = new Date();
  const figures = await bench(args);
  process.stdout.write(`${JSON.stringify({ ...figures, date: started.toISOString(), machine: await machineInfo() })}\n`);
  process.exit(0);
} catch (error) {
  process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
}
