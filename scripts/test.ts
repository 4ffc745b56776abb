// npm test — every test: unit, integration (real SQLite, PostgreSQL, both sandboxes over real HTTP) and
// end-to-end (the built app in Debian's Chromium). Installs Chromium when missing (as root) and builds
// the app first, so a fresh clone needs nothing by hand. Extra args go to vitest.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

function fail(message: string): never {
  console.error(`\n${message}\n`);
  console.log("0 passed, 1 failed");
  process.exit(1);
}

const major = Number(process.versions.node.split(".")[0]);
if (major < 22) fail(`Tests need Node >= 22 but run on ${process.version}. Run 'npm install' (without --ignore-scripts), then 'npm test'.`);

function ensureChromium() {
  if (existsSync(CHROMIUM)) return;
  if (process.getuid?.() !== 0) {
    fail(`Chromium is missing at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium  (or set CHROMIUM_PATH).`);
  }
  console.log("Installing Chromium from Debian (apt-get install -y chromium)…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  const update = spawnSync("apt-get", ["update"], { stdio: "inherit", env });
  const install = spawnSync("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { stdio: "inherit", env });
  if (update.status !== 0 || install.status !== 0 || !existsSync(CHROMIUM)) {
    fail("Could not install Chromium with apt-get. Install the Debian package 'chromium' and run npm test again.");
  }
}

ensureChromium();
console.log("Building the app for the end-to-end tests…");
execFileSync(process.execPath, [path.join(root, "node_modules", "@remix-run", "dev", "dist", "cli.js"), "vite:build"], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
  env: { ...process.env, NODE_ENV: "production" },
});

mkdirSync(path.join(root, "tests", "artifacts"), { recursive: true });
const report = path.join(root, "tests", "artifacts", "vitest-report.json");
const vitest = spawnSync(
  process.execPath,
  [path.join(root, "node_modules", "vitest", "vitest.mjs"), "run", "--reporter=default", "--reporter=json", `--outputFile.json=${report}`, ...process.argv.slice(2)],
  { cwd: root, stdio: "inherit", env: process.env },
);

// CI reads a plain "N passed, N failed" line.
if (existsSync(report)) {
  const result = JSON.parse(readFileSync(report, "utf8")) as { numPassedTests: number; numFailedTests: number; numPendingTests: number; numTotalTests: number };
  const failed = result.numFailedTests + (vitest.status !== 0 && result.numFailedTests === 0 ? 1 : 0);
  console.log(`${result.numPassedTests} passed, ${failed} failed`);
} else {
  console.log("0 passed, 1 failed");
}
process.exit(vitest.status ?? 1);
