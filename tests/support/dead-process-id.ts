// The pid of a process that has already exited: what a journal segment left by a crashed app is named after.
import { spawnSync } from "node:child_process";

export const deadProcessId = (): number => spawnSync(process.execPath, ["-e", ""]).pid!;
