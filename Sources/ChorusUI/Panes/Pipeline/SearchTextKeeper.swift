import ChorusConcurrency
import ChorusCore

/// What a Pipeline filter searches (`CreatorSearchText`), per creators generation. Folded on
/// another thread once the first frame is up (`prepare`), since only a typed filter needs it;
/// a filter typed before it is ready waits for it. A few creators edited carry it on to the
/// next generation (`carry`) instead of folding every creator again.
final class SearchTextKeeper {
    private var had: (generation: Int, text: CreatorSearchText)?
    private var folding: (generation: Int, work: BackgroundWork<CreatorSearchText?>)?
    /// How often every creator was folded, here or on another thread (tests count them).
    private(set) var folds = 0

    /// Starts folding the creators' text on another thread, unless it is current, already being
    /// folded, or can be carried on to `creatorsGeneration` (`carry`).
    func prepare(_ workspace: Workspace, creatorsGeneration: Int, edited: (_ since: Int) -> CreatorsReplaced? = { _ in nil }) {
        guard had?.generation != creatorsGeneration, folding?.generation != creatorsGeneration,
              !carry(to: creatorsGeneration, in: workspace, edited: edited) else { return }
        let creators = workspace.creators
        folding = (creatorsGeneration, BackgroundWork { CreatorSearchText(creators) })
        folds += 1
    }

    /// Carries the text held (or being folded) on to `generation` when the creators edited since
    /// its own generation are known one by one, few, and none added or removed: the text takes
    /// them in as they are now. Only the edited creators are captured, not every creator: a copy
    /// of the workspace's creators held here would make the next change copy a million of them.
    /// False when it could not be carried.
    @discardableResult
    func carry(to generation: Int, in workspace: Workspace, edited: (_ since: Int) -> CreatorsReplaced?) -> Bool {
        if let had, had.generation == generation { return true }
        if var text = had?.text, let since = had?.generation,
           let positions = workspace.positions(ofEdited: edited(since), most: CreatorSearchText.mostEdited) {
            had = nil  // so the text's buffers are its own, changed in place rather than copied
            guard text.replace(positions.map { ($0, workspace.creators[$0]) }) else { return false }
            had = (generation, text)
            return true
        }
        if let folding, let positions = workspace.positions(ofEdited: edited(folding.generation), most: CreatorSearchText.mostEdited) {
            let (work, creators) = (folding.work, positions.map { ($0, workspace.creators[$0]) })
            self.folding = (generation, BackgroundWork { work.wait()?.replacing(creators) })
            return true
        }
        return false
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
        return CreatorSearchText(workspace.creators)
    }
}
