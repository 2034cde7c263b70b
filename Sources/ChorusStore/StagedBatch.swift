import ChorusCore
import Foundation

/// A big import's command kept out of line (`SharedLog.stage`): the journal entry names the
/// batch, its size and checksum instead of carrying a hundred megabytes, so appending it holds
/// the log for milliseconds. Replay and followers read the command from the batch, so it
/// applies exactly as a journal line would; a batch missing or changed is named on open and by
/// `chorus check`, never skipped.
public struct StagedBatch: Codable, Hashable, Sendable {
    public var name: String
    /// The payload's checksum (see `BatchChecksum`): CRC-32 since journal format 7, FNV-1a
    /// (64 bits) as for journal lines before.
    public var sum: String
    public var byteCount: Int
    /// Set when the payload is the import's rows as a snapshot file holds them (journal format
    /// 6 on); nil when it is the command as a journal line holds it, as every batch before.
    public var rows: StagedRows?

    /// The payload a command is staged as, handed to `write` in pieces: an import's rows as
    /// `rows` describes them, any other command as a journal line would hold it.
    static func payload(of command: Command, rows: StagedRows?, rowsPerPiece: Int, to write: ([UInt8]) throws -> Void) throws {
        if let rows { return try rows.write(command, rowsPerPiece: rowsPerPiece, to: write) }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        try write([UInt8](try encoder.encode(command)))
    }

    /// Stages `command` with `stage`, which writes the payload it is handed, piece by piece,
    /// and returns its name. The checksum and size are taken from the very pieces written.
    /// Amounts in `currency` (the program's) are written as bare numbers, as in the snapshot.
    static func staging(_ command: Command, currency: Currency, rowsPerPiece: Int = CollectionFile.rowsPerChunk,
                        with stage: (_ payload: (_ write: ([UInt8]) throws -> Void) throws -> Void) throws -> String) throws -> StagedBatch {
        let rows = StagedRows(of: command, currency: currency)
        var sum = BatchChecksum()
        var byteCount = 0
        let name = try stage { write in
            sum = BatchChecksum()
            byteCount = 0
            try payload(of: command, rows: rows, rowsPerPiece: rowsPerPiece) { piece in
                sum.add(piece)
                byteCount += piece.count
                try write(piece)
            }
        }
        return StagedBatch(name: name, sum: sum.digest, byteCount: byteCount, rows: rows)
    }

    /// The command in `payload`, once its size and checksum hold.
    package func command(from payload: [UInt8]) throws -> Command {
        guard payload.count == byteCount, BatchChecksum.holds(payload, claimed: sum) else {
            throw StagedBatchProblem.changed
        }
        if let rows { return try rows.command(from: payload, batch: name) }
        return try JSONDecoder().decode(Command.self, from: Data(payload))
    }

    /// Whether `name` is one Chorus gives staged batches (`batch-<uuid>.json`).
    static func isBatchName(_ name: String) -> Bool { name.hasPrefix("batch-") && name.hasSuffix(".json") && !name.contains("/") }
}

package enum StagedBatchProblem: Error { case changed }

/// A journal line whose command is staged out of line: every field of `JournalEntry` but the
/// command, with the batch and the command's kind (for the history) instead.
package struct StagedJournalLine: Codable {
    var seq: Int
    var at: Timestamp
    var actor: String
    package var kind: String
    package var batch: StagedBatch
    var commandID: String?
    var basedOn: Int?
    var summary: String?
    var format: Int?
    var prev: String?
    var sum: String?

    package init(_ entry: JournalEntry, batch: StagedBatch) {
        seq = entry.seq
        at = entry.at
        actor = entry.actor
        kind = entry.command.kind
        self.batch = batch
        commandID = entry.commandID
        basedOn = entry.basedOn
        summary = entry.summary
        format = entry.format
    }

    package func entry(command: Command) -> JournalEntry {
        var entry = JournalEntry(seq: seq, at: at, actor: actor, command: command, commandID: commandID, basedOn: basedOn, summary: summary)
        entry.format = format
        entry.prev = prev
        entry.sum = sum
        entry.batch = batch
        return entry
    }

    /// Whether a journal line may be one: a top-level `"batch"` key (keys are sorted, and a
    /// quote inside a string is escaped, so the bytes cannot come from a string value).
    static func mayBe(_ line: ArraySlice<UInt8>) -> Bool {
        let key = Array(#""batch":{"#.utf8)
        guard line.count > key.count else { return false }
        var index = line.startIndex
        while index + key.count <= line.endIndex {
            if line[index] == key[0], line[index..<(index + key.count)].elementsEqual(key) { return true }
            index += 1
        }
        return false
    }
}
