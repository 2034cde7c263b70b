/// Restore points are journaled with every undo, so they are written compactly (only what is
/// there) and deterministically (removed keys sorted), keeping the journal small and diffable.
/// Each kind's list and key set is named by the kind (`WorkspaceEntity.name`).
extension RestorePoint {
    private struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
        static let program = Key(stringValue: "program"), remove = Key(stringValue: "remove"), undoes = Key(stringValue: "undoes")
    }

    public init(from decoder: Decoder) throws {
        struct Decode: EntityKindVisitor {
            let container: KeyedDecodingContainer<Key>
            var point = RestorePoint()
            var error: (any Error)?
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                guard error == nil else { return }
                do { point[keyPath: Entity.priors] = try container.decodeIfPresent([Entity].self, forKey: Key(stringValue: Entity.name)) ?? [] } catch {
                    self.error = error
                }
            }
        }
        let c = try decoder.container(keyedBy: Key.self)
        var decode = Decode(container: c)
        EntityKinds.visitAll(&decode)
        if let error = decode.error { throw error }
        self = decode.point
        program = try c.decodeIfPresent(Program.self, forKey: .program)
        remove = try c.decodeIfPresent(RemovalKeys.self, forKey: .remove) ?? RemovalKeys()
        // A kind this build does not know (a newer one's) needs what an unknown undo needs: admin.
        undoes = try c.decodeIfPresent(String.self, forKey: .undoes).map { Command.Kind(rawValue: $0) ?? .restore }
    }

    public func encode(to encoder: Encoder) throws {
        struct Encode: EntityKindVisitor {
            var container: KeyedEncodingContainer<Key>
            let point: RestorePoint
            var error: (any Error)?
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                guard error == nil else { return }
                do { try container.encodeUnlessEmpty(point[keyPath: Entity.priors], forKey: Key(stringValue: Entity.name)) } catch { self.error = error }
            }
        }
        var c = encoder.container(keyedBy: Key.self)
        try c.encodeIfPresent(program, forKey: .program)
        var encode = Encode(container: c, point: self)
        EntityKinds.visitAll(&encode)
        if let error = encode.error { throw error }
        if !remove.isEmpty { try c.encode(remove, forKey: .remove) }
        try c.encodeIfPresent(undoes?.rawValue, forKey: .undoes)
    }
}

extension RemovalKeys {
    private struct Key: CodingKey {
        var stringValue: String
        init(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    public init(from decoder: Decoder) throws {
        struct Decode: EntityKindVisitor {
            let container: KeyedDecodingContainer<Key>
            var keys = RemovalKeys()
            var error: (any Error)?
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                guard error == nil else { return }
                do {
                    keys[keyPath: Entity.removals] = Set(try container.decodeIfPresent([Entity.Key].self, forKey: Key(stringValue: Entity.name)) ?? [])
                } catch { self.error = error }
            }
        }
        var decode = Decode(container: try decoder.container(keyedBy: Key.self))
        EntityKinds.visitAll(&decode)
        if let error = decode.error { throw error }
        self = decode.keys
    }

    public func encode(to encoder: Encoder) throws {
        struct Encode: EntityKindVisitor {
            var container: KeyedEncodingContainer<Key>
            let keys: RemovalKeys
            var error: (any Error)?
            mutating func visit<Entity: WorkspaceEntity>(_ kind: Entity.Type) {
                guard error == nil else { return }
                do { try container.encodeUnlessEmpty(keys[keyPath: Entity.removals].sorted(), forKey: Key(stringValue: Entity.name)) } catch {
                    self.error = error
                }
            }
        }
        var encode = Encode(container: encoder.container(keyedBy: Key.self), keys: self)
        EntityKinds.visitAll(&encode)
        if let error = encode.error { throw error }
    }
}

extension KeyedEncodingContainer {
    mutating func encodeUnlessEmpty<T: Encodable>(_ values: [T], forKey key: Key) throws {
        if !values.isEmpty { try encode(values, forKey: key) }
    }
}
