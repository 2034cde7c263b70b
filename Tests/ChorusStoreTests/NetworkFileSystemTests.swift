import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A workspace on NFS, SMB/CIFS or a FUSE sync folder is never written: appends from several
/// people race there and locks are only emulated. The file system's type is injected.
final class NetworkFileSystemTests: XCTestCase {
    /// The real file system, claiming to be a network share.
    private struct OnANetworkShare: FileSystem {
        let kind: String
        let real = POSIXFileSystem()
        func fileExists(at path: String) -> Bool { real.fileExists(at: path) }
        func readFile(at path: String) throws -> [UInt8] { try real.readFile(at: path) }
        func readFile(at path: String, offset: Int, count: Int) throws -> [UInt8] { try real.readFile(at: path, offset: offset, count: count) }
        func createDirectory(at path: String) throws { try real.createDirectory(at: path) }
        func writeFile(at path: String, bytes: [UInt8]) throws { try real.writeFile(at: path, bytes: bytes) }
        func appendToFile(at path: String, bytes: [UInt8]) throws { try real.appendToFile(at: path, bytes: bytes) }
        func truncateFile(at path: String, toLength length: Int) throws { try real.truncateFile(at: path, toLength: length) }
        func renameFile(from source: String, to destination: String) throws { try real.renameFile(from: source, to: destination) }
        func syncDirectory(at path: String) throws { try real.syncDirectory(at: path) }
        func removeFile(at path: String) throws { try real.removeFile(at: path) }
        func networkFileSystem(at path: String) -> String? { kind }
    }

    func testAWorkspaceOnANetworkShareOpensOnlyForReading() throws {
        let folder = StoreFixtures.temporaryFolder()
        try WorkspaceStore.create(at: folder, workspace: StoreFixtures.richWorkspace).close()
        let before = try StoreFixtures.contents(of: folder)
        for kind in ["NFS", "SMB/CIFS", "FUSE"] {
            let share = OnANetworkShare(kind: kind)
            let error = assertStoreError(try WorkspaceStore.open(at: folder, fileSystem: share))
            XCTAssertEqual(error?.kind, .networkFileSystem)
            XCTAssertTrue(error?.message.contains("is on a network or sync file system (\(kind)), where appends from several people race") ?? false,
                          error?.description ?? "")
            XCTAssertTrue(error?.message.contains("shared database mode") ?? false, error?.description ?? "")
            XCTAssertEqual(try WorkspaceStore.open(at: folder, mode: .readOnly, fileSystem: share).workspace, StoreFixtures.richWorkspace,
                           "reading is fine")
        }
        XCTAssertEqual(try StoreFixtures.contents(of: folder), before, "nothing was written")
        XCTAssertEqual(assertStoreError(try WorkspaceStore.create(at: StoreFixtures.temporaryFolder("share"), workspace: StoreFixtures.richWorkspace,
                                                                  fileSystem: OnANetworkShare(kind: "NFS")))?.kind, .networkFileSystem)
    }

    func testMountTypesAreNamedAsPeopleKnowThem() {
        XCTAssertEqual(["nfs", "nfs4", "cifs", "smb3", "fuse.rclone", "fuse", "ext4", "overlay", "tmpfs", nil].map(NetworkFileSystems.kind(ofMountType:)),
                       ["NFS", "NFS", "SMB/CIFS", "SMB/CIFS", "FUSE", "FUSE", nil, nil, nil, nil])
        XCTAssertNil(POSIXFileSystem().networkFileSystem(at: StoreFixtures.temporaryFolder()), "the test machine's temporary folder is local")
    }
}
