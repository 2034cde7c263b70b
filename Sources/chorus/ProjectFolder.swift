import Foundation

/// Finds files that ship beside the binary in a checkout (the sample program, the themes):
/// in the executable's folder or one of the five above it, which covers `swift run` and
/// `.build/release/chorus` alike. Never the current folder: a demo run in a folder someone
/// else filled (a download, a shared drive) must not pick up that folder's themes or sample.
enum ProjectFolder {
    /// `relativePath` under the first candidate folder that holds `marker` inside it.
    static func locate(_ relativePath: String, containing marker: String) -> URL? {
        var candidates: [URL] = []
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            candidates.append(folder)
            folder = folder.deletingLastPathComponent()
        }
        return candidates.map { $0.appendingPathComponent(relativePath) }
            .first { FileManager.default.fileExists(atPath: $0.appendingPathComponent(marker).path) }
    }
}
