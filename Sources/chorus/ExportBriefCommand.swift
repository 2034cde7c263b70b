import ArgumentParser
import ChorusCore
import ChorusOutbox
import Foundation

/// `chorus export brief W2 [--creator @handle]`: the brief as Markdown and printable HTML.
struct ExportBriefCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "brief", abstract: "Write a wave's brief as Markdown and printable HTML (for one creator: their due dates, code and link).")

    @Argument(help: ArgumentHelp("The wave (id, slug or name).", valueName: "wave")) var wave: String
    @Option(name: .customLong("creator"), help: ArgumentHelp("The creator the brief is for: @handle.", valueName: "handle")) var creator: String?
    @Option(name: [.customLong("output"), .customShort("o")], help: ArgumentHelp("The folder to write the two files in.", valueName: "dir"))
    var folder = "."
    @Flag(help: "Replace the files if they exist.") var force = false
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let current = try workspace.openForReading().workspace
            let waveID = try Listings(workspace: current, today: Clock.now.day).resolveWave(wave)
            guard let wave = current.wave(waveID) else { return }
            let person = try creator.map { handle in
                guard let found = current.creator(handle: handle) else { throw CLIFailure(message: "no creator with the handle \(handle)") }
                guard current.enrollment(found.id, in: waveID) != nil else { throw CLIFailure(message: "@\(found.handle) is not in \(wave.name)") }
                return found
            }
            let document = BriefDocument(workspace: current, wave: wave, creator: person)
            let name = "brief-\(wave.id.rawValue)" + (person.map { "-" + $0.effectiveLinkSlug } ?? "")
            let base = URL(fileURLWithPath: folder)
            let files = [("md", document.markdown), ("html", document.html)].map { (base.appendingPathComponent("\(name).\($0.0)"), $0.1) }
            // Both or neither: a half-written pair would leave an old page beside a new one.
            if !force, let existing = files.first(where: { FileManager.default.fileExists(atPath: $0.0.path) }) {
                throw CLIFailure(message: "\(existing.0.path) already exists; use --force to replace it")
            }
            for (url, text) in files {
                var destination = ExportDestination()
                destination.output = url.path
                destination.force = force
                // Made here, not parsed: every flag it reads must be set (--raw and --bom are for CSV).
                (destination.raw, destination.bom) = (false, false)
                try destination.write(Array(text.utf8))
                try Output.print("wrote \(url.path)")
            }
        }
    }
}
