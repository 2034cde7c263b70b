extension Workspace {
    /// A creator's handle, read in place: reports name thousands of creators, and
    /// `creator(_:)` copies a whole record (address, notes, aliases) for each.
    public func handle(of id: CreatorID) -> String? {
        creatorPosition(id).map { creators[$0].handle }
    }
}
