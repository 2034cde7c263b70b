// ChorusBench — the speed figures `chorus bench` prints, measured against baselines in the same run.
//
// Owns: `StoreBenchmark` (opening a workspace against Foundation's JSONDecoder, journal append
// latency, snapshot writing), `ConsoleBenchmark` (opening to first frame, key press to finished
// frame, the bulk action, the overview and ledger lines), `TeamBenchmark` (appends with three
// writers, one console's change on another's screen), `ImportBenchmark` and
// `KeysDuringImportBenchmark` (the order import against Python, keys while another process
// imports), `PeerBenchmark` (`--peers`: the targets beside DuckDB and Python's csv reader on the
// same data, with `PeerData` exporting the workspace for DuckDB and `DuckDBPeer` running the
// attribution rules in SQL), `ScaleBenchmark` (`--scale`: the growth curve), `MeasuredRun` (a
// program run from outside, timed by /usr/bin/time), `BenchmarkProcess` (the one place the bench
// starts another program), `PeakMemory` and `Stopwatch`. Nothing here asserts a threshold;
// figures depend on the machine. What belongs to the executable (its clock and person, `chorus
// import orders`, the terminal's store session) is handed in by `chorus bench`, which only
// parses and prints.
//
// May import: ChorusCore, ChorusStore (its package-level snapshot and manifest access), ChorusUI
// (the terminal-free console), ChorusGenerator (the generated program), ChorusInterchange (CSV),
// ChorusConcurrency, Foundation. Only the `chorus` executable imports it, so the domain and the
// store carry no benchmark code.
//
// Start reading: `StoreBenchmark.run`, then `ConsoleBenchmark.run`, `PeerBenchmark.run`.
