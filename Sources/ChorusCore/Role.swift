/// What a person is in the program, in the terms brand tools use (GRIN's Admin / User /
/// Finance Admin, CreatorIQ's View / Edit / Finance, Upfluence's Administrator / Payment
/// Manager / Contributor): each role is a set of command kinds (see `Command.Kind.roles`).
/// A person may hold several; `admin` may do everything.
public enum Role: String, CaseIterable, Hashable, Sendable, Codable, Comparable {
    case reader, seeding, ops, finance, importer, admin

    /// What the role is for, as the README table and `chorus people list` say it.
    public var purpose: String {
        switch self {
        case .reader: "looks at everything, changes nothing"
        case .seeding: "parcels and stock"
        case .ops: "the pipeline, approvals, the library, codes"
        case .finance: "payout runs, marking paid, exchange rates"
        case .importer: "imports only: the nightly cron job"
        case .admin: "program settings and people; may do everything"
        }
    }

    /// The role as the end of "sam is …": "sam is seeding", "sam is a reader".
    var asComplement: String {
        switch self {
        case .reader: "a reader"
        case .importer: "an importer"
        case .admin: "an admin"
        case .seeding, .ops, .finance: rawValue
        }
    }

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }

    /// Reads `seeding,finance` as typed after `--role`; says which word is not a role.
    public static func list(_ text: String) throws -> [Role] {
        let words = text.split(separator: ",").map { String($0).trimmingWhitespace.lowercased() }.filter { !$0.isEmpty }
        guard !words.isEmpty else { throw DomainError("no role given; the roles are \(names)") }
        return try words.map { word in
            guard let role = Role(rawValue: word) else { throw DomainError("'\(word)' is not a role; the roles are \(names)") }
            return role
        }
    }

    /// "reader, seeding, ops, finance, importer, admin".
    public static var names: String { allCases.map(\.rawValue).joined(separator: ", ") }
}
