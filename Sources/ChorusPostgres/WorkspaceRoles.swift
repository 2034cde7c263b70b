import ChorusCore

/// The roles of a workspace on a PostgreSQL server, as the database enforces them: one
/// `NOLOGIN` group role per `Role` (`chorus_NAME_ops`, …), each a member of the workspace's
/// member role (which may read), a `permissions(role, kind)` table seeded from
/// `Permissions.byKindName`, and the checks `append_command` makes on every entry. A person is
/// a login role granted some of these (`chorus people add`).
///
/// The server judges an entry by the entry itself, never by what the client says about it: the
/// kind whose permission it needs is read from the entry's command (an undo's from the restore
/// point's `undoes`), and its actor must be the login that sends it. What the server cannot
/// judge without applying the command is whether a hand-made restore point's `undoes` tells
/// the truth about what it puts back; it does check that one putting back payout runs holds
/// the permission of payout runs, the case where a wrong undo moves money. Nor can it judge
/// whether an edit of a creator changes their payout email (`Workspace.payoutRefusal`): that
/// depends on the creator as the workspace held them, so the client's store checks it.
enum WorkspaceRoles {
    /// What the server does besides commands, and who may: publishing snapshots and staging
    /// large imports, for everyone who may write something.
    static let serverOperations = [("compact", "saving a snapshot needs a role that may change something"),
                                   ("stage", "staging an import needs a role that may change something")]

    /// The permission rows: every command kind with the roles that may issue it, and the
    /// server's own operations for every role but `reader`.
    static var permissions: [(role: Role, kind: String)] {
        let kinds = Permissions.byKindName.sorted { $0.key < $1.key }.flatMap { kind, roles in roles.map { ($0, kind) } }
        let operations = serverOperations.flatMap { kind, _ in Role.allCases.filter { $0 != .reader }.map { ($0, kind) } }
        return kinds + operations
    }

    static func creation(_ address: PostgresAddress) -> [String] {
        let s = address.schema
        let roles = Role.allCases.map { role in
            """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(address.role(role))') THEN
                CREATE ROLE \(address.role(role)) NOLOGIN IN ROLE \(address.memberRole);
              END IF;
            END $$
            """
        }
        let rows = permissions.map { "('\($0.role.rawValue)', '\($0.kind)')" }.joined(separator: ", ")
        let needs = (Command.Kind.allCases.map { ($0.rawValue, $0.requirement) } + serverOperations)
            .map { "('\($0.0)', '\($0.1.replacingOccurrences(of: "'", with: "''"))')" }.joined(separator: ", ")
        // Whoever creates the workspace is its first admin (a superuser already holds every role).
        return roles + [
            "GRANT \(address.role(.admin)) TO CURRENT_USER",
            "CREATE TABLE \(s).permissions (role text NOT NULL, kind text NOT NULL, PRIMARY KEY (kind, role))",
            "INSERT INTO \(s).permissions (role, kind) VALUES \(rows)",
            // What a refusal says, in the people's words: "payout runs need the finance role".
            "CREATE TABLE \(s).kinds (kind text PRIMARY KEY, needs text NOT NULL)",
            "INSERT INTO \(s).kinds (kind, needs) VALUES \(needs)",
        ]
    }

    /// The functions `append_command` calls before it numbers an entry.
    static func checks(_ address: PostgresAddress) -> [String] {
        let s = address.schema
        return [
            // An undo or redo needs the permission of what it takes back.
            """
            CREATE FUNCTION \(s).authorizing_kind(p_entry jsonb) RETURNS text LANGUAGE sql IMMUTABLE
            SET search_path = \(s), pg_temp
            AS $$ SELECT CASE WHEN p_entry->'command'->>'kind' = 'restore'
                              THEN coalesce(p_entry->'command'->'point'->>'undoes', 'restore')
                              ELSE p_entry->'command'->>'kind' END $$
            """,
            """
            CREATE FUNCTION \(s).require_undo(p_entry jsonb) RETURNS void LANGUAGE plpgsql STABLE
            SECURITY DEFINER SET search_path = \(s), pg_temp
            AS $$ BEGIN
              IF p_entry->'command'->>'kind' = 'restore'
                 AND (coalesce(p_entry->'command'->'point'->'payoutRuns', '[]') <> '[]'
                      OR coalesce(p_entry->'command'->'point'->'remove'->'payoutRuns', '[]') <> '[]') THEN
                PERFORM require_write('createPayoutRun');
              END IF;
            END $$
            """,
            // The program's acting-as setting after an entry: set by `chorus people acting-as`,
            // and by whatever puts back or replaces the whole program (an undo, the settings).
            """
            CREATE FUNCTION \(s).allows_acting_as_after(p_entry jsonb, p_before boolean) RETURNS boolean LANGUAGE sql IMMUTABLE
            SET search_path = \(s), pg_temp
            AS $$ SELECT CASE
              WHEN p_entry->'command'->>'kind' = 'allowActingAs' THEN coalesce((p_entry->'command'->>'allowed')::boolean, p_before)
              WHEN p_entry->'command'->>'kind' = 'updateProgram'
                THEN coalesce((p_entry->'command'->'program'->'people'->>'allowsActingAs')::boolean, false)
              WHEN p_entry->'command'->>'kind' = 'restore' AND p_entry->'command'->'point' ? 'program'
                THEN coalesce((p_entry->'command'->'point'->'program'->'people'->>'allowsActingAs')::boolean, false)
              ELSE p_before END $$
            """,
            // The actor is who the history will say did it: the login itself, unless the program
            // lets people act as others (`chorus people acting-as allow`). A superuser could
            // write the tables directly, so checking one would only pretend.
            """
            CREATE FUNCTION \(s).require_actor(p_actor text, p_entry jsonb) RETURNS void LANGUAGE plpgsql STABLE
            SECURITY DEFINER SET search_path = \(s), pg_temp
            AS $$ BEGIN
              IF p_entry->>'actor' IS DISTINCT FROM p_actor THEN
                RAISE EXCEPTION 'the entry names % as who did it, but the client named %', p_entry->>'actor', p_actor
                  USING ERRCODE = '22023';
              END IF;
              IF p_actor = session_user OR (SELECT rolsuper FROM pg_roles WHERE rolname = session_user)
                 OR (SELECT allows_acting_as FROM workspace WHERE id = 1) THEN
                RETURN;
              END IF;
              RAISE EXCEPTION '% may not record a change as % in workspace \(address.workspace)', session_user, p_actor
                USING ERRCODE = '42501',
                      HINT = 'run chorus as yourself; an admin may let people act as others: chorus people acting-as allow';
            END $$
            """,
        ]
    }

    /// The roles, member role included, to drop with the workspace.
    static func all(_ address: PostgresAddress) -> [String] { Role.allCases.map(address.role) + [address.memberRole] }
}

extension PostgresAddress {
    /// The group role whose members hold `role` in this workspace: `chorus_NAME_ops`.
    public func role(_ role: Role) -> String { schema + "_" + role.rawValue }
}
