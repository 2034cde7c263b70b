import Foundation

/// The peer `chorus bench --peers` measures attribution against: DuckDB, given the same
/// workspace data as CSV (`PeerData`), applying the README's attribution rules in SQL and
/// writing the same per-creator figures as `chorus report attribution --format csv`.
///
/// DuckDB comes from PyPI into a virtual environment beside the bench workspaces, on first use
/// only: it is never a dependency of Chorus or its tests.
public struct DuckDBPeer {
    /// The environment's Python, with `duckdb` importable.
    public let python: URL

    /// The environment in `folder` (created, with `pip install duckdb`, when missing); throws
    /// saying what failed when Python, venv or PyPI is not available.
    public static func prepare(in folder: URL, log: (String) -> Void) throws -> DuckDBPeer {
        let environment = folder.appendingPathComponent(".peers-venv")
        let peer = DuckDBPeer(python: environment.appendingPathComponent("bin/python"))
        if (try? MeasuredRun.run([peer.python.path, "-c", "import duckdb"])) != nil { return peer }
        log("installing DuckDB from PyPI into \(environment.path) (once) …")
        try? FileManager.default.removeItem(at: environment)
        _ = try MeasuredRun.run(["/usr/bin/env", "python3", "-m", "venv", environment.path])
        _ = try MeasuredRun.run([environment.appendingPathComponent("bin/pip").path, "install", "--quiet", "duckdb"])
        return peer
    }

    /// What one run of the script reports: its own timings (loading the CSV files, then
    /// crediting the orders), how many orders each rule decided, and the figures file.
    public struct Result {
        public var run: MeasuredRun
        public var loadSeconds: Double
        public var creditSeconds: Double
        public var counts: [String: Int]
    }

    /// Runs the script on `data`, writing the per-creator figures to `output`, best of `repetitions`.
    public func attribute(_ data: PeerData, creatorMedium: String, paidMediums: [String], output: URL, repetitions: Int) throws -> Result {
        let script = data.folder.appendingPathComponent("attribution.py")
        try Data(Self.script.utf8).write(to: script)
        let run = try MeasuredRun.best(of: repetitions, [python.path, script.path, data.folder.path, output.path, creatorMedium,
                                                         paidMediums.joined(separator: ",")])
        var figures: [String: String] = [:]
        for pair in run.output.split(whereSeparator: \.isWhitespace) {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { figures[String(parts[0])] = String(parts[1]) }
        }
        var counts: [String: Int] = [:]
        for (key, value) in figures where !key.hasSuffix("_s") { counts[key] = Int(value) }
        return Result(run: run, loadSeconds: figures["load_s"].flatMap(Double.init) ?? 0,
                      creditSeconds: figures["credit_s"].flatMap(Double.init) ?? 0, counts: counts)
    }

    /// Reads a DuckDB `read_csv` of `file` into a table, the peer of `chorus import orders`.
    public func readCSV(_ file: URL, repetitions: Int) throws -> MeasuredRun {
        try MeasuredRun.best(of: repetitions, [python.path, "-c", """
            import duckdb, sys
            db = duckdb.connect()
            db.execute("SET threads TO 2")
            db.execute("CREATE TABLE orders AS SELECT * FROM read_csv(?)", [sys.argv[1]])
            """, file.path])
    }

    /// The attribution rules in SQL. Rule 5's whole-word matching is done on phrases of up to
    /// as many words as the longest name, and a match inside a longer matching phrase of the
    /// same text is dropped, which is what `CreatorMentions` does. Prints `key=value` figures.
    static let script = #"""
import sys, time
start = time.monotonic()
import duckdb

data, out, creator_medium = sys.argv[1], sys.argv[2], sys.argv[3].lower()
paid = [m.lower() for m in sys.argv[4].split(",") if m]
db = duckdb.connect()
db.execute("SET threads TO 2")
q = db.execute
q(f"""CREATE TABLE orders AS SELECT * FROM read_csv('{data}/orders.csv', header = true, delim = ',', quote = '"', escape = '"', columns = {{
    'pos': 'BIGINT', 'financial_status': 'VARCHAR', 'cancelled': 'BOOLEAN', 'subtotal': 'BIGINT', 'refunded': 'BIGINT',
    'codes': 'VARCHAR', 'medium': 'VARCHAR', 'content': 'VARCHAR'}})""")
q(f"""CREATE TABLE codes AS SELECT * FROM read_csv('{data}/codes.csv', header = true, delim = ',', quote = '"', escape = '"', columns = {{'code': 'VARCHAR', 'creator': 'INTEGER'}})""")
q(f"""CREATE TABLE creators AS SELECT * FROM read_csv('{data}/creators.csv', header = true, delim = ',', quote = '"', escape = '"',
    columns = {{'pos': 'INTEGER', 'handle': 'VARCHAR', 'slug': 'VARCHAR'}})""")
q(f"""CREATE TABLE names AS SELECT * FROM read_csv('{data}/names.csv', header = true, delim = ',', quote = '"', escape = '"', columns = {{'creator': 'INTEGER', 'phrase': 'VARCHAR'}})""")
q(f"""CREATE TABLE answers AS SELECT * FROM read_csv('{data}/answers.csv', header = true, delim = ',', quote = '"', escape = '"', columns = {{
    'order_pos': 'BIGINT', 'answer_pos': 'BIGINT', 'response': 'VARCHAR', 'other': 'VARCHAR', 'credited': 'INTEGER'}})""")
loaded = time.monotonic()

# 1. Cancelled, voided, pending and authorized orders count for nothing.
q("""CREATE TABLE counted AS SELECT pos, greatest(subtotal - refunded, 0) AS net, lower(medium) AS medium, content,
     codes FROM orders WHERE NOT coalesce(cancelled, false)
     AND lower(financial_status) NOT IN ('voided', 'pending', 'authorized')""")
# 2. Direct by code: the first code in the field that belongs to a creator.
q("""CREATE TABLE by_code AS SELECT pos, arg_min(c.creator, i) AS creator FROM (
       SELECT pos, upper(trim(unnest(string_split(codes, ',')), ' \t')) AS code,
              unnest(range(1, len(string_split(codes, ',')) + 1)) AS i
       FROM counted WHERE codes IS NOT NULL) s
     JOIN (SELECT upper(code) AS code, any_value(creator) AS creator FROM codes GROUP BY upper(code)) c USING (code) GROUP BY pos""")
# 3. Direct by link (the first creator with a slug owns it); 4. paid or affiliate.
q("""CREATE TABLE slugs AS SELECT lower(slug) AS slug, min(pos) AS creator FROM creators WHERE handle <> '' GROUP BY lower(slug)""")
q(f"""CREATE TABLE decided AS SELECT o.pos, o.net,
       CASE WHEN b.creator IS NOT NULL THEN 'direct'
            WHEN o.medium = $cm AND l.creator IS NOT NULL THEN 'direct'
            WHEN list_contains($paid, o.medium) THEN 'paid'
            ELSE 'rest' END AS rule,
       coalesce(b.creator, CASE WHEN o.medium = $cm THEN l.creator END) AS creator
     FROM counted o LEFT JOIN by_code b USING (pos) LEFT JOIN slugs l ON l.slug = lower(trim(o.content))""",
  {"cm": creator_medium, "paid": paid})
# 5. Assisted by survey: a person's choice, else the one creator the answers name by handle,
# name or alias, as whole words (a name inside a longer named phrase does not count).
q("""CREATE TABLE open_answers AS SELECT a.* FROM answers a JOIN decided d ON d.pos = a.order_pos AND d.rule = 'rest'""")
q("""CREATE TABLE chosen AS SELECT order_pos AS pos, arg_min(credited, answer_pos) AS creator
     FROM open_answers WHERE credited IS NOT NULL GROUP BY order_pos""")
longest = q("SELECT max(len(string_split(phrase, ' '))) FROM names").fetchone()[0] or 1
q(f"""CREATE TABLE texts AS SELECT order_pos, answer_pos, kind,
       list_filter(regexp_split_to_array(strip_accents(lower(text)), '[^a-z0-9]+'), lambda w: w <> '') AS words
     FROM (SELECT order_pos, answer_pos, 0 AS kind, response AS text FROM open_answers
           UNION ALL SELECT order_pos, answer_pos, 1, other FROM open_answers WHERE other IS NOT NULL)
     WHERE order_pos NOT IN (SELECT pos FROM chosen)""")
q(f"""CREATE TABLE spans AS SELECT order_pos, answer_pos, kind, i, n, array_to_string(words[i:i + n - 1], ' ') AS phrase FROM (
       SELECT order_pos, answer_pos, kind, words, i, unnest(range(1, least({longest}, len(words) - i + 1) + 1)) AS n FROM (
         SELECT order_pos, answer_pos, kind, words, unnest(range(1, len(words) + 1)) AS i FROM texts))""")
q("""CREATE TABLE found AS SELECT order_pos, answer_pos, kind, i, n, phrase FROM spans
     WHERE phrase IN (SELECT phrase FROM names)""")
q("""CREATE TABLE shown AS SELECT f.* FROM found f WHERE NOT EXISTS (SELECT 1 FROM found g
       WHERE g.order_pos = f.order_pos AND g.answer_pos = f.answer_pos AND g.kind = f.kind
         AND g.i <= f.i AND g.i + g.n >= f.i + f.n AND g.n > f.n)""")
# One creator or several is all that matters: the lowest and highest position tell.
q("""CREATE TABLE named AS SELECT order_pos AS pos, CASE WHEN min(creator) = max(creator) THEN 1 ELSE 2 END AS creators,
     min(creator) AS creator FROM shown JOIN names USING (phrase) GROUP BY order_pos""")
q("""CREATE TABLE credited AS SELECT d.pos, d.net,
       CASE WHEN d.rule <> 'rest' THEN d.rule WHEN c.creator IS NOT NULL OR n.creators = 1 THEN 'assisted'
            WHEN n.creators > 1 THEN 'ambiguous' ELSE 'unattributed' END AS rule,
       CASE WHEN d.rule = 'direct' THEN d.creator WHEN c.creator IS NOT NULL THEN c.creator
            WHEN n.creators = 1 THEN n.creator END AS creator
     FROM decided d LEFT JOIN chosen c USING (pos) LEFT JOIN named n USING (pos)""")
credited = time.monotonic()
q(f"""COPY (SELECT 'creator' AS kind, handle, direct_orders, direct_net, assisted_orders, assisted_net,
         direct_orders + assisted_orders AS orders, direct_net + assisted_net AS net
       FROM (SELECT creator,
         count(*) FILTER (rule = 'direct') AS direct_orders, coalesce(sum(net) FILTER (rule = 'direct'), 0) AS direct_net,
         count(*) FILTER (rule = 'assisted') AS assisted_orders, coalesce(sum(net) FILTER (rule = 'assisted'), 0) AS assisted_net
         FROM credited WHERE creator IS NOT NULL GROUP BY creator) t JOIN creators ON creators.pos = t.creator
       ORDER BY direct_net DESC, handle) TO '{out}' (HEADER)""")
counts = dict(q("SELECT rule, count(*) FROM credited GROUP BY rule").fetchall())
counts["notCounted"] = q("SELECT count(*) FROM orders").fetchone()[0] - sum(counts.values())
end = time.monotonic()
print(f"load_s={loaded - start:.3f} credit_s={credited - loaded:.3f} total_s={end - start:.3f} "
      + " ".join(f"{k}={v}" for k, v in sorted(counts.items())))
"""#
}
