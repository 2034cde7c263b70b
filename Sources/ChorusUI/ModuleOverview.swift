// ChorusUI: the console without a terminal.
//
// Owns the console's state and everything that decides what a key does and what the screen
// shows; draws frames into a `Grid` of styled cells that ChorusTerminal copies to ncurses, so
// every screen is testable as text. Imports only ChorusCore, and ChorusConcurrency for
// `BackgroundWork` (the Pipeline's search text is folded off the key path): it never reads
// files, talks to the store or starts threads by hand — the `ConsoleSession` it is given does that.
//
// Where to start reading: `Runtime/ConsoleEvent.swift` (everything that can happen),
// `Runtime/EventUpdate.swift` (the one `update`), `Runtime/Console.swift` (carrying effects
// out and feeding their results back), then `Keys/KeyMap.swift` and one pane's folder under
// `Panes/` (each has its State, Rows, Update and Pane files).
