import ChorusCore

/// The `:` palette: every named binding of the key map, plus commands that take a value
/// (`theme light`, `wave Wave 2`, `sort followers`, and the key map's palette-only commands
/// such as `codes {HANDLE}15 percent 15`), with Tab completion.
enum CommandPalette {
    /// What running a palette line asks for.
    enum Outcome: Hashable {
        case action(Action)
        /// A palette-only command and the text typed after its name (`codes {HANDLE}15 percent 15`).
        case actionWithValue(Action, String)
        /// A key's command with what it should act on instead of the cursor row (`approve SU-0124`).
        case actionWithArguments(Action, String)
        case theme(String)
        case wave(WaveID)
        case sort(PipelineSort)
        case unknown(String)
        /// A known command with a value it cannot use, and why.
        case refused(String)
    }

    /// The values the palette can complete, read from the workspace and theme catalog.
    struct Vocabulary {
        var themes: [String]
        var waves: [(id: WaveID, name: String)]

        func values(for command: String) -> [String]? {
            switch command {
            case "theme": themes
            case "wave": waves.map(\.name)
            case "sort": PipelineSort.allCases.map(\.rawValue)
            default: nil
            }
        }
    }

    /// Commands that take a value after their name: these three, and the key map's palette-only ones.
    static var valueCommands: [String] { ["sort", "theme", "wave"] + KeyMap.commands.filter(\.keys.isEmpty).compactMap(\.command) }

    static var commandNames: [String] { Set(KeyMap.commands.compactMap(\.command) + valueCommands).sorted() }

    /// Complete lines that start with what was typed, for the list under the palette.
    static func candidates(for text: String, _ vocabulary: Vocabulary) -> [String] {
        guard let space = text.firstIndex(of: " ") else {
            return commandNames.filter { $0.hasPrefix(text.lowercased()) }
                .map { valueCommands.contains($0) ? $0 + " " : $0 }
        }
        let command = String(text[..<space]).lowercased()
        let typed = text[text.index(after: space)...].lowercased()
        return (vocabulary.values(for: command) ?? []).filter { $0.lowercased().hasPrefix(typed) }.map { "\(command) \($0)" }
    }

    /// Tab: extends the line to the longest prefix all candidates share.
    static func complete(_ text: String, _ vocabulary: Vocabulary) -> String {
        let options = candidates(for: text, vocabulary)
        guard var common = options.first else { return text }
        for option in options.dropFirst() {
            while !option.lowercased().hasPrefix(common.lowercased()) { common.removeLast() }
        }
        return common.count > text.count ? common : text
    }

    /// What a finished line means.
    static func run(_ text: String, _ vocabulary: Vocabulary) -> Outcome {
        let line = text.trimmingSpaces
        let parts = line.split(separator: " ", maxSplits: 1).map(String.init)
        guard let name = parts.first?.lowercased() else { return .unknown(line) }
        let value = parts.count > 1 ? parts[1] : ""
        switch name {
        case _ where value.isEmpty && ["theme", "wave", "sort"].contains(name):
            return .refused(":\(name) needs a value: \(vocabulary.values(for: name)!.joined(separator: ", "))")
        case "theme":
            return vocabulary.themes.first { $0.lowercased() == value.lowercased() }.map(Outcome.theme)
                ?? .refused("no theme \"\(value)\"; the themes are \(vocabulary.themes.joined(separator: ", "))")
        case "wave":
            let wave = vocabulary.waves.first { $0.name.lowercased() == value.lowercased() || $0.id.rawValue.lowercased() == value.lowercased() }
            return wave.map { .wave($0.id) } ?? .refused("no wave \"\(value)\"; the waves are \(vocabulary.waves.map(\.name).joined(separator: ", "))")
        case "sort":
            return PipelineSort(rawValue: value.lowercased()).map(Outcome.sort)
                ?? .refused("cannot sort by \"\(value)\"; sort by \(PipelineSort.allCases.map(\.rawValue).joined(separator: ", "))")
        default:
            guard let binding = KeyMap.commands.first(where: { $0.command == name }) else { return .unknown(line) }
            if binding.keys.isEmpty { return .actionWithValue(binding.action, value) }
            return value.isEmpty ? .action(binding.action) : .actionWithArguments(binding.action, value)
        }
    }
}

extension String {
    /// The string without spaces at either end.
    var trimmingSpaces: String {
        var slice = Substring(self)
        while slice.first == " " { slice = slice.dropFirst() }
        while slice.last == " " { slice = slice.dropLast() }
        return String(slice)
    }
}
