import ChorusCore

/// The palette's tracking edits in the Pipeline pane: `:codes` gives the marked creators (or
/// the cursor creator) a discount code each, `:slug` changes the cursor creator's link slug.
/// Both are one undoable command, and the status says what was made, since the codes and
/// links go straight into onboarding emails.
enum TrackingUpdate {
    /// `:codes PATTERN percent|fixed VALUE [limit N] [once]` for the wave on screen.
    static func makeCodes(_ text: String, _ state: inout UIState, context: UpdateContext, creators ids: [CreatorID]) -> [Effect] {
        let workspace = context.workspace
        let creators = ids.compactMap(workspace.creator)
        guard !creators.isEmpty else {
            state.message = StatusMessage(.warning, "no creator to make codes for; mark some with Space")
            return []
        }
        do {
            let request = try CodeBatchRequest(text, wave: state.pipeline.waveID, currency: workspace.program.currency)
            let codes = try request.pattern.codes(for: creators, terms: request.terms) { workspace.discountCode($0) != nil }
            let example = codes[0]
            let summary = "made \(codes.count) \(codes.count == 1 ? "code" : "codes"), e.g. \(example.code) for @\(creators[0].handle)"
            return [.performSummarized(.addDiscountCodes(codes), summary: summary)]
        } catch {
            state.message = StatusMessage(.error, String(describing: error))
            return []
        }
    }

    /// `:slug NEW-SLUG` for one creator; refuses a slug another creator's link already uses,
    /// because two creators on one slug would split or steal each other's link orders.
    static func editSlug(_ text: String, _ state: inout UIState, context: UpdateContext, creator id: CreatorID?) -> [Effect] {
        guard var creator = id.flatMap(context.workspace.creator) else {
            state.message = StatusMessage(.warning, "no creator to act on")
            return []
        }
        let slug = text.trimmingSpaces.lowercased()
        guard !slug.isEmpty, slug.unicodeScalars.allSatisfy(isSlugCharacter) else {
            state.message = StatusMessage(.warning, "a link slug is letters, digits, - _ and . only: type :slug NEW-SLUG")
            return []
        }
        if let owner = context.workspace.creators.first(where: { $0.id != creator.id && $0.effectiveLinkSlug.lowercased() == slug }) {
            state.message = StatusMessage(.error, "the link slug \(slug) is already @\(owner.handle)'s; pick another")
            return []
        }
        guard slug != creator.effectiveLinkSlug.lowercased() else {
            state.message = StatusMessage(.info, "@\(creator.handle)'s link slug is already \(slug)")
            return []
        }
        creator.linkSlug = slug
        return [.performSummarized(.updateCreator(creator), summary: "link slug of @\(creator.handle) is now \(slug)")]
    }

    private static func isSlugCharacter(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "_" || scalar == "."
    }
}
