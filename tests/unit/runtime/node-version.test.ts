import { describe, expect, it } from "vitest";

// Shopify's packages need Node >= 22. The project brings Node 24 through npm (package "node"); if the
// install skipped scripts, npm would silently run everything on the machine's older Node.
describe("runtime", () => {
  it("runs on Node 22 or newer", () => {
    const major = Number(process.versions.node.split(".")[0]);
    expect(major, `running on Node ${process.version}; run through npm scripts after a normal npm install`).toBeGreaterThanOrEqual(22);
  });
});
