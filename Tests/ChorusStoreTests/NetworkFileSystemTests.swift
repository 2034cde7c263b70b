import ChorusCore
@testable import ChorusStore
import Foundation
import XCTest

/// A workspace on NFS, SMB/CIFS or a FUSE sync folder is never written: appends from several
/// people race there and locks are only emulated. The file system's type is injected.
final class NetworkFileSystemTests: XCTestCase {
    /// The real file system, claiming to be a network share.
    private struct OnANetworkShare: ForwardsToDisk {
        let kind: String
        let disk = POSIXFileSystem()
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
