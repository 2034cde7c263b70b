/// A barcode scanner is a keyboard that types a label and Enter faster than anyone can. Outside
/// the tracking prompt those keys would be commands (digits switch panes, `Z` redoes), so a
/// burst that looks like a scan is dropped whole and the person is told where scans go.
///
/// The terminal hands the console the keys that arrived together (each within
/// `gapMilliseconds` of the one before); a person's keys arrive one at a time.
public enum ScanBurst {
    /// Longer than a scanner's pause between characters, shorter than anyone's between keys.
    public static let gapMilliseconds: Int32 = 12
    /// The shortest label taken for a scan: an EAN-8; tracking numbers are longer.
    static let minimumCharacters = 8

    static let refusal = "a scan arrived outside the tracking prompt: press s to ship"

    /// How many keys from `start` form a scan: a run of letters, digits and dashes at least
    /// `minimumCharacters` long ending in Enter; nil when they are not one.
    static func scanLength(in keys: [Key], from start: Int) -> Int? {
        var index = start
        while index < keys.count, case .character(let character) = keys[index], character.isLetter || character.isNumber || character == "-" {
            index += 1
        }
        guard index - start >= minimumCharacters, index < keys.count, keys[index] == .enter else { return nil }
        return index - start + 1
    }
}

extension UIState {
    /// Whether a typed character is text right now (a prompt, a form, a filter being typed)
    /// rather than a command. A y/n question and a shipping run's summary take keys, not text.
    var takesText: Bool {
        if form != nil { return true }
        if let prompt {
            if case .approvals(let step) = prompt.purpose, step.isConfirmation { return false }
            if case .seeding(.tracking(let run)) = prompt.purpose, run.isFinished { return false }
            return true
        }
        return [pipeline.filter, seeding.filter, approvals.filter, library.filter, leaderboard.filter, ledger.filter].contains(where: \.isEditing)
    }
}
