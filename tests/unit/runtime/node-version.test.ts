import { describe, expect, it } from "vitest";

// Shopify's packages need Node >= 22. The project brings Node 24 through npm (package "node"); if the
// install skipped scripts, npm would silently run everything on the machine's older Node.
describe("runtime", () => {
  it("runs on Node 22 or newer", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major, `running on Node ${process.version}; run through npm scripts after a normal npm install`).toBeGreaterThanOrEqual(22);
  });
});

describe("server process flags", () => {
  it("npm start runs the server with the same Node flags as the demo and the tests", async () => {
    const { SERVER_NODE_FLAGS } = await import("../../../scripts/server-node-flags");
    const { readFileSync } = await import("node:fs");
    const start = (JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as { scripts: { start: string } }).scripts.start;
    expect(start).toBe(`node ${SERVER_NODE_FLAGS.join(" ")} scripts/serve.ts build/server/index.js`);
  });
});
