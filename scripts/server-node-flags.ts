// Node flags of the app's server process, wherever it starts (npm start repeats them in package.json; a
// unit test keeps the two equal). The heap cap keeps the process inside its 300 MB memory budget: V8 grows
// the old generation far beyond the live data under load (the sync benchmark peaked at ~530 MB without
// it, ~280 MB with it, at the same throughput). The live data stays well under the cap — imports stream,
// work is bounded by the worker's concurrency — so a larger cap only buys slack, not capacity.
export const SERVER_NODE_FLAGS = ["--max-old-space-size=192"];
