import ChorusCore
import Foundation

extension WorkspaceStore {
    /// `open(at:mode:)` for callers that hold file URLs (the CLI's arguments, Foundation APIs).
    public static func open(at url: URL, mode: Mode = .readWrite, deferringOrderHistory: Bool = false,
                            waitingForLock: Double = 0, whileWaiting: (String) -> Void = { _ in },
                            fileSystem: any FileSystem = POSIXFileSystem(), reusing preview: PreviewedFiles? = nil) throws -> WorkspaceStore {
        try open(at: url.path, mode: mode, deferringOrderHistory: deferringOrderHistory, waitingForLock: waitingForLock,
                 whileWaiting: whileWaiting, fileSystem: fileSystem, reusing: preview)
    }

    /// `create(at:workspace:)` for callers that hold file URLs.
    public static func create(at url: URL, workspace: Workspace, fileSystem: any FileSystem = POSIXFileSystem()) throws -> WorkspaceStore {
        try create(at: url.path, workspace: workspace, fileSystem: fileSystem)
    }
}
