import ChorusCore
import Foundation

/// The whole workspace as files: `program.json`, one file per collection, and the manifest
/// `chorus.json` that ties one generation of them together.
///
/// Writing is crash-safe without ever overwriting a live file: the new generation's files are
/// written and synced under new names, the folder is synced, and only then does a new manifest
/// replace the old one by rename (then the folder is synced again). Until that rename the old
/// snapshot is the workspace; after it, the new one is.
package enum Snapshot {
    /// Collections written as one `Codable` object per line (few rows, deeply nested values),
    /// each file named by its kind (`WorkspaceEntity.name`).
    private static let smallKinds: [any WorkspaceEntity.Type] = [Shipment.self, Submission.self, Asset.self, DiscountCode.self, TrackingLink.self]
    /// Optional: written once there is a run, read as empty when a manifest does not list it, so
    /// workspaces from before payout runs open unchanged.
    private static let optionalKinds: [any WorkspaceEntity.Type] = [PayoutRun.self]

    static let collectionNames = [CreatorRowCodec.collection, EnrollmentRowCodec.collection, OrderRowCodec.collection,
                                  SurveyResponseRowCodec.collection] + smallKinds.map { $0.name }

    /// Every kind of file a generation can have, `program` and the optional ones included: what
    /// a generation's files are called (`orders-3.json`), for removing them.
    static let fileKinds = ["program"] + collectionNames + optionalKinds.map { $0.name }

    static func write(_ workspace: Workspace, to folder: String, generation: Int, journalSequence: Int,
                      segments: [JournalSegment], fileSystem: any FileSystem) throws -> Manifest {
        let files = try writeFiles(workspace, to: folder, generation: generation, fileSystem: fileSystem)
        return try commit(files, in: folder, generation: generation, journalSequence: journalSequence, segments: segments,
                          fileSystem: fileSystem)
    }

    /// The files of one generation, written and synced but not yet current.
    package struct Files: Sendable {
        var program: String
        var collections: [Manifest.Collection]
    }

    /// Writes and syncs a generation's files. Nothing refers to them until `commit`, so this
    /// can run on another thread while the store goes on journaling commands. A collection
    /// in `reusing` is already in that file byte for byte: it is linked, and written only if it
    /// cannot be (a file system without links, a file gone meanwhile); one whose first rows
    /// are in it is written as those bytes with the other rows after them, when the file is
    /// as this build writes it (`CollectionFile.HeldRows`).
    package static func writeFiles(_ workspace: Workspace, to folder: String, generation: Int, reusing: [String: ReusedFile] = [:],
                                   fileSystem: any FileSystem) throws -> Files {
        let currency = workspace.program.currency
        var collections: [Manifest.Collection] = []
        // The big collections go to disk in pieces as they are encoded, never whole.
        /// `extending`: a cheaper way to the same bytes, tried first; whatever stops it (the
        /// file it copies gone or not what it should be), the file is written from `pieces`.
        func put(_ name: String, rows: Int, extending: ((_ write: ([UInt8]) throws -> Void) throws -> Void)? = nil,
                 pieces: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws {
            let file = Manifest.fileName(name, generation: generation), path = folder + "/" + file
            let whole = reusing[name].flatMap { $0.heldRows == nil ? $0.path : nil }
            let linked = whole.map { (try? fileSystem.linkFile(at: $0, to: path)) != nil } ?? false
            let extended = !linked && extending.map { (try? fileSystem.writeFile(at: path, pieces: $0)) != nil } ?? false
            if !linked && !extended { try fileSystem.writeFile(at: path, pieces: pieces) }
            collections.append(Manifest.Collection(name: name, file: file, rows: rows))
        }
        func put<Codec: RowCodec>(_ table: EntityTable<Codec.Row>, as codec: Codec.Type) throws where Codec.Row: TableKeyed {
            let held = reusing[Codec.collection].flatMap { reused in
                reused.heldRows.flatMap { CollectionFile.HeldRows(reused.path, rows: $0, of: table.count, as: codec, fileSystem: fileSystem) }
            }
            try put(Codec.collection, rows: table.count,
                    extending: held.map { held in { try held.write(table, as: codec, currency: currency, fileSystem: fileSystem, to: $0) } }) {
                try CollectionFile.write(table, as: codec, currency: currency, to: $0)
            }
        }
        let programFile = Manifest.fileName("program", generation: generation)
        try fileSystem.writeFile(at: folder + "/" + programFile, bytes: try encodeProgram(workspace))
        try put(workspace.creators, as: CreatorRowCodec.self)
        try put(workspace.enrollments, as: EnrollmentRowCodec.self)
        try put(workspace.orders, as: OrderRowCodec.self)
        try put(workspace.surveyResponses, as: SurveyResponseRowCodec.self)
        func putSmall<Entity: WorkspaceEntity>(_ kind: Entity.Type) throws {
            let rows = workspace[keyPath: Entity.table].rows
            guard !rows.isEmpty || !optionalKinds.contains(where: { $0 == kind }) else { return }
            try put(Entity.name, rows: rows.count) { try $0(try CollectionFile.encodeCodable(rows, collection: Entity.name)) }
        }
        for kind in smallKinds + optionalKinds { try putSmall(kind) }
        try fileSystem.syncDirectory(at: folder)
        return Files(program: programFile, collections: collections)
    }

    /// Each collection's `EntityTable.rowsVersion` in `workspace`, by the name its file has.
    static func rowsVersions(of workspace: Workspace) -> [String: RowsVersion] {
        var versions = [CreatorRowCodec.collection: workspace.creators.rowsVersion, EnrollmentRowCodec.collection: workspace.enrollments.rowsVersion,
                        OrderRowCodec.collection: workspace.orders.rowsVersion, SurveyResponseRowCodec.collection: workspace.surveyResponses.rowsVersion]
        func version<Entity: WorkspaceEntity>(_ kind: Entity.Type) -> RowsVersion { workspace[keyPath: Entity.table].rowsVersion }
        for kind in smallKinds + optionalKinds { versions[kind.name] = version(kind) }
        return versions
    }

    /// Makes a written generation current: the manifest naming its files replaces the old one
    /// atomically (write, sync, rename, sync the folder).
    static func commit(_ files: Files, in folder: String, generation: Int, journalSequence: Int,
                       segments: [JournalSegment], fileSystem: any FileSystem) throws -> Manifest {
        let manifest = Manifest(format: Manifest.format, schemaVersion: Manifest.schemaVersion, generation: generation,
                                journalSequence: journalSequence, savedAt: .now, program: files.program,
                                collections: files.collections, journalFormat: JournalEntry.currentFormat, segments: segments)
        try put(manifest, in: folder, fileSystem: fileSystem)
        return manifest
    }

    /// Puts `manifest` in place atomically: written and synced under a temporary name, renamed
    /// over the old one, the folder synced.
    static func put(_ manifest: Manifest, in folder: String, fileSystem: any FileSystem) throws {
        let temporary = folder + "/" + Manifest.fileName + ".tmp"
        try fileSystem.writeFile(at: temporary, bytes: try manifest.encoded())
        try fileSystem.renameFile(from: temporary, to: folder + "/" + Manifest.fileName)
        try fileSystem.syncDirectory(at: folder)
    }

    /// The manifest currently in place in `folder`.
    static func manifest(in folder: String, fileSystem: any FileSystem) throws -> Manifest {
        let path = folder + "/" + Manifest.fileName
        return try Manifest.decode(try fileSystem.readFile(at: path), file: path)
    }

    /// Reads the snapshot the manifest names. Every problem is a `StoreError` naming the file.
    /// With `deferringOrderHistory`, orders and survey responses are left out and returned as
    /// a loader to run later (on another thread), so the rest can be shown first; the handle
    /// index, too, is left until first needed or `Workspace.startIndexingHandles()`.
    ///
    /// What `reusing` holds (a preview's reading) is taken instead of read again, if it was read
    /// from the same generation: a generation's files are never rewritten.
    static func read(from folder: String, fileSystem: any FileSystem, deferringOrderHistory: Bool = false,
                     reusing preview: PreviewedFiles? = nil) throws -> (Workspace, Manifest, OrderHistoryLoader?) {
        let (manifest, program, files) = try header(of: folder, fileSystem: fileSystem)
        let currency = program.program.currency
        let reused = preview?.manifest == manifest ? preview : nil

        func big<Codec: RowCodec>(_ codec: Codec.Type) throws -> [Codec.Row] {
            let file = files[Codec.collection]!
            return try CollectionFile.decode(file: file.path, fileSystem: fileSystem, as: codec, currency: currency, expectedRows: file.rows)
        }

        let loader = OrderHistoryLoader(orders: files[OrderRowCodec.collection]!, surveyResponses: files[SurveyResponseRowCodec.collection]!,
                                        currency: currency, fileSystem: fileSystem)
        let creators: [Creator], enrollments: [Enrollment], small: SmallCollections
        if let reused {
            (creators, enrollments, small) = (try big(CreatorRowCodec.self), reused.enrollments, reused.small)
        } else {
            ((creators, enrollments), small) = try SmallCollections.read(files, fileSystem: fileSystem) {
                (try big(CreatorRowCodec.self), try big(EnrollmentRowCodec.self))
            }
        }
        var workspace = Self.workspace(program, creators: creators, enrollments: enrollments, small: small,
                                       indexingHandlesLater: deferringOrderHistory)
        if deferringOrderHistory { workspace.deferOrderHistory(orders: loader.orderCount) } else { workspace.attachOrderHistory(try loader.load()) }
        return (workspace, manifest, deferringOrderHistory ? loader : nil)
    }

    /// A workspace of the program file, the big collections and the small ones, without order
    /// history (the caller attaches it or defers it).
    static func workspace(_ program: ProgramFile, creators: [Creator], enrollments: [Enrollment], small: SmallCollections,
                          indexingHandlesLater: Bool) -> Workspace {
        Workspace(program: program.program, waves: program.waves, creators: creators, enrollments: enrollments, skus: program.skus,
                  shipments: small.shipments, submissions: small.submissions, assets: small.assets, discountCodes: small.discountCodes,
                  trackingLinks: small.trackingLinks, payoutRuns: small.payoutRuns, indexingHandlesLater: indexingHandlesLater)
    }

    /// The files a snapshot is read from: the manifest, the program file, and each
    /// collection's path and row count by its name. Every problem is a `StoreError` naming the file.
    static func header(of folder: String, fileSystem: any FileSystem)
        throws -> (manifest: Manifest, program: ProgramFile, files: [String: (path: String, rows: Int)]) {
        let manifestPath = folder + "/" + Manifest.fileName
        guard fileSystem.fileExists(at: manifestPath) else {
            throw StoreError(.notAWorkspace, file: folder, "is not a Chorus workspace (it has no \(Manifest.fileName))")
        }
        let manifest = try Self.manifest(in: folder, fileSystem: fileSystem)
        for name in collectionNames where manifest.rows(of: name) == nil {
            throw StoreError(.corrupt, file: manifestPath, "does not list the \(name) file")
        }
        let programPath = folder + "/" + manifest.program
        let program: ProgramFile
        do { program = try JSONDecoder().decode(ProgramFile.self, from: Data(try fileSystem.readFile(at: programPath))) } catch let error as StoreError {
            throw error
        } catch {
            throw StoreError(.corrupt, file: programPath, "cannot be read: \(DecodingFailure.describe(error))")
        }
        let files = Dictionary(manifest.collections.map { ($0.name, (path: folder + "/" + $0.file, rows: $0.rows)) }, uniquingKeysWith: { first, _ in first })
        return (manifest, program, files)
    }

    private static func encodeProgram(_ workspace: Workspace) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        let file = ProgramFile(program: workspace.program, waves: workspace.waves.rows, skus: workspace.skus.rows)
        return [UInt8](try encoder.encode(file)) + [UInt8(ascii: "\n")]
    }
}
