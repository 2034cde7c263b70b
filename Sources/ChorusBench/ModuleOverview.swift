// ChorusBench — the speed figures `chorus bench` prints, measured against baselines in the same run.
//
// Owns: `StoreBenchmark` (opening a workspace against Foundation's JSONDecoder, journal append
// latency, snapshot writing), `ConsoleBenchmark` (opening to first frame, key press to finished
// frame, the bulk action, the overview and ledger lines), `TeamBenchmark` (appends with three
// writers, one console's change on another's screen), `ImportBenchmark` and
// `KeysDuringImportBenchmark` (the order import against Python, keys while another process
// imports), `PeakMemory` and `Stopwatch`. Nothing here asserts a threshold; figures depend on the
// machine. What belongs to the executable (its clock and person, `chorus import orders`, the
// terminal's store session) is handed in by `chorus bench`, which only parses and prints.
//
// May import: ChorusCore, ChorusStore (its package-level snapshot and manifest access), ChorusUI
// (the terminal-free console), ChorusGenerator (the generated program), ChorusConcurrency,
// Foundation. Only the `chorus` executable imports it, so the domain and the store carry no
// benchmark code.
//
// Start reading: `StoreBenchmark.run`, then `ConsoleBenchmark.run`.
