import ChorusConcurrency
import ChorusCore

/// What a Pipeline filter searches (`CreatorSearchText`), per creators generation. Folded on
/// another thread once the first frame is up (`prepare`), since only a typed filter needs it;
/// a filter typed before it is ready waits for it. A few creators edited carry it on to the
/// next generation (`replace`) instead of folding every creator again.
final class SearchTextKeeper {
    private var had: (generation: Int, text: CreatorSearchText)?
    private var folding: (generation: Int, work: BackgroundWork<CreatorSearchText?>)?
    /// How often every creator was folded, here or on another thread (tests count them).
    private(set) var folds = 0

    /// Starts folding the creators' text on another thread, unless it is current or already
    /// being folded.
    func prepare(_ workspace: Workspace, creatorsGeneration: Int) {
        guard had?.generation != creatorsGeneration, folding?.generation != creatorsGeneration else { return }
        let creators = workspace.creators.rows
        folding = (creatorsGeneration, BackgroundWork { CreatorSearchText(creators) })
        folds += 1
    }

    /// The creators at `positions` were edited, taking the creators from generation `old` to
    /// `new`: the text held (or being folded) for `old` becomes `new`'s with them as they are
    /// now. Only the edited creators are captured, not every creator: a copy of the workspace's
    /// creators held here would make the next change copy a million of them.
    func replace(_ positions: [Int], from old: Int, to new: Int, in workspace: Workspace) {
        let edited = positions.map { ($0, workspace.creators[$0]) }
        if var text = had?.text, had?.generation == old {
            had = nil  // so the text's buffers are its own, changed in place rather than copied
            if text.replace(edited) { had = (new, text) }
        } else if let folding, folding.generation == old {
            let work = folding.work
            self.folding = (new, BackgroundWork { work.wait()?.replacing(edited) })
        }
    }

    /// The text for the creators of `generation`: ready, finished by the thread folding it, or
    /// folded here and now.
    func text(_ workspace: Workspace, generation: Int) -> CreatorSearchText {
        if let had, had.generation == generation, had.text.count == workspace.creators.count { return had.text }
        var text = folding.flatMap { $0.generation == generation ? $0.work.wait() : nil } ?? fold(workspace)
        folding = nil
        if text.count != workspace.creators.count { text = fold(workspace) }
        had = (generation, text)
        return text
    }

    private func fold(_ workspace: Workspace) -> CreatorSearchText {
        folds += 1
        return CreatorSearchText(workspace.creators.rows)
    }
}
