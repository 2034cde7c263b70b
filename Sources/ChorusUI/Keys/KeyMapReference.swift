/// The key map as a Markdown table, for the README and `chorus keys`: generated from the same
/// declaration as the `?` overlay, so the documentation cannot drift from the console.
public enum KeyMapReference {
    public static func markdown() -> String {
        var lines = ["| where | keys | what they do |", "| --- | --- | --- |"]
        for scope in KeyScope.allCases {
            for binding in KeyMap.bindings where binding.scope == scope {
                let labels = binding.keys.isEmpty ? [binding.keyLabel] : binding.keys.map(\.label)
                let keys = labels.map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                lines.append("| \(scope.rawValue) | \(keys) | \(binding.help) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
