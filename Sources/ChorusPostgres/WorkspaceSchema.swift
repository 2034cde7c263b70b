import ChorusStore

/// The tables, role and functions of one workspace on a PostgreSQL server, all in the
/// workspace's own schema (`chorus_NAME`), so that one server holds several brands' workspaces
/// and the members of one see nothing of another.
///
/// Members read the tables but never write them: every change goes through a `SECURITY
/// DEFINER` function owned by whoever created the workspace, which checks `may_write` against
/// `session_user` (inside such a function `current_user` is the owner), takes the workspace's
/// head row lock, and only then numbers the entry. Numbering under that lock — not with a
/// database sequence, whose values commit out of order — keeps positions gapless, so a reader
/// that saw entry N never misses an N-1 that committed later.
enum WorkspaceSchema {
    /// The statements that create the workspace; `domainFormat` is the journal format of the
    /// build that creates it.
    static func creation(_ address: PostgresAddress, domainFormat: Int, allowsActingAs: Bool = false) -> [String] {
        let s = address.schema, member = address.memberRole
        // On the functions themselves, so it holds whoever calls: a writer waits at most 5 s
        // for the head lock. (A client that died while waiting is dropped within a second by
        // `client_connection_check_interval`, which takes effect per statement and so is set by
        // the client's connection options; see `PostgresAddress`.)
        let guarded = "SECURITY DEFINER SET search_path = \(s), pg_temp SET lock_timeout = '5s'"
        return [
            "CREATE SCHEMA \(s)",
            """
            DO $$ BEGIN
              IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '\(member)') THEN CREATE ROLE \(member) NOLOGIN; END IF;
            END $$
            """,
        ] + WorkspaceRoles.creation(address) + [
            """
            CREATE TABLE \(s).workspace (
              id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
              head_seq bigint NOT NULL DEFAULT 0,
              domain_format int NOT NULL,
              created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
              created_by text NOT NULL DEFAULT session_user,
              allows_acting_as boolean NOT NULL DEFAULT false)
            """,
            "COMMENT ON COLUMN \(s).workspace.allows_acting_as IS 'the program''s acting-as setting, kept by append_command'",
            "INSERT INTO \(s).workspace (domain_format, allows_acting_as) VALUES (\(domainFormat), \(allowsActingAs))",
            """
            CREATE TABLE \(s).commands (
              seq bigint PRIMARY KEY,
              command_id text NOT NULL UNIQUE,
              kind text NOT NULL,
              actor text NOT NULL,
              db_user text NOT NULL DEFAULT session_user,
              at timestamptz NOT NULL DEFAULT clock_timestamp(),
              client_at bigint NOT NULL,
              based_on bigint,
              format int NOT NULL,
              batch_id text,
              entry jsonb NOT NULL)
            """,
            """
            COMMENT ON COLUMN \(s).commands.actor IS 'the person the client named; db_user is who the server knew'
            """,
            // What was done before the workspace came to the server (`chorus migrate`): records
            // for the history, not commands to replay.
            "CREATE TABLE \(s).earlier_history (seq bigint PRIMARY KEY, record jsonb NOT NULL)",
            "CREATE SEQUENCE \(s).generations",
            """
            CREATE TABLE \(s).snapshots (
              generation bigint PRIMARY KEY,
              through_seq bigint NOT NULL,
              created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
              created_by text NOT NULL DEFAULT session_user)
            """,
            """
            CREATE TABLE \(s).snapshot_chunks (
              generation bigint NOT NULL REFERENCES \(s).snapshots ON DELETE CASCADE,
              file text NOT NULL, part int NOT NULL, bytes bytea NOT NULL,
              PRIMARY KEY (generation, file, part))
            """,
            // A row of its own, so publishing a snapshot never waits for an append.
            """
            CREATE TABLE \(s).snapshot_head (
              id int PRIMARY KEY DEFAULT 1 CHECK (id = 1),
              generation bigint, through_seq bigint NOT NULL DEFAULT -1)
            """,
            "INSERT INTO \(s).snapshot_head DEFAULT VALUES",
            """
            CREATE TABLE \(s).batches (
              id text PRIMARY KEY, byte_count bigint, sha256 text,
              created_at timestamptz NOT NULL DEFAULT clock_timestamp(),
              created_by text NOT NULL DEFAULT session_user)
            """,
            """
            CREATE TABLE \(s).batch_chunks (
              batch_id text NOT NULL REFERENCES \(s).batches ON DELETE CASCADE,
              part int NOT NULL, bytes bytea NOT NULL, PRIMARY KEY (batch_id, part))
            """,
            // The one place that decides who may write what: a member of a workspace role the
            // permissions table allows the kind (a superuser is a member of every role).
            """
            CREATE FUNCTION \(s).may_write(p_kind text) RETURNS boolean LANGUAGE sql STABLE
            SECURITY DEFINER SET search_path = \(s), pg_temp
            AS $$ SELECT EXISTS (SELECT FROM permissions p WHERE p.kind = p_kind
                                 AND pg_has_role(session_user, '\(s)_' || p.role, 'MEMBER')) $$
            """,
            """
            CREATE FUNCTION \(s).require_write(p_kind text) RETURNS void LANGUAGE plpgsql STABLE
            SECURITY DEFINER SET search_path = \(s), pg_temp
            AS $$ BEGIN
              IF NOT may_write(p_kind) THEN
                RAISE EXCEPTION '% may not do that in workspace \(address.workspace): %', session_user,
                    coalesce((SELECT k.needs FROM kinds k WHERE k.kind = p_kind),
                             'it was set up by a Chorus that does not know ' || p_kind || ' commands')
                  USING ERRCODE = '42501', HINT = 'an admin gives the role: chorus people add ' || session_user || ' --role ROLE';
              END IF;
            END $$
            """,
        ] + WorkspaceRoles.checks(address) + [
            """
            CREATE FUNCTION \(s).append_command(p_expected bigint, p_command_id text, p_kind text, p_actor text,
                p_client_at bigint, p_based_on bigint, p_format int, p_batch_id text, p_entry jsonb)
            RETURNS TABLE (outcome text, at_seq bigint) LANGUAGE plpgsql \(guarded)
            AS $$
            DECLARE v_head bigint; v_format int; v_found bigint; v_kind text;
            BEGIN
              v_kind := authorizing_kind(p_entry);
              IF v_kind IS DISTINCT FROM p_kind THEN
                RAISE EXCEPTION 'the entry is a % command, but the client named it %', v_kind, p_kind USING ERRCODE = '22023';
              END IF;
              PERFORM require_write(v_kind);
              PERFORM require_undo(p_entry);
              PERFORM require_actor(p_actor, p_entry);
              SELECT w.head_seq, w.domain_format INTO v_head, v_format FROM workspace w WHERE w.id = 1 FOR UPDATE;
              -- The version gate: entries of an older format would apply differently in the newer
              -- Chorus that wrote here; a newer client's first entry raises the format for good.
              IF p_format < v_format THEN
                RAISE EXCEPTION 'written by a newer Chorus (format %); upgrade to write', v_format
                  USING ERRCODE = '42501', HINT = 'nothing was changed; reading goes on';
              END IF;
              SELECT c.seq INTO v_found FROM commands c WHERE c.command_id = p_command_id;
              IF v_found IS NOT NULL THEN RETURN QUERY SELECT 'duplicate'::text, v_found; RETURN; END IF;
              IF v_head <> p_expected THEN RETURN QUERY SELECT 'conflict'::text, v_head; RETURN; END IF;
              INSERT INTO commands (seq, command_id, kind, actor, client_at, based_on, format, batch_id, entry)
                VALUES (v_head + 1, p_command_id, p_entry->'command'->>'kind', p_actor, p_client_at, p_based_on, p_format, p_batch_id, p_entry);
              UPDATE workspace SET head_seq = v_head + 1, domain_format = greatest(domain_format, p_format), allows_acting_as = allows_acting_as_after(p_entry, allows_acting_as)
                WHERE id = 1;
              PERFORM pg_notify('\(address.channel)', '\(address.workspace) ' || (v_head + 1));
              RETURN QUERY SELECT 'appended'::text, v_head + 1;
            END $$
            """,
            """
            CREATE FUNCTION \(s).begin_snapshot(p_through bigint) RETURNS bigint LANGUAGE plpgsql \(guarded)
            AS $$ DECLARE v_generation bigint;
            BEGIN
              PERFORM require_write('compact');
              INSERT INTO snapshots (generation, through_seq) VALUES (nextval('generations'), p_through) RETURNING generation INTO v_generation;
              RETURN v_generation;
            END $$
            """,
            """
            CREATE FUNCTION \(s).put_snapshot_chunk(p_generation bigint, p_file text, p_part int, p_bytes bytea) RETURNS void
            LANGUAGE plpgsql \(guarded)
            AS $$ BEGIN
              PERFORM require_write('compact');
              INSERT INTO snapshot_chunks VALUES (p_generation, p_file, p_part, p_bytes);
            END $$
            """,
            // The newer snapshot wins; the one it replaces stays for readers that started on
            // it, and older ones are removed.
            """
            CREATE FUNCTION \(s).publish_snapshot(p_generation bigint) RETURNS boolean LANGUAGE plpgsql \(guarded)
            AS $$ DECLARE v_through bigint; v_previous bigint;
            BEGIN
              PERFORM require_write('compact');
              SELECT through_seq INTO v_through FROM snapshots WHERE generation = p_generation;
              SELECT generation INTO v_previous FROM snapshot_head WHERE id = 1 FOR UPDATE;
              UPDATE snapshot_head SET generation = p_generation, through_seq = v_through WHERE id = 1 AND through_seq < v_through;
              IF NOT FOUND THEN DELETE FROM snapshots WHERE generation = p_generation; RETURN false; END IF;
              DELETE FROM snapshots WHERE generation < coalesce(v_previous, p_generation) ;
              RETURN true;
            END $$
            """,
            """
            CREATE FUNCTION \(s).stage_chunk(p_batch text, p_part int, p_bytes bytea) RETURNS void LANGUAGE plpgsql \(guarded)
            AS $$ BEGIN
              PERFORM require_write('stage');
              INSERT INTO batches (id) VALUES (p_batch) ON CONFLICT DO NOTHING;
              INSERT INTO batch_chunks VALUES (p_batch, p_part, p_bytes);
            END $$
            """,
            """
            CREATE FUNCTION \(s).finish_batch(p_batch text, p_byte_count bigint) RETURNS void LANGUAGE plpgsql \(guarded)
            AS $$ BEGIN
              PERFORM require_write('stage');
              INSERT INTO batches (id) VALUES (p_batch) ON CONFLICT DO NOTHING;
              UPDATE batches SET byte_count = p_byte_count,
                sha256 = encode(sha256(coalesce((SELECT string_agg(bytes, ''::bytea ORDER BY part) FROM batch_chunks WHERE batch_id = p_batch), ''::bytea)), 'hex')
                WHERE id = p_batch;
            END $$
            """,
            "REVOKE ALL ON SCHEMA \(s) FROM PUBLIC",
            "REVOKE ALL ON ALL FUNCTIONS IN SCHEMA \(s) FROM PUBLIC",
            "GRANT USAGE ON SCHEMA \(s) TO \(member)",
            "GRANT SELECT ON ALL TABLES IN SCHEMA \(s) TO \(member)",
            "GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA \(s) TO \(member)",
        ]
    }
}
