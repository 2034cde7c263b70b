// ChorusCore — the domain of a micro-influencer program, as plain values.
//
// Owns: every entity (waves, creators, enrollments, SKUs, shipments, submissions, assets,
// discount codes, tracking links, orders, survey responses, payout runs), the commands that change
// them with their rules and refusals, undo (restore points), and what is derived from them:
// attribution, the ledger, fit scores, payouts, program figures.
//
// May import: the standard library, Foundation and Dispatch, and ChorusConcurrency (the only
// performance machinery it uses: `Parallel` for million-order loops, `BackgroundWork` for the
// order table built beside the others and figures derived off the key path). No I/O, no clock, no UI.
//
// Start reading: `Workspace` (the state; each kind of entity is an `EntityTable`), then
// `WorkspaceEntity` (the kinds, declared once), `Command` (every change), `Apply` and
// `ChangeRecorder` (how a command changes the workspace and records its undo) and `RestorePoint`.
// Adding a kind of entity: its conformance in `WorkspaceEntity.swift`, its table in `Workspace`,
// its list and key set in `RestorePoint`/`RemovalKeys`, and one line in `EntityKinds.visitAll`.
