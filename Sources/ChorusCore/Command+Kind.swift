extension Command {
    /// The command's name as the journal writes it (`approve`, `importOrders`): what
    /// `chorus history --kind` filters on.
    public var kind: String {
        Mirror(reflecting: self).children.first?.label ?? String(describing: self)
    }
}
