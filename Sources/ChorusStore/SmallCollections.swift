import ChorusConcurrency
import ChorusCore

/// The collections a snapshot keeps as one `Codable` object per line (shipments, submissions,
/// assets, codes, tracking links, payout runs): about a megabyte however many creators there
/// are, read by Foundation's `JSONDecoder` on one core. At open they are read on a thread of
/// their own while both cores decode the creators and enrollments; read after those, they
/// were a phase with one core idle before the first frame.
struct SmallCollections: Sendable {
    var shipments: [Shipment]
    var submissions: [Submission]
    var assets: [Asset]
    var discountCodes: [DiscountCode]
    var trackingLinks: [TrackingLink]
    var payoutRuns: [PayoutRun]

    /// Runs `work` (decoding the big collections) while these are read, on a thread of their
    /// own where the file system reads files concurrently, else after it (`files`: collection
    /// name → path and rows). A problem is a `StoreError` naming the file, reported after those
    /// of `work`; no read outlives a failure of `work`.
    static func read<Big>(_ files: [String: (path: String, rows: Int)], fileSystem: any FileSystem,
                          alongside work: () throws -> Big) throws -> (Big, SmallCollections) {
        let reading = fileSystem.readsFilesConcurrently ? BackgroundWork { Result { try SmallCollections(files, fileSystem: fileSystem) } } : nil
        let big: Big
        do { big = try work() } catch {
            _ = reading?.wait()
            throw error
        }
        return (big, try reading?.wait().get() ?? SmallCollections(files, fileSystem: fileSystem))
    }

    private init(_ files: [String: (path: String, rows: Int)], fileSystem: any FileSystem) throws {
        func read<Entity: WorkspaceEntity>(_ kind: Entity.Type) throws -> [Entity] {
            guard let file = files[Entity.name] else { return [] }  // a manifest lists every kind but the optional ones
            return try CollectionFile.decodeCodable(try fileSystem.readFile(at: file.path), as: kind, collection: Entity.name,
                                                    expectedRows: file.rows, file: file.path)
        }
        shipments = try read(Shipment.self)
        submissions = try read(Submission.self)
        assets = try read(Asset.self)
        discountCodes = try read(DiscountCode.self)
        trackingLinks = try read(TrackingLink.self)
        payoutRuns = try read(PayoutRun.self)
    }
}
