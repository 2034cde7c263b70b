// ChorusConcurrency — running work on several cores, kept apart from the domain it speeds up.
//
// Owns: `Parallel` (split CPU-bound work over the cores, results in order) and `BackgroundWork`
// (one computation off the key path, collected between key presses).
//
// May import: the standard library, Foundation and Dispatch only; every other module may import it.
//
// Start reading: `Parallel`, then `BackgroundWork`.
