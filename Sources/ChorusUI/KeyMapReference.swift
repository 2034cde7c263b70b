/// The key map as a Markdown table, for the README and `chorus keys`: generated from the same
/// declaration as the `?` overlay, so the documentation cannot drift from the console.
public enum KeyMapReference {
    public static func markdown() -> String {
        var lines = ["| where | keys | what they do |", "| --- | --- | --- |"]
        for scope in KeyScope.allCases {
            for binding in KeyMap.bindings where binding.scope == scope {
                let keys = binding.keys.map { "`\($0.label == "|" ? "\\|" : $0.label)`" }.joined(separator: " ")
                lines.append("| \(scope.rawValue) | \(keys) | \(binding.help) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
