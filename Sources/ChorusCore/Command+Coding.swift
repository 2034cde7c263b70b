/// How a command is written in the journal, in code rather than by Swift's synthesized enum
/// coding, so that renaming a case or a label never silently changes what journals mean:
///
///     {"kind": "approve", "submissions": ["SUB-0001"]}
///     {"kind": "adjustStock", "sku": "SKU-SERUM", "delta": 5, "reason": "found a box"}
///
/// `kind` is `Command.Kind`; the other fields are named per kind in `Command+Fields`, an
/// optional one left out when nil. Journals of formats 1 and 2 spelled the same command the
/// way Swift synthesizes it — `{"approve": {"_0": ["SUB-0001"]}}`, an unlabelled value as
/// `_0`, `_1`… — and are still read (upgraded on read): each field names its old spelling when
/// it differs (`legacy:`).
///
/// Adding a command, in this order, each step a compile error until done:
/// 1. the case in `Command`, and its sample in `CommandSamples` (tests);
/// 2. its `Command.Kind` (`Command+Kind`);
/// 3. its fields, written and read, in `Command+Fields`;
/// 4. raise `JournalEntry.currentFormat` (ChorusStore) and freeze the new format's golden
///    journal (`GoldenJournalTests` fails until then): a Chorus that does not know the kind
///    then opens workspaces holding it read-only, saying to upgrade, instead of failing on them.
/// Changing what an existing kind's fields mean, or how a command applies, is a new format too.
extension Command {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CommandFieldKey.self)
        var fields: CommandFieldReader
        if container.contains(.kind) {
            let name = try container.decode(String.self, forKey: .kind)
            guard let kind = Kind(rawValue: name) else { throw Self.unknown(name, container) }
            fields = CommandFieldReader(kind: kind, container: container, isLegacy: false)
        } else {
            // Formats 1 and 2: the case name is the only key, and the fields are inside it.
            guard container.allKeys.count == 1, let key = container.allKeys.first else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath, debugDescription: "a command has a \"kind\""))
            }
            guard let kind = Kind(rawValue: key.stringValue) else { throw Self.unknown(key.stringValue, container) }
            fields = CommandFieldReader(kind: kind, container: try container.nestedContainer(keyedBy: CommandFieldKey.self, forKey: key),
                                        isLegacy: true)
        }
        self = try Self.read(&fields)
        try fields.refuseUnknownFields()
    }

    public func encode(to encoder: any Encoder) throws {
        var fields = CommandFieldWriter(container: encoder.container(keyedBy: CommandFieldKey.self))
        try fields("kind", kind)
        try write(&fields)
    }

    private static func unknown(_ name: String, _ container: KeyedDecodingContainer<CommandFieldKey>) -> DecodingError {
        DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                          debugDescription: "\"\(name.prefix(60))\" is not a kind of command this Chorus knows"))
    }
}

/// A field of a command as the journal names it.
struct CommandFieldKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }

    static let kind = CommandFieldKey(stringValue: "kind")
}

/// Reads one command's fields, in today's spelling or (`isLegacy`) the synthesized one of
/// formats 1 and 2.
struct CommandFieldReader {
    let kind: Command.Kind
    let container: KeyedDecodingContainer<CommandFieldKey>
    let isLegacy: Bool
    /// The fields asked for, so that a field this build does not know is refused rather than
    /// dropped: it would mean the command does something this build would not do.
    private var known: Set<String> = ["kind"]

    init(kind: Command.Kind, container: KeyedDecodingContainer<CommandFieldKey>, isLegacy: Bool) {
        self.kind = kind
        self.container = container
        self.isLegacy = isLegacy
    }

    /// The required field `name`, spelled `legacy` in formats 1 and 2 when that differs.
    mutating func callAsFunction<Value: Decodable>(_ name: String, legacy: String? = nil) throws -> Value {
        try container.decode(Value.self, forKey: key(name, legacy))
    }

    /// The field `name` when present and not null.
    mutating func optional<Value: Decodable>(_ name: String, legacy: String? = nil) throws -> Value? {
        try container.decodeIfPresent(Value.self, forKey: key(name, legacy))
    }

    private mutating func key(_ name: String, _ legacy: String?) -> CommandFieldKey {
        let spelled = isLegacy ? legacy ?? name : name
        known.insert(spelled)
        return CommandFieldKey(stringValue: spelled)
    }

    func refuseUnknownFields() throws {
        guard !isLegacy, let field = container.allKeys.first(where: { !known.contains($0.stringValue) }) else { return }
        throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath + [field], debugDescription:
            "the command \"\(kind.rawValue)\" has a field \"\(field.stringValue.prefix(60))\" that this Chorus does not know"))
    }
}

/// Writes one command's fields; a nil optional is left out.
struct CommandFieldWriter {
    var container: KeyedEncodingContainer<CommandFieldKey>

    mutating func callAsFunction<Value: Encodable>(_ name: String, _ value: Value) throws {
        try container.encode(value, forKey: CommandFieldKey(stringValue: name))
    }

    mutating func optional<Value: Encodable>(_ name: String, _ value: Value?) throws {
        try container.encodeIfPresent(value, forKey: CommandFieldKey(stringValue: name))
    }
}
