import ChorusConcurrency
import ChorusCore

/// What a Pipeline filter searches (`CreatorSearchText`), per creators generation. Folded on
/// another thread once the first frame is up (`prepare`), since only a typed filter needs it;
/// a filter typed before it is ready waits for it.
final class SearchTextKeeper {
    private var had: (generation: Int, text: CreatorSearchText)?
    private var folding: (generation: Int, work: BackgroundWork<CreatorSearchText>)?

    /// Starts folding the creators' text on another thread, unless it is current or already
    /// being folded.
    func prepare(_ workspace: Workspace, creatorsGeneration: Int) {
        guard had?.generation != creatorsGeneration, folding?.generation != creatorsGeneration else { return }
        let creators = workspace.creators.rows
        folding = (creatorsGeneration, BackgroundWork { CreatorSearchText(creators) })
    }

    /// The text for the creators of `generation`: ready, finished by the thread folding it, or
    /// folded here and now.
    func text(_ workspace: Workspace, generation: Int) -> CreatorSearchText {
        if let had, had.generation == generation, had.text.count == workspace.creators.count { return had.text }
        var text = folding.flatMap { $0.generation == generation ? $0.work.wait() : nil } ?? CreatorSearchText(workspace.creators.rows)
        folding = nil
        if text.count != workspace.creators.count { text = CreatorSearchText(workspace.creators.rows) }
        had = (generation, text)
        return text
    }
}
