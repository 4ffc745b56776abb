// Node flags of the app's server process, wherever it starts (npm start repeats them in package.json; a
// unit test keeps the two equal). They keep the process inside its 300 MB memory budget: V8 grows the old
// generation far beyond the live data under load, and Node 24's default young generation is larger than
// this app needs (the sync benchmark peaked at ~530 MB without the caps, ~360 MB with the old-space cap
// alone, ~280 MB with both, at the same throughput). The live data stays well under the caps — imports
// stream, work is bounded by the worker's concurrency — so larger caps only buy slack, not capacity.
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192", "--max-semi-space-size=16"];
