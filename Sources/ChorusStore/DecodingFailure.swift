import Foundation

/// Turns Foundation's decoding errors into the short phrase a person needs: where in the value
/// and what was wrong, without the debug dump.
enum DecodingFailure {
    static func describe(_ error: any Error) -> String {
        guard let error = error as? DecodingError else { return "\(error)" }
        switch error {
        case .dataCorrupted(let context):
            return at(context.codingPath) + plain(context)
        case .keyNotFound(let key, let context):
            return at(context.codingPath) + "missing \"\(key.stringValue)\""
        case .typeMismatch(let type, let context):
            return at(context.codingPath) + "expected \(type): " + plain(context)
        case .valueNotFound(let type, let context):
            return at(context.codingPath) + "expected \(type), found null"
        @unknown default:
            return "\(error)"
        }
    }

    /// The index of the first array element on the coding path, if any (which row failed).
    static func firstIndex(_ error: any Error) -> Int? {
        guard let error = error as? DecodingError else { return nil }
        let path: [any CodingKey]
        switch error {
        case .dataCorrupted(let context), .keyNotFound(_, let context), .typeMismatch(_, let context), .valueNotFound(_, let context):
            path = context.codingPath
        @unknown default:
            return nil
        }
        return path.first?.intValue
    }

    private static func at(_ path: [any CodingKey]) -> String {
        let names = path.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return names.isEmpty ? "" : "at \(names.joined(separator: ".")): "
    }

    private static func plain(_ context: DecodingError.Context) -> String {
        if let underlying = context.underlyingError as NSError?, let detail = underlying.userInfo["NSDebugDescription"] as? String {
            return context.debugDescription + " (" + detail + ")"
        }
        return context.debugDescription
    }
}
