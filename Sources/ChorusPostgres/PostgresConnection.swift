import CLibpq
import ChorusStore
import Foundation

/// One libpq connection, used by one thread at a time. Every statement is parameterised
/// (`PQexecParams`): values never become part of the SQL text, so a workspace name or a
/// command body cannot change what a statement does.
final class PostgresConnection {
    private var handle: OpaquePointer?
    let address: PostgresAddress
    private let parameters: [(key: String, value: String)]

    /// Connects, or throws a `StoreError` saying which server could not be reached and why.
    /// A `listening` connection notices a silent cut sooner (see `listenerParameters`).
    init(_ address: PostgresAddress, listening: Bool = false) throws {
        self.address = address
        parameters = listening ? address.listenerParameters : address.connectionParameters
        handle = try Self.connect(address, parameters)
    }

    deinit { PQfinish(handle) }

    private static func connect(_ address: PostgresAddress, _ parameters: [(key: String, value: String)]) throws -> OpaquePointer? {
        let keys = parameters.map { strdup($0.key) }
        let values = parameters.map { strdup($0.value) }
        defer { (keys + values).forEach { free($0) } }
        let handle = (keys + [nil]).withUnsafeBufferPointer { keyPointers in
            (values + [nil]).withUnsafeBufferPointer { valuePointers in
                keyPointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { k in
                    valuePointers.withMemoryRebound(to: UnsafePointer<CChar>?.self) { v in
                        PQconnectdbParams(k.baseAddress, v.baseAddress, 1)
                    }
                }
            }
        }
        guard PQstatus(handle) == CONNECTION_OK else {
            let reason = handle.map { String(cString: PQerrorMessage($0)) } ?? "out of memory"
            PQfinish(handle)
            throw StoreError(.io, file: address.description, "cannot be reached: \(Self.oneLine(reason))")
        }
        // libpq prints the server's notices (and its goodbye on a restart) to stderr, which
        // would write across the console's screen: errors reach the caller as errors instead.
        PQsetNoticeProcessor(handle, { _, _ in }, nil)
        return handle
    }

    var isConnected: Bool { PQstatus(handle) == CONNECTION_OK }

    /// Connects again after the link broke (a server restart, a network cut).
    func reconnect() throws {
        PQfinish(handle)
        handle = nil
        handle = try Self.connect(address, parameters)
    }

    /// The socket, for a listener to wait on.
    var socket: Int32 { PQsocket(handle) }

    /// Runs `sql` with `parameters` ($1, $2, …) and returns its rows. A `.bytes` parameter is
    /// sent in binary; with `binaryResults`, columns come back in binary (for `bytea`).
    @discardableResult
    func query(_ sql: String, _ parameters: [PostgresValue] = [], binaryResults: Bool = false) throws -> PostgresRows {
        if !isConnected { try reconnect() }
        let buffers: [[UInt8]?] = parameters.map { value in
            switch value {
            case .null: nil
            case .text(let text): Array(text.utf8) + [0]
            case .bytes(let bytes): bytes
            }
        }
        let lengths = parameters.map { value -> Int32 in if case .bytes(let bytes) = value { Int32(bytes.count) } else { 0 } }
        let formats = parameters.map { value -> Int32 in if case .bytes = value { 1 } else { 0 } }
        let result = Self.withPointers(buffers) { pointers in
            PQexecParams(handle, sql, Int32(parameters.count), nil, pointers, lengths, formats, binaryResults ? 1 : 0)
        }
        defer { PQclear(result) }
        let status = PQresultStatus(result)
        guard status == PGRES_TUPLES_OK || status == PGRES_COMMAND_OK else {
            throw error(result)
        }
        return PostgresRows(result)
    }

    /// Runs `body` in one transaction, committed if it returns and rolled back if it throws.
    func transaction<T>(_ isolation: String = "READ COMMITTED", _ body: () throws -> T) throws -> T {
        try query("BEGIN ISOLATION LEVEL " + isolation)
        do {
            let value = try body()
            try query("COMMIT")
            return value
        } catch {
            _ = try? query("ROLLBACK")
            throw error
        }
    }

    /// Reads what has arrived on the socket without waiting and returns the notifications
    /// in it; throws when the connection is gone.
    func notifications() throws -> [(channel: String, payload: String)] {
        guard PQconsumeInput(handle) == 1 else {
            throw StoreError(.io, file: address.description, "the connection broke: \(Self.firstLine(String(cString: PQerrorMessage(handle))))")
        }
        var found: [(String, String)] = []
        while let notice = PQnotifies(handle) {
            found.append((String(cString: notice.pointee.relname), String(cString: notice.pointee.extra)))
            PQfreemem(notice)
        }
        return found
    }

    /// The error in `result`, in words, with the server's SQLSTATE kept for callers.
    private func error(_ result: OpaquePointer?) -> PostgresError {
        let message = result.map { PQresultErrorField($0, Int32(UInt8(ascii: "M"))) }.flatMap { $0 }.map { String(cString: $0) }
            ?? Self.firstLine(String(cString: PQerrorMessage(handle)))
        let state = result.map { PQresultErrorField($0, Int32(UInt8(ascii: "C"))) }.flatMap { $0 }.map { String(cString: $0) }
        return PostgresError(sqlState: state ?? (isConnected ? "" : "08006"), message: message, server: address.description)
    }

    private static func withPointers<T>(_ buffers: [[UInt8]?], _ body: ([UnsafePointer<CChar>?]) -> T) -> T {
        var pointers: [UnsafePointer<CChar>?] = []
        func nest(_ index: Int) -> T {
            guard index < buffers.count else { return body(pointers) }
            guard let buffer = buffers[index] else {
                pointers.append(nil)
                return nest(index + 1)
            }
            return buffer.withUnsafeBufferPointer { raw in
                raw.withMemoryRebound(to: CChar.self) { pointers.append($0.baseAddress); return nest(index + 1) }
            }
        }
        return nest(0)
    }

    /// libpq's first line says what happened; the rest guesses at why, at length.
    static func firstLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
    }

    static func oneLine(_ text: String) -> String {
        text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
    }
}

/// A statement parameter.
enum PostgresValue {
    case null
    case text(String)
    case bytes([UInt8])

    init(_ int: Int?) { self = int.map { .text(String($0)) } ?? .null }
    init(_ string: String?) { self = string.map { .text($0) } ?? .null }
}

/// The rows of one result, copied out of libpq's memory.
struct PostgresRows {
    private(set) var rows: [[[UInt8]?]] = []

    init(_ result: OpaquePointer?) {
        let count = PQntuples(result), columns = PQnfields(result)
        for row in 0..<count {
            rows.append((0..<columns).map { column in
                guard PQgetisnull(result, row, column) == 0 else { return nil }
                let length = Int(PQgetlength(result, row, column))
                return PQgetvalue(result, row, column).withMemoryRebound(to: UInt8.self, capacity: length) {
                    Array(UnsafeBufferPointer(start: $0, count: length))
                }
            })
        }
    }

    var count: Int { rows.count }
    func bytes(_ row: Int, _ column: Int) -> [UInt8]? { rows[row][column] }
    func text(_ row: Int, _ column: Int) -> String? { rows[row][column].map { String(decoding: $0, as: UTF8.self) } }
    func int(_ row: Int, _ column: Int) -> Int? { text(row, column).flatMap { Int($0) } }
}

/// A statement the server refused, with its SQLSTATE: `40001`-style codes are retried,
/// `42501` (insufficient privilege) is told to the person, `08…` means the link is gone.
struct PostgresError: Error, CustomStringConvertible {
    var sqlState: String
    var message: String
    var server: String

    var isConnectionLost: Bool { sqlState.hasPrefix("08") || sqlState == "57P01" || sqlState == "57P02" || sqlState == "57P03" }
    var isPermissionDenied: Bool { sqlState == "42501" }

    var description: String { "\(server): \(message)" }

    /// As the store's error, which the CLI and console already know how to show.
    var storeError: StoreError {
        StoreError(isConnectionLost ? .io : isPermissionDenied ? .readOnly : .corrupt, file: server, message)
    }
}
