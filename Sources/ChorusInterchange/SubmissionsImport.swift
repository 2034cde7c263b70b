import ChorusCore

/// Reads drafts that arrived outside Chorus (a form, a shared drive, an agency's sheet) into one
/// `.addSubmissions`, so they join the approval inbox with their checks.
///
/// Each row names the creator by handle and the wave by id, slug or name; the deliverable is the
/// brief's one for that platform and format (none: extra content). A creator who already has a
/// draft of that deliverable waiting for changes is resubmitting, which is recorded against that
/// draft (`chorus resubmit`), so the row is refused with that advice rather than starting a
/// second, unrelated draft.
public struct SubmissionsImport: Sendable {
    public static let columns = ["handle", "wave", "platform", "format", "caption", "asset_urls", "submitted_at", "on_screen_text"]
    static let required = ["handle", "wave", "platform", "format", "caption", "submitted_at"]

    public private(set) var submissions: [Submission] = []
    public private(set) var errors: [ImportRowError] = []

    /// The command to send, or nil when no row could be read.
    public var command: Command? { submissions.isEmpty ? nil : .addSubmissions(submissions) }

    public init(bytes: [UInt8], fileName: String, workspace: Workspace) throws {
        var table = try CSVTable(bytes: bytes, fileName: fileName)
        try ImportFormatError.require(Self.required, in: table, expected: "a submissions file")
        var column: [String: Int] = [:]
        for name in Self.columns { column[name] = table.header.index(of: name) }
        var ids = IDSequence<SubmissionID>(after: workspace.submissions.lazy.map(\.id), prefix: "SU-", width: 4)
        var record = CSVRecord()
        while try table.readNext(into: &record) {
            let line = record.line
            let cell = { (name: String) -> String in column[name].map { record[$0].trimmingWhitespace } ?? "" }
            let fail = { (name: String, message: String) in
                ImportRowError(fileName: fileName, line: line, column: (column[name] ?? -1) + 1, message: message,
                               field: column[name] == nil ? nil : name)
            }
            do {
                submissions.append(try Self.submission(cell, fail, id: { ids.next() }, workspace: workspace))
            } catch let error as ImportRowError {
                errors.append(error)
            }
        }
    }

    private static func submission(_ cell: (String) -> String, _ fail: (String, String) -> ImportRowError,
                                   id: () -> SubmissionID, workspace: Workspace) throws -> Submission {
        let handle = cell("handle")
        guard !handle.isEmpty else { throw fail("handle", "the row has no handle") }
        guard let creator = workspace.creator(handle: handle) else {
            throw fail("handle", "no creator @\(Creator.normalizedHandle(handle)); add them first (chorus import creators)")
        }
        let waveText = cell("wave")
        guard let wave = workspace.wave(matching: waveText) else {
            let known = workspace.waves.map(\.id.rawValue).joined(separator: ", ")
            throw fail("wave", waveText.isEmpty ? "the row has no wave" : "no wave '\(waveText.excerpt)'; use an id, slug or name (\(known))")
        }
        guard workspace.enrollment(creator.id, in: wave.id) != nil else {
            throw fail("wave", "@\(creator.handle) is not in \(wave.name), so cannot submit for it")
        }
        let platformText = cell("platform")
        guard let platform = Platform.allCases.first(where: { $0.rawValue == platformText.lowercased() || $0.label.lowercased() == platformText.lowercased() }) else {
            throw fail("platform", "'\(platformText.excerpt)' is not a platform; use one of \(Platform.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let formatText = cell("format")
        guard let format = ContentFormat(rawValue: formatText.lowercased()) else {
            throw fail("format", "'\(formatText.excerpt)' is not a format; use one of \(ContentFormat.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let caption = cell("caption")
        guard !caption.isEmpty else { throw fail("caption", "the caption is empty; a draft is judged on its caption") }
        let timeText = cell("submitted_at")
        guard let submittedAt = Timestamp(timeText) else {
            throw fail("submitted_at", "'\(timeText.excerpt)' is not a time like 2026-11-20T14:30:00Z or a date like 2026-11-20")
        }
        let deliverable = wave.brief.deliverables.first { $0.platform == platform && $0.format == format }
        if let waiting = workspace.submissions.first(where: {
            $0.creatorID == creator.id && $0.waveID == wave.id && $0.status == .changesRequested
                && $0.platform == platform && $0.format == format
        }) {
            throw fail("caption", "@\(creator.handle) has \(waiting.id) waiting for changes for this \(platform.rawValue) \(format.rawValue); "
                + "record the new round with: chorus resubmit \(waiting.id) --caption \"…\"")
        }
        let assets = cell("asset_urls").split(whereSeparator: { $0 == ";" || $0 == " " || $0 == "\n" }).map(String.init)
        return Submission(id: id(), creatorID: creator.id, waveID: wave.id, deliverableID: deliverable?.id, platform: platform,
                          format: format, caption: caption, onScreenText: cell("on_screen_text"), assetRefs: assets,
                          submittedAt: submittedAt)
    }
}
