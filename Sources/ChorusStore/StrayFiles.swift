import Foundation

/// A file in a workspace folder that Chorus wrote and no manifest refers to any more: a
/// snapshot generation left by a compaction that was killed or failed, or a temporary file.
///
/// Snapshot files hold customers' names and addresses and can be as big as the live snapshot,
/// so they must not pile up: a compaction removes every stray once its manifest is in place,
/// and `chorus check` reports them with their size. Files Chorus does not write (a person's
/// notes kept beside the workspace) are never strays and never touched.
public struct StrayFile: Hashable, Sendable {
    public var name: String
    public var byteCount: Int

    public init(name: String, byteCount: Int) {
        self.name = name
        self.byteCount = byteCount
    }
}

extension WorkspaceStore {
    /// Files in the folder that the current manifest does not name, with their sizes, oldest
    /// name first. A read-only store cannot know whether a console is writing a newer
    /// generation at this moment, so those are listed too.
    public var strayFiles: [StrayFile] {
        Self.strays(in: folder, manifest: manifest, keeping: inFlightGenerations, fileSystem: fileSystem)
    }

    /// Removes every stray except the generations still being written by this store.
    func removeStrayFiles() {
        for stray in strayFiles {
            if JournalSegment.isSegmentName(stray.name), let folderLog {
                folderLog.retire(segment: stray.name)
            } else {
                try? fileSystem.removeFile(at: folder + "/" + stray.name)
            }
        }
    }

    static func strays(in folder: String, manifest: Manifest, keeping inFlight: Set<Int>, fileSystem: any FileSystem) -> [StrayFile] {
        let named = Set(manifest.files)
        let names = (try? fileSystem.fileNames(in: folder)) ?? []
        return names.filter { name in
            guard !named.contains(name) else { return false }
            if temporaryNames.contains(name) || JournalSegment.isSegmentName(name) { return true }
            // Attribution kept for a snapshot past the current one (files put back from a backup):
            // `removeOthers` leaves later states' files alone, and the generation may come round again.
            if let kept = StoredAttribution.Key(fileName: name) { return kept.generation > manifest.generation }
            guard let generation = generation(of: name) else { return false }
            return !inFlight.contains(generation)
        }
        .sorted()
        .map { StrayFile(name: $0, byteCount: fileSystem.byteCount(at: folder + "/" + $0) ?? 0) }
    }

    /// Temporary files only the lock holder writes, renamed into place when complete.
    private static let temporaryNames: Set<String> = [Manifest.fileName + ".tmp", JournalFile.fileName + ".tmp"]

    /// The generation in a snapshot file's name (`payoutRuns-12.json` → 12), or nil for a
    /// name Chorus does not give snapshot files.
    static func generation(of name: String) -> Int? {
        guard name.hasSuffix(".json"), let dash = name.lastIndex(of: "-") else { return nil }
        let kind = name[..<dash], number = name[name.index(after: dash)...].dropLast(".json".count)
        guard Snapshot.fileKinds.contains(String(kind)), !number.isEmpty, number.allSatisfy(\.isASCII),
              let generation = Int(number), generation > 0 else { return nil }
        return generation
    }
}
