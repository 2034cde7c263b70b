// ChorusBench — the speed figures `chorus bench` prints, measured against baselines in the same run.
//
// Owns: `StoreBenchmark` (opening a workspace against Foundation's JSONDecoder, journal append
// latency, snapshot writing). Nothing here asserts a threshold; figures depend on the machine.
//
// May import: ChorusCore, ChorusStore (its package-level snapshot and manifest access), Foundation.
// Only the `chorus` executable imports it, so the domain and the store carry no benchmark code.
//
// Start reading: `StoreBenchmark.run`.
