// ChorusBench — the speed figures `chorus bench` prints, measured against baselines in the same run.
//
// Owns: `StoreBenchmark` (opening a workspace against Foundation's JSONDecoder, journal append
// latency, snapshot writing); `PeerBenchmark` (`--peers`: the targets beside DuckDB and Python's
// csv reader on the same data, with `PeerData` exporting the workspace for DuckDB and
// `DuckDBPeer` running the attribution rules in SQL); `ScaleBenchmark` (`--scale`: the growth
// curve); `MeasuredRun` (a program run from outside, timed by /usr/bin/time). Nothing here
// asserts a threshold; figures depend on the machine.
//
// May import: ChorusCore, ChorusStore (its package-level snapshot and manifest access),
// ChorusInterchange (CSV), Foundation. Only the `chorus` executable imports it, so the domain
// and the store carry no benchmark code.
//
// Start reading: `StoreBenchmark.run`, `PeerBenchmark.run`.
