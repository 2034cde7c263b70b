import ChorusUI
import Foundation

/// Keys whose cost lies partly in what they set off in the background: an edit and its undo,
/// measured once the console has taken in what the last change set off, and while it has not.
extension ConsoleBenchmark {
    /// A creator's name edited in the form and saved (Ctrl-s), then undone (`z`), each press to
    /// finished frame once the figures the last change set off are derived (while they are,
    /// the derivation holds the workspace as it was, and a change copies the table it changes:
    /// measured apart, as an undo pressed at once after the save and a stage move at once after
    /// its redo); then the first filter character after them, which searches the creators as they
    /// now are.
    func measureCreatorEdit(_ console: Console) -> String {
        var saves: [Duration] = [], undos: [Duration] = [], filters: [Duration] = []
        var atOnce: [Duration] = [], stageAtOnce: [Duration] = []
        var outcomes: Set<String> = []
        func timed(_ key: ChorusUI.Key) -> Duration {
            let start = ContinuousClock.now
            console.press(key)
            _ = console.frame()
            return ContinuousClock.now - start
        }
        func settle() { Self.settle(console) }
        // One round untimed first: this benchmark still holds the workspace it opened, so the
        // first change to the creators copies them.
        for round in 0..<5 {
            console.press(.character("e"))
            console.press(.tab)
            console.press(.character(round % 2 == 0 ? "x" : "y"))
            settle()
            let save = timed(.control("s"))
            outcomes.insert(console.state.message?.text ?? "")
            let undoAtOnce = timed(.character("z"))
            settle()
            console.press(.character("Z"))
            settle()
            let undo = timed(.character("z"))
            outcomes.insert(console.state.message?.text ?? "")
            console.press(.character("/"))
            let filter = timed(.character("a"))
            console.press(.escape)
            console.press(.escape)
            // The edit done again sets its figures off once more; a stage move meanwhile
            // changes the enrollments the derivation holds.
            console.press(.character("Z"))
            let stageMoveAtOnce = timed(.character(">"))
            console.press(.character("z"))
            settle()
            guard round > 0 else { continue }
            saves.append(save)
            atOnce.append(undoAtOnce)
            stageAtOnce.append(stageMoveAtOnce)
            undos.append(undo)
            filters.append(filter)
        }
        settle()
        return "  edit a creator's name and save (e, Ctrl-s): \(Self.keySummary(saves)); its undo (z): \(Self.keySummary(undos)); "
            + "the first filter character after: \(Self.keySummary(filters))\n"
            + "    the undo pressed at once, while the save's figures are derived: \(Self.keySummary(atOnce)); "
            + "a stage move (>) pressed at once after its redo: \(Self.keySummary(stageAtOnce))\n"
            + "    (\(outcomes.sorted().joined(separator: "; ")))"
    }

    /// A creator's name saved, undone and redone at once (each changes what survey answers
    /// credit), until the figures for where they end are derived and taken in, with the peak
    /// memory meanwhile: what a coordinator's quick run of renames costs the machine, which
    /// decides attribution for the last of them only once the one running has ended.
    func measureEditsInARow(_ console: Console) -> String {
        var untilDerived: [Duration] = [], peaks: [Int] = []
        Self.settle(console)
        for round in 0..<3 {
            console.press(.character("e"))
            console.press(.tab)
            console.press(.character(round % 2 == 0 ? "x" : "y"))
            PeakMemory.reset()
            let start = ContinuousClock.now
            for key: ChorusUI.Key in [.control("s"), .character("z"), .character("Z")] {
                console.press(key)
                _ = console.frame()
            }
            Self.settle(console)
            untilDerived.append(ContinuousClock.now - start)
            peaks.append(PeakMemory.megabytes)
            console.press(.character("z"))
            Self.settle(console)
        }
        return "  a name saved, undone and redone at once (e, Ctrl-s, z, Z), until their figures are derived: "
            + untilDerived.map(Stopwatch.format).joined(separator: ", ") + "; peak memory meanwhile: "
            + peaks.map { "\($0) MB" }.joined(separator: ", ")
    }

    /// Takes in background work as the terminal does between key presses, until none is left:
    /// what finishes may start more (figures taken in make the Pipeline's columns scored again,
    /// and its big waves built again). True if there was any.
    @discardableResult
    static func settle(_ console: Console) -> Bool {
        var worked = false
        while true {
            let tookIn = console.collectBackgroundWork()
            guard tookIn || console.isWorkingInBackground else { return worked }
            worked = true
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}
