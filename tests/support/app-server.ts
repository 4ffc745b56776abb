// Runs the built app (build/ — `npm test` builds it first) with scripts/serve.ts, as `npm start` would.
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { SERVER_NODE_FLAGS } from "../../scripts/server-node-flags";

const root = path.resolve(import.meta.dirname, "..", "..");

export interface RunningApp {
  url: string;
  pid: number;
  output: () => string;
  close(): Promise<void>;
  /** SIGKILL: the process dies mid-work, as on a crash or an OOM kill. */
  kill(): Promise<void>;
}

export async function startAppServer(options: { port: number; env: Record<string, string> }): Promise<RunningApp> {
  const serverBuild = path.join(root, "build", "server", "index.js");
  if (!existsSync(serverBuild)) throw new Error("build/server/index.js is missing: run the tests with `npm test` (it builds the app first).");
  let output = "";
  // APP_NODE_ARGS lets a benchmark profile the app (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof").
  const nodeArgs = (process.env.APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, path.join(root, "scripts", "serve.ts"), serverBuild], {
    cwd: root,
    // A production process: none of the test runner's variables (VITEST would keep the worker from starting).
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))), NODE_ENV: "production", HOST: "127.0.0.1", PORT: String(options.port), LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  const url = `http://127.0.0.1:${options.port}`;
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`The app exited during start-up:\n${output}`);
    try {
      await fetch(`${url}/auth/login`);
      break;
    } catch {
      if (i > 150) throw new Error(`The app did not start within 30 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  const stop = (signal: NodeJS.Signals) => stopChild(child, signal);
  return { url, pid: child.pid!, output: () => output, close: () => stop("SIGTERM"), kill: () => stop("SIGKILL") };
}

/** `npm run worker` as its own process (the web process runs with WORKER_IN_PROCESS=false). */
export async function startWorkerProcess(options: { env: Record<string, string> }): Promise<Omit<RunningApp, "url">> {
  let output = "";
  const nodeArgs = (process.env.APP_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(process.execPath, [...SERVER_NODE_FLAGS, ...nodeArgs, "--import", "tsx", path.join(root, "scripts", "worker.ts")], {
    cwd: root,
    env: { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST"))), NODE_ENV: "production", LOG_LEVEL: "warn", ...options.env },
    stdio: ["ignore", "pipe", "pipe", "ipc"],
  });
  let ready = false;
  child.on("message", (message) => (ready ||= message === "ready"));
  child.stdout?.on("data", (d) => (output += String(d)));
  child.stderr?.on("data", (d) => (output += String(d)));
  for (let i = 0; !ready; i++) {
    if (child.exitCode !== null) throw new Error(`The worker exited during start-up:\n${output}`);
    if (i > 300) throw new Error(`The worker did not start within 30 s:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const stop = (signal: NodeJS.Signals) => stopChild(child, signal);
  return { pid: child.pid!, output: () => output, close: () => stop("SIGTERM"), kill: () => stop("SIGKILL") };
}

/** Sends the signal and resolves once the process has exited (at once if it already has). */
function stopChild(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  return new Promise<void>((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill(signal);
  });
}
