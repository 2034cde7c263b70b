import Foundation
import XCTest

/// A coordinator drafting every kind of message from the sample program with `chorus outbox
/// build --write`: the `.eml` files and Klaviyo CSVs match the golden copies in
/// Tests/Fixtures/outbox (CHORUS_UPDATE_GOLDEN=1 rewrites them), and Python's `email` package,
/// a real MIME parser, reads back the headers, the non-ASCII names and subjects, and the merged text.
final class OutboxCommandLineTests: XCTestCase {
    var workspace: URL!
    let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/outbox")

    /// One recipient per kind, on a day the kind fits them, with what the message must say.
    struct Draft {
        var kind: String, wave: String, handle: String, now: String
        var name: String, firstName: String, subject: String, says: String
    }

    static let drafts = [
        Draft(kind: "invite", wave: "W2", handle: "siobhan.smith_162", now: "2026-11-21T10:00:00Z", name: "Siobhán Smith", firstName: "Siobhán",
              subject: "Siobhán, join our creators for Wave 2 — Summer SPF", says: "as @siobhan.smith_162"),
        Draft(kind: "apply", wave: "W2", handle: "mason.glow25", now: "2026-11-21T10:00:00Z", name: "Mason Williams", firstName: "Mason",
              subject: "Mason, you could be one of our creators", says: "about Wave 2 — Summer SPF"),
        Draft(kind: "brief", wave: "W3", handle: "harry.coast83", now: "2026-11-21T10:00:00Z", name: "Harry Patel", firstName: "Harry",
              subject: "Your brief for Wave 3 — Autumn repair", says: "utm_content=harry.coast83"),
        Draft(kind: "shipped", wave: "W2", handle: "yui.yamada63", now: "2026-11-21T10:00:00Z", name: "山田 結衣", firstName: "山田",
              subject: "Your parcel is on its way", says: "tracking number"),
        Draft(kind: "nudge-1", wave: "W2", handle: "yui_coast56", now: "2026-11-21T10:00:00Z", name: "鈴木 結衣", firstName: "鈴木",
              subject: "How are you getting on with", says: "Your parcel arrived a week ago"),
        Draft(kind: "nudge-2", wave: "W2", handle: "ava_brooks", now: "2026-11-26T10:00:00Z", name: "Ava Brooks", firstName: "Ava",
              subject: "A reminder about Wave 2 — Summer SPF", says: "we have not seen your content"),
        Draft(kind: "nudge-3", wave: "W2", handle: "harper.calm", now: "2026-11-30T10:00:00Z", name: "Harper Johnson", firstName: "Harper",
              subject: "Last reminder: Wave 2 — Summer SPF", says: "Please reply either way"),
        Draft(kind: "late", wave: "W2", handle: "siobhan.salt39", now: "2026-11-21T10:00:00Z", name: "Siobhán Evans", firstName: "Siobhán",
              subject: "Your content for Wave 2 — Summer SPF was due on 2026-11-16", says: "was due on 2026-11-16"),
        Draft(kind: "changes-requested", wave: "W2", handle: "haeun.salt_216", now: "2026-11-21T10:00:00Z", name: "김하은", firstName: "김하은",
              subject: "A few changes to your Wave 2 — Summer SPF post", says: "please change this"),
        Draft(kind: "approved", wave: "W2", handle: "niccolo.routine87", now: "2026-11-21T10:00:00Z", name: "Niccolò Rossi", firstName: "Niccolò",
              subject: "Your Wave 2 — Summer SPF post is approved", says: "Your content is approved"),
        Draft(kind: "rights-renewal", wave: "W1", handle: "felix.mueller", now: "2026-11-21T10:00:00Z", name: "Felix Müller", firstName: "Felix",
              subject: "Renewing the rights to your Wave 1 — Spring test content", says: "end on 20"),
        Draft(kind: "payout", wave: "W1", handle: "felix.mueller", now: "2026-11-21T10:00:00Z", name: "Felix Müller", firstName: "Felix",
              subject: "Your payout of ", says: " EUR for Wave 1 — Spring test"),
    ]

    override func setUpWithError() throws {
        workspace = try ChorusProcess.temporaryFolder()
        XCTAssertEqual(try ChorusProcess.run(["init", "--sample", workspace.path]).status, 0)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(at: workspace) }

    private func chorus(_ arguments: [String], now: String = ChorusProcess.pinnedNow) throws -> ChorusProcess.Result {
        try ChorusProcess.run(arguments + ["--workspace", workspace.path], environment: ["CHORUS_NOW": now])
    }

    func testEveryKindDraftsGoldenFilesThatAMailParserReadsBack() throws {
        XCTAssertEqual(try chorus(["payout", "create"]).status, 0)
        for draft in Self.drafts {
            let built = try chorus(["outbox", "build", "--kind", draft.kind, "--wave", draft.wave, "--creator", "@" + draft.handle, "--write"], now: draft.now)
            XCTAssertEqual(built.status, 0, "\(draft.kind): \(built.stderr)")
            let folder = workspace.appendingPathComponent("outbox/\(draft.now.prefix(10))-\(draft.kind)")
            let eml = folder.appendingPathComponent("\(draft.handle).eml"), csv = folder.appendingPathComponent("klaviyo.csv")
            try matchGolden(eml, "\(draft.kind).eml")
            try matchGolden(csv, "\(draft.kind).csv")

            let message = try python(Self.readEmail, eml.path)
            XCTAssertEqual(message["defects"], "0", draft.kind)
            XCTAssertEqual(message["to_name"], draft.name, draft.kind)
            XCTAssertEqual(message["to_addr"]?.contains("@"), true)
            XCTAssertEqual(message["from"], "Kelpie Skin <creators@kelpieskin.eu>")
            XCTAssertTrue(message["subject"]?.hasPrefix(draft.subject) == true, "\(draft.kind): \(message["subject"] ?? "")")
            XCTAssertEqual(message["message_id"]?.hasSuffix("@kelpieskin.eu>"), true)
            XCTAssertEqual(message["charset"], "utf-8")
            XCTAssertNotNil(message["date"].flatMap { $0.isEmpty ? nil : $0 }, draft.kind)
            XCTAssertTrue(message["body"]?.hasPrefix("Hi \(draft.firstName),") == true, "\(draft.kind): \(message["body"] ?? "")")
            XCTAssertTrue(message["body"]?.contains(draft.says) == true, "\(draft.kind): \(message["body"] ?? "")")
            XCTAssertFalse(message["body"]?.contains("{{") == true, draft.kind)

            let row = try python(Self.readCSV, csv.path)
            XCTAssertEqual(row["First Name"], draft.firstName, draft.kind)
            XCTAssertEqual(row["Email"], message["to_addr"], draft.kind)
            XCTAssertEqual(row["handle"], "@" + draft.handle, draft.kind)
            XCTAssertEqual(row["wave"]?.isEmpty, false, draft.kind)
        }
        let pipeline = try chorus(["list", "creators", "--late", "--wave", "W2", "--format", "csv"], now: "2026-11-21T10:00:00Z")
        XCTAssertTrue(pipeline.stdout.contains("Siobhán Evans,W2,2026-11-16,5d late,late,late drafted today"), pipeline.stdout)
    }

    func testAMarketingMessageIsRefusedForPeopleWithoutConsentNamingThem() throws {
        let refused = try chorus(["outbox", "build", "--kind", "invite", "--wave", "W3", "--write"])
        XCTAssertEqual(refused.status, 1)
        XCTAssertTrue(refused.stderr.contains("Sophie Schmidt (@sophie_schmidt_156)"), refused.stderr)
        XCTAssertTrue(refused.stderr.contains("have not accepted marketing"), refused.stderr)
        XCTAssertFalse(FileManager.default.fileExists(atPath: workspace.appendingPathComponent("outbox").path))
    }

    func testTheSameStepIsDraftedOnceAndMarkedSentOnce() throws {
        let arguments = ["outbox", "build", "--kind", "late", "--wave", "W2", "--creator", "@siobhan.salt39", "--write"]
        XCTAssertEqual(try chorus(arguments).status, 0)
        let again = try chorus(arguments)
        XCTAssertTrue(again.stdout.contains("skipped: @siobhan.salt39 already has late drafted today"), again.stdout)
        XCTAssertTrue(again.stdout.contains("nothing to write"), again.stdout)

        let sent = try chorus(["outbox", "mark-sent", "--kind", "late", "--wave", "W2"], now: "2026-11-22T09:00:00Z")
        XCTAssertEqual(sent.stdout, "marked 1 late message sent for Wave 2 — Summer SPF\n")
        let listed = try chorus(["list", "creators", "--late", "--format", "csv"], now: "2026-11-23T09:00:00Z")
        XCTAssertTrue(listed.stdout.contains("Siobhán Evans,W2,2026-11-16,7d late,late,late sent 2026-11-22"), listed.stdout)
    }

    func testADueDateMovedOnTheCommandLineTakesACreatorOffTheLateList() throws {
        XCTAssertEqual(try chorus(["due", "W2", "@siobhan.salt39", "+7d"]).stdout, "@siobhan.salt39 is now due 2026-11-23\n")
        let listed = try chorus(["list", "creators", "--late", "--wave", "W2"])
        XCTAssertFalse(listed.stdout.contains("siobhan.salt39"), listed.stdout)

        // Yui's parcel arrived nine days ago: with more time she is not late, but quiet, and a nudge is next.
        XCTAssertEqual(try chorus(["due", "W2", "@yui_coast56", "+7d"]).status, 0)
        let chase = try chorus(["list", "creators", "--late", "--wave", "W2", "--format", "csv"])
        XCTAssertTrue(chase.stdout.contains("鈴木 結衣,W2,2026-11-23,nudge 1 · 9d,nudge-1,"), chase.stdout)
        XCTAssertTrue(chase.stdout.hasSuffix("鈴木 結衣,W2,2026-11-23,nudge 1 · 9d,nudge-1,\n"), "the late come first, then the quiet")
        let wrong = try chorus(["due", "W2", "@siobhan.salt39", "next week"])
        XCTAssertTrue(wrong.stderr.contains("'next week' is not a due date"), wrong.stderr)
    }

    private func matchGolden(_ produced: URL, _ name: String) throws {
        let bytes = try Data(contentsOf: produced)
        let expected = golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["CHORUS_UPDATE_GOLDEN"] == "1" {
            try FileManager.default.createDirectory(at: golden, withIntermediateDirectories: true)
            try bytes.write(to: expected)
        }
        XCTAssertEqual(String(decoding: bytes, as: UTF8.self), String(decoding: try Data(contentsOf: expected), as: UTF8.self), name)
    }

    /// Runs a Python snippet on a file and reads the JSON object of strings it prints.
    private func python(_ script: String, _ path: String) throws -> [String: String] {
        let result = try Spawn.run("/usr/bin/env", ["python3", "-c", script, path])
        XCTAssertEqual(result.status, 0, String(decoding: result.stderr, as: UTF8.self))
        return try JSONDecoder().decode([String: String].self, from: result.stdout)
    }

    static let readEmail = """
        import email, json, sys
        from email import policy
        with open(sys.argv[1], 'rb') as f:
            m = email.message_from_binary_file(f, policy=policy.default)
        to = m['To'].addresses[0]
        defects = len(m.defects) + sum(len(m[h].defects) for h in ('From', 'To', 'Subject', 'Date', 'Message-ID'))
        print(json.dumps({'from': str(m['From']), 'to_name': to.display_name, 'to_addr': to.addr_spec,
            'subject': str(m['Subject']), 'message_id': str(m['Message-ID']), 'date': str(m['Date'].datetime),
            'charset': m.get_content_charset(), 'body': m.get_content(), 'defects': str(defects)}))
        """

    static let readCSV = """
        import csv, json, sys
        with open(sys.argv[1], newline='', encoding='utf-8') as f:
            rows = list(csv.DictReader(f))
        assert len(rows) == 1, rows
        print(json.dumps(rows[0]))
        """
}

/// The brief as a parcel insert: Markdown and a printable page, with one creator's own due
/// dates, code and link.
final class ExportBriefCommandLineTests: XCTestCase {
    func testABriefForOneCreatorCarriesTheirOwnDueDatesCodeAndLink() throws {
        let workspace = try ChorusProcess.temporaryFolder(), folder = try ChorusProcess.temporaryFolder("chorus-e2e-brief")
        defer { try? FileManager.default.removeItem(at: workspace); try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        XCTAssertEqual(try ChorusProcess.run(["init", "--sample", workspace.path]).status, 0)
        XCTAssertEqual(try ChorusProcess.run(["due", "W2", "@zoe.angstrom", "+7d", "-w", workspace.path]).status, 0)

        let written = try ChorusProcess.run(["export", "brief", "W2", "--creator", "@zoe.angstrom", "-o", folder.path, "-w", workspace.path])
        XCTAssertEqual(written.status, 0, written.stderr)
        let markdown = try String(contentsOf: folder.appendingPathComponent("brief-W2-zoe.angstrom.md"), encoding: .utf8)
        XCTAssertTrue(markdown.hasPrefix("# Wave 2 — Summer SPF: your brief, @zoe.angstrom\n"), markdown)
        for line in ["- 2 × Algae Lip Balm", "- #KelpieGlow", "- @kelpieskin", "with one of: #ad, #sponsored, paid partnership.",
                     "- Your discount code: ZOEANGSTRO15", "utm_content=zoe.angstrom",
                     "| Instagram | reel | 2026-11-23 |", "| Instagram | story | 2026-11-28 |", "| TikTok | video | 2026-12-03 |"] {
            XCTAssertTrue(markdown.contains(line), "\(line) in\n\(markdown)")
        }
        let html = try String(contentsOf: folder.appendingPathComponent("brief-W2-zoe.angstrom.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">") && html.contains("<td>2026-11-23</td>"), html)
        XCTAssertTrue(html.contains("utm_source=youtube&amp;utm_medium=creator"), "ampersands are escaped")

        let again = try ChorusProcess.run(["export", "brief", "W2", "--creator", "@zoe.angstrom", "-o", folder.path, "-w", workspace.path])
        XCTAssertEqual(again.status, 1)
        XCTAssertTrue(again.stderr.contains("already exists; use --force to replace it"), again.stderr)
        let wave = try ChorusProcess.run(["export", "brief", "W2", "-o", folder.path, "-w", workspace.path])
        XCTAssertTrue(try String(contentsOf: folder.appendingPathComponent("brief-W2.md"), encoding: .utf8).contains("| Instagram | reel | 2026-11-16 |"), wave.stderr)
    }
}
