import ChorusConcurrency
import ChorusCore

/// Attribution's decisions for one state of a workspace, kept beside its snapshot so that
/// opening a million orders does not decide them all again (seconds of work) before the
/// Leaderboard and Ledger can show anything.
///
/// The file is derived data, never the source of truth: it may be deleted at any time, and a
/// file that is missing, damaged or made for another state is ignored (attribution is then
/// computed again and the file rewritten). Its name says which state it is for:
///
///     attribution-r1-3-1200.json
///
/// rules version 1 (`Attribution.rulesVersion`), snapshot generation 3, and the attribution
/// inputs as they stood after journal entry 1200: the last entry that could change what is
/// credited (`Command.mayChangeAttribution(replacing:)`), or the snapshot's own sequence if none has since.
/// Opening the same generation and finding no later such entry means the inputs are the same,
/// so the decisions are too.
///
/// Rows are parallel to the snapshot's orders: `[outcome, creator, wave, net, day]`, the rule
/// that decided (`AttributionResult.Outcome`'s raw value), positions in the snapshot's creators
/// and waves (-1 for none), and the order's `OrderFigures` (net revenue in minor units, day as
/// days since 1970). With the figures, the Leaderboard and Ledger of a console can be shown
/// from this file alone while the whole orders (2 GB at ten million) are still being read.
///
/// Beside it, `attribution-r1-3-1200.answers.json` holds the survey answers about the orders
/// left ambiguous (`KeptAmbiguousAnswers`), for reports that then read no order at all.
enum StoredAttribution {
    static let filePrefix = "attribution-"

    struct Key: Hashable, Sendable {
        var generation: Int
        /// The last journal entry that could change the inputs (see the type's comment).
        var inputsSequence: Int

        var fileName: String { "\(filePrefix)r\(Attribution.rulesVersion)-\(generation)-\(inputsSequence).json" }
        /// The file of the answers about its ambiguous orders, beside it (`KeptAmbiguousAnswers`).
        var answersFileName: String { "\(filePrefix)r\(Attribution.rulesVersion)-\(generation)-\(inputsSequence)\(Self.answersSuffix).json" }
        private static let answersSuffix = ".answers"

        init(generation: Int, inputsSequence: Int) {
            (self.generation, self.inputsSequence) = (generation, inputsSequence)
        }

        /// The key a file of these rules, its answers' file, or a temporary file of either, is
        /// named for; nil for any other name (other rules).
        init?(fileName: String) {
            let prefix = "\(filePrefix)r\(Attribution.rulesVersion)-", name = fileName.hasSuffix(".tmp") ? String(fileName.dropLast(4)) : fileName
            guard name.hasPrefix(prefix), name.hasSuffix(".json") else { return nil }
            var stem = name.dropFirst(prefix.count).dropLast(".json".count)
            if stem.hasSuffix(Self.answersSuffix) { stem = stem.dropLast(Self.answersSuffix.count) }
            let numbers = stem.split(separator: "-", omittingEmptySubsequences: false)
            guard numbers.count == 2, let generation = Int(numbers[0]), let sequence = Int(numbers[1]) else { return nil }
            self.init(generation: generation, inputsSequence: sequence)
        }
    }

    /// One order's decision and figures.
    struct Row: Sendable {
        var credit: AttributionResult.Credit
        var figures: OrderFigures
    }

    enum RowCodec: ChorusStore.RowCodec {
        static let collection = "attribution"
        static let columns: String? = #"["outcome","creator","wave","net","day"]"#

        static func write(_ row: Row, to writer: inout JSONWriter, currency: Currency) {
            writer.beginArray()
            writer.int(Int(row.credit.outcome.rawValue))
            writer.int(row.credit.creatorPosition.index ?? -1)
            writer.int(row.credit.wavePosition.index ?? -1)
            writer.int(Int(row.figures.netRevenue))
            writer.int(Int(row.figures.day.ordinal))
            writer.endArray()
        }

        static func read(from reader: inout JSONReader, currency: Currency) throws -> Row {
            try reader.beginArray("attribution")
            let outcomeOffset = reader.position
            guard let outcome = AttributionResult.Outcome(rawValue: UInt8(clamping: try reader.int("outcome"))) else {
                throw JSONReadError(offset: outcomeOffset, message: "unknown attribution outcome")
            }
            let creatorOffset = reader.position
            let creator = try reader.int("creator")
            let wave = try reader.int("wave")
            let figuresOffset = reader.position
            let net = try reader.int64("net")
            let day = try reader.int("day")
            try reader.endArray("attribution")
            guard (-1...Int(Int32.max)).contains(creator), (-1...Int(Int16.max)).contains(wave) else {
                throw JSONReadError(offset: creatorOffset, message: "attribution position out of range")
            }
            guard net >= 0, (Int(Int32.min)...Int(Int32.max)).contains(day) else {
                throw JSONReadError(offset: figuresOffset, message: "order figures out of range")
            }
            let credit = AttributionResult.Credit(outcome: outcome, creatorPosition: creator < 0 ? .none : CreatorPosition(creator),
                                                  wavePosition: wave < 0 ? .none : WavePosition(wave))
            return Row(credit: credit, figures: OrderFigures(netRevenue: net, day: Day(ordinal: Int32(day))))
        }
    }


    /// The decisions and figures in the file at `path`, or nil unless they fit a workspace of
    /// these sizes exactly.
    static func decode(file path: String, fileSystem: any FileSystem, orders: Int, creators: Int, waves: Int)
        -> (decisions: AttributionDecisions, figures: [OrderFigures])? {
        guard let rows = try? CollectionFile.decode(file: path, fileSystem: fileSystem, as: RowCodec.self, currency: .eur,
                                                    expectedRows: orders) else { return nil }
        // Checked and split into columns on both cores: ten million rows, one pass each on one
        // core, were a fifth of reading the file.
        let halves = Parallel.halves(of: rows.count)
        let fits = Parallel.map(halves.count) { half in
            rows[halves[half]].allSatisfy { row in
                let credit = row.credit
                let credited = credit.outcome == .directByCode || credit.outcome == .directByLink || credit.outcome == .assistedBySurvey
                let creatorFits = credited ? credit.creatorPosition.index.map { $0 < creators } ?? false : credit.creatorPosition == .none
                return creatorFits && (credit.wavePosition.index.map { $0 < waves } ?? true)
            }
        }
        guard !fits.contains(false) else { return nil }
        let credits = Parallel.array(count: rows.count, pieces: halves.count) { range, first in
            for position in range { (first + position).initialize(to: rows[position].credit) }
        }
        let figures = Parallel.array(count: rows.count, pieces: halves.count) { range, first in
            for position in range { (first + position).initialize(to: rows[position].figures) }
        }
        return (AttributionDecisions(credits: credits), figures)
    }

    /// Where a store finds, or keeps, the decisions for one state of its workspace. Reading and
    /// writing are safe on any thread; nothing here touches the store itself.
    struct Location: @unchecked Sendable {
        // @unchecked: the file system is only used for reads, writes and renames.
        let folder: String
        let key: Key
        let fileSystem: any FileSystem

        var path: String { folder + "/" + key.fileName }
        var answersPath: String { folder + "/" + key.answersFileName }

        /// The answers kept beside the decisions, if their file is there and reads as one; what
        /// they are for is the caller's to check (`KeptAmbiguousAnswers`).
        var keptAnswers: KeptAmbiguousAnswers? {
            guard fileSystem.fileExists(at: answersPath), let bytes = try? fileSystem.readFile(at: answersPath) else { return nil }
            return try? KeptAmbiguousAnswers(decoding: bytes)
        }

        /// The kept result for these orders and the creators and waves it was decided for, if
        /// the file is there and fits (the orders' figures too); nil otherwise (then
        /// attribution is computed).
        func read(orders: [Order], creatorIDs: [CreatorID], waveIDs: [WaveID], currency: Currency) -> AttributionResult? {
            guard let (result, kept) = read(orderCount: orders.count, creatorIDs: creatorIDs, waveIDs: waveIDs, currency: currency),
                  orders.haveFigures(kept) else { return nil }
            return result
        }

        /// The kept result and the figures of the orders it adds up, if the file is there and
        /// fits `orderCount` orders and these creators and waves: all the Leaderboard and Ledger
        /// need of the orders, without them.
        func read(orderCount: Int, creatorIDs: [CreatorID], waveIDs: [WaveID], currency: Currency)
            -> (result: AttributionResult, figures: [OrderFigures])? {
            guard fileSystem.fileExists(at: path),
                  let (decisions, figures) = decode(file: path, fileSystem: fileSystem, orders: orderCount, creators: creatorIDs.count,
                                                    waves: waveIDs.count)
            else { return nil }
            return (AttributionResult(adding: decisions, orders: figures, creatorIDs: creatorIDs, waveIDs: waveIDs, currency: currency), figures)
        }

        /// Writes the file under a temporary name and renames it into place, so a reader never
        /// sees half of one, then removes the files kept for earlier states (`removeOthers`). Failure is not an
        /// error anyone needs to hear about: the next open computes attribution again.
        /// The answers about the ambiguous orders (`answers`, nil when none are to be kept) go
        /// first: a reader that finds the decisions without them reads the orders, as before.
        /// Answers that cannot be written are left out, not the decisions (and one of the same
        /// name already there, a colleague's, is for the same state).
        func write(_ decisions: AttributionDecisions, figures: [OrderFigures], answers: () -> KeptAmbiguousAnswers?) {
            let credits = decisions.credits
            guard credits.count == figures.count else { return }  // not for one state: nothing to keep
            // A colleague's snapshot made since (a console follows the entries, not the snapshot):
            // no open reads a file for this one, which would only be left behind.
            if let current = try? Snapshot.manifest(in: folder, fileSystem: fileSystem), current.generation > key.generation { return }
            if let answers = answers() {
                try? write(answers.encoded, to: answersPath)
            } else {
                try? fileSystem.removeFile(at: answersPath)
            }
            let temporary = path + ".tmp"
            do {
                // Written as it is encoded: the file is 200 MB at ten million orders.
                try fileSystem.writeFile(at: temporary) { write in
                    try CollectionFile.write(credits.count, as: RowCodec.self, writingRow: { index, writer, _ in
                        RowCodec.write(Row(credit: credits[index], figures: figures[index]), to: &writer, currency: .eur)
                    }, to: write)
                }
                try fileSystem.renameFile(from: temporary, to: path)
            } catch {
                try? fileSystem.removeFile(at: temporary)
            }
            removeOthers()
        }

        /// `bytes` under a temporary name, renamed into place.
        private func write(_ bytes: [UInt8], to path: String) throws {
            do {
                try fileSystem.writeFile(at: path + ".tmp", bytes: bytes)
                try fileSystem.renameFile(from: path + ".tmp", to: path)
            } catch {
                try? fileSystem.removeFile(at: path + ".tmp")
                throw error
            }
        }

        /// Removes the kept attribution files in the folder for earlier states than this
        /// location's (and those of other rules), but not one a colleague kept meanwhile for a
        /// later state: a nightly import deciding its own state must not take away what the
        /// console open beside it kept for the state after.
        func removeOthers() {
            for name in (try? fileSystem.fileNames(in: folder)) ?? []
            where name.hasPrefix(StoredAttribution.filePrefix) && name != key.fileName && name != key.answersFileName {
                if let other = Key(fileName: name), other.generation > key.generation
                    || (other.generation == key.generation && other.inputsSequence > key.inputsSequence) { continue }
                try? fileSystem.removeFile(at: folder + "/" + name)
            }
        }
    }
}
