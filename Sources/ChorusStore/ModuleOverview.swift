// ChorusStore — a workspace on disk: snapshot files, the journal, and several writers at once.
//
// Owns: the snapshot (`Snapshot`, one file per collection via `CollectionFile` and the row
// codecs; the small collections written per `WorkspaceEntity` kind), the journal and its entries,
// the folder log and locks shared between processes, compaction, the deferred order history, and
// the kept attribution file.
//
// May import: ChorusCore, ChorusConcurrency, Foundation. Never the UI or the command line; the
// benchmarks of this module live in ChorusBench.
//
// Start reading: `WorkspaceStore` (open, create, close), `WorkspaceStore+Perform` (applying a
// command and making it durable), then `Snapshot` and `JournalFile`.
