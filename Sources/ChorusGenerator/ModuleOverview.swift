// ChorusGenerator: the sample program and the benchmarks' large workspaces.
//
// Owns a deterministic generator (`SeededRandom`) that builds a whole program — catalog,
// creators, pipeline, seeding, content, orders — through the same commands a brand's own files
// go through, and writes real-layout files for `sample-data/`. Imports ChorusCore and
// ChorusInterchange; nothing in the product depends on it except `chorus demo`/`generate`.
//
// Where to start reading: `SampleProgram.swift`, then `GeneratorOptions.swift`.
