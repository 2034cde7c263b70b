import ChorusCore
import Foundation

/// What the console's opening screen shows of a big workspace, read in a fraction of the time
/// the whole of it takes: of the creators only those in the wave the Pipeline opens on, with
/// their enrollments, and everything else but the order history, with the journal replayed. At
/// a million creators, decoding them all is most of the second and a half before a console can
/// draw; the Pipeline shows a few hundred of them.
///
/// A preview is only a picture: the console draws it and takes no key until the workspace is
/// open. So it is made only when it is the same picture — when every journal entry after the
/// snapshot replays on it as on the whole workspace. It is not made (nil) when an entry adds
/// creators (an import matches them against every creator there is) or needs the order
/// history, when an entry reaches a creator the preview does not have (it has those the
/// journal names), when the journal changes which wave the Pipeline opens on, or when anything
/// cannot be read (the full open then says why).
public struct WorkspacePreview {
    public let workspace: Workspace
    /// How many creators the whole workspace has, for saying what is still being read.
    public let creatorCount: Int
    /// What was read whole, for the full open to take (`WorkspaceStore.open(…reusing:)`).
    public let files: PreviewedFiles

    /// Below this many creators the whole workspace opens in a fifth of a second; a preview
    /// there saved less than it put off the first key (measured at 100 000: 0.13 against
    /// 0.19–0.22 s for the picture, keys answered 0.1 s later).
    public static let minimumCreators = 150_000

    /// `openingWave`: the wave the console opens the Pipeline on, given a workspace (the
    /// person's remembered wave, or the live one); asked of the snapshot and again of the
    /// preview once the journal is replayed.
    public static func read(at url: URL, minimumCreators: Int = Self.minimumCreators,
                            openingWave: (Workspace) -> WaveID?) -> WorkspacePreview? {
        try? read(from: url.path, fileSystem: POSIXFileSystem(), minimumCreators: minimumCreators, openingWave: openingWave)
    }

    static func read(from folder: String, fileSystem: any FileSystem, minimumCreators: Int,
                     openingWave: (Workspace) -> WaveID?) throws -> WorkspacePreview? {
        // The size first, from the manifest alone: every console start asks, and most workspaces
        // are too small for a preview.
        guard try Snapshot.manifest(in: folder, fileSystem: fileSystem).rows(of: CreatorRowCodec.collection) ?? 0 >= minimumCreators
        else { return nil }
        try SymbolicLinks.refuse(in: folder, fileSystem: fileSystem)  // as the full open does
        // Held while reading, without waiting: a workspace under maintenance (`chorus migrate`,
        // `repair`) has no preview, and the open says what it waits for before the screen is taken.
        let lock = try WorkspaceLock.acquire(folder: folder, shared: true)
        defer { lock.release() }
        let (manifest, program, files) = try Snapshot.header(of: folder, fileSystem: fileSystem)
        let creatorsFile = files[CreatorRowCodec.collection]!, enrollmentsFile = files[EnrollmentRowCodec.collection]!
        let entries = try journal(after: manifest, in: folder, fileSystem: fileSystem)
        guard entries.allSatisfy({ Self.replaysOnAPreview($0.command) }) else { return nil }

        let currency = program.program.currency
        let (enrollments, small) = try SmallCollections.read(files, fileSystem: fileSystem) {
            try CollectionFile.decode(file: enrollmentsFile.path, fileSystem: fileSystem, as: EnrollmentRowCodec.self,
                                      currency: currency, expectedRows: enrollmentsFile.rows)
        }

        guard let wave = openingWave(Workspace(program: program.program, waves: program.waves)) else { return nil }
        // The wave's creators, and those the journal names (some of them joined it since).
        var shown = Set(enrollments.lazy.filter { $0.waveID == wave }.map(\.creatorID.rawValue))
        for entry in entries { shown.formUnion(Self.creatorsNamed(by: entry.command).map(\.rawValue)) }
        let creators = try CollectionFile.decode(file: creatorsFile.path, fileSystem: fileSystem, as: CreatorRowCodec.self,
                                                 currency: currency, expectedRows: creatorsFile.rows, keepingIDs: shown, id: { $0.id.rawValue })
        // Their enrollments in every wave (the creator beside the list shows them), and no other:
        // indexing nine hundred thousand took a fifth of a second.
        let theirs = enrollments.filter { shown.contains($0.creatorID.rawValue) }
        var preview = Snapshot.workspace(program, creators: creators, enrollments: theirs, small: small, indexingHandlesLater: true)
        preview.deferOrderHistory(orders: files[OrderRowCodec.collection]!.rows)
        for entry in entries {
            guard (try? preview.apply(entry.command, context: CommandContext(now: entry.at, actor: entry.actor, isReplay: true))) != nil
            else { return nil }
        }
        guard openingWave(preview) == wave,
              preview.enrollments.allSatisfy({ $0.waveID != wave || preview.creator($0.creatorID) != nil }) else { return nil }
        return WorkspacePreview(workspace: preview, creatorCount: creatorsFile.rows,
                                files: PreviewedFiles(manifest: manifest, enrollments: enrollments, small: small))
    }

    /// The journal's entries after the snapshot, read without the lock (as a reader does). A last
    /// line that cannot be read, or is cut short, is for the full open to explain: no preview.
    private static func journal(after manifest: Manifest, in folder: String, fileSystem: any FileSystem) throws -> [JournalEntry] {
        let log = FolderLog(folder: folder, fileSystem: fileSystem, snapshotThrough: manifest.journalSequence, lockWait: 0)
        let entries = try log.openingEntries(of: manifest, holdingAppendLock: false)
        if log.journal.unreadableLastLine != nil || log.journal.tornLine != nil {
            throw StoreError(.corrupt, file: log.journal.path, "its last line is for the full open to explain")
        }
        return entries.filter { $0.seq > manifest.journalSequence }
    }

    /// The creators a command acts on by id, which its replay needs (and their enrollments).
    static func creatorsNamed(by command: Command) -> [CreatorID] {
        switch command {
        case .enroll(let ids, _, _), .advanceStage(let ids, _), .revertStage(let ids, _), .exitPipeline(let ids, _, _, _),
             .promote(let ids, _, _), .setDueDate(let ids, _, _), .draftMessages(_, _, let ids), .markMessagesSent(_, _, let ids):
            return ids
        case .updateCreator(let creator): return [creator.id]
        case .queueShipments(let requests): return requests.map(\.creatorID)
        case .setPayoutDetails(let details): return details.map(\.creatorID)
        default: return []
        }
    }

    /// Whether a journaled command does on a preview what it did on the whole workspace, as far
    /// as the opening wave's screen shows: it acts on items it names (failing for a creator the
    /// preview lacks), rather than adding creators or reading orders.
    static func replaysOnAPreview(_ command: Command) -> Bool {
        guard !command.needsOrderHistory else { return false }
        switch command {
        case .addCreators, .importCreators: return false
        case .restore(let point, _): return point.creators.isEmpty && point.remove.creators.isEmpty
        default: return true
        }
    }
}

/// What a preview read whole — every enrollment and the small collections — which the full
/// open takes instead of reading again while the snapshot is the same generation: the preview
/// then costs the open only its pass over the creators.
public struct PreviewedFiles {
    let manifest: Manifest
    let enrollments: [Enrollment]
    let small: SmallCollections
}
