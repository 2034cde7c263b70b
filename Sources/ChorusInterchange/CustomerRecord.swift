import ChorusCore

/// One person as one customer list describes them, before it is merged with what the
/// workspace and the other lists already know. Nil means the list does not say.
struct CustomerRecord {
    var line: Int
    var name: String?
    var email: String?
    var handles: [(Platform, String)] = []
    var followers: Int?
    var acceptsMarketing: Bool?
    var country: String?
    var address: PostalAddress?
    var phone: String?
    var payoutEmail: String?
    var totalSpent: Money?
    var orders: Int?
    var loyaltyTier: String?
    var categories: [String] = []
    var note: String?

    /// The handle a new creator is known by: Instagram first, then TikTok, YouTube, Pinterest.
    var primaryHandle: (Platform, String)? {
        Platform.allCases.lazy.compactMap { platform in self.handles.first { $0.0 == platform } }.first
    }

    mutating func addHandle(_ platform: Platform, _ handle: String) {
        guard !handles.contains(where: { $0.0 == platform }) else { return }
        handles.append((platform, handle))
    }
}
