import ChorusCore

/// The session behind the picture a console draws while its workspace opens (see
/// `WorkspacePreview`): the terminal draws one frame of it and reads no key until the real
/// session is there, so nothing is ever performed on it.
public final class PreviewSession: ConsoleSession {
    public let workspace: Workspace
    /// As a console's is at its first frame: the order history is still to be read.
    public let derived = DerivedFigures(isLoadingOrders: true)
    /// How many creators the whole workspace has.
    let creatorCount: Int

    public init(_ workspace: Workspace, creatorCount: Int) {
        self.workspace = workspace
        self.creatorCount = creatorCount
    }

    /// The status line under the picture.
    public var status: String { "opening \(creatorCount) creators…" }

    public func perform(_ command: Command) throws -> AppliedCommand {
        throw DomainError("the workspace is still opening; try again in a moment")
    }
}
