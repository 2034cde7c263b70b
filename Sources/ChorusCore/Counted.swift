/// A number with its noun in the right form: `1 business day`, `3 business days`, never
/// `1 business days`. Every count a person reads goes through it.
public func counted(_ count: Int, _ noun: String, plural: String? = nil) -> String {
    count == 1 || count == -1 ? "\(count) \(noun)" : "\(count) \(plural ?? noun + "s")"
}
