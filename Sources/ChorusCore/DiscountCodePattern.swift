/// Makes one discount code per creator from a pattern such as `{HANDLE}15`.
///
/// Coordinators hand out codes to hundreds of creators at once, and a code must be easy to say
/// in a video ("use MILAMAKES15"), unique in the store and stable once printed. So the handle
/// is folded to ASCII, upper-cased, stripped of everything but letters and digits, and a code
/// that is already taken gets `-2`, `-3`… rather than failing the whole batch.
public struct DiscountCodePattern: Hashable, Sendable {
    public static let handlePlaceholder = "{HANDLE}"

    public let pattern: String

    /// Refuses a pattern without `{HANDLE}` (every creator would get the same code) or with
    /// another `{…}` placeholder.
    public init(_ pattern: String) throws {
        let upper = pattern.uppercased()
        guard upper.contains(Self.handlePlaceholder) else {
            throw DomainError("the code pattern '\(pattern)' has no {HANDLE}; every creator would get the same code")
        }
        if upper.replacing(Self.handlePlaceholder, with: "").contains(where: { $0 == "{" || $0 == "}" }) {
            throw DomainError("the code pattern '\(pattern)' has a placeholder other than {HANDLE}")
        }
        self.pattern = upper
    }

    /// The code for `handle` before collisions are resolved: `{HANDLE}15` + `zoë.m` → `ZOEM15`.
    public func code(for handle: String) -> String {
        TextFolding.codeCharacters(pattern.replacing(Self.handlePlaceholder, with: " \(handle) "))
    }

    /// One code per creator, with `terms`; `isTaken` says whether a code already exists.
    /// Throws when a handle leaves no letters or digits to build a code from.
    public func codes(for creators: [Creator], terms: DiscountTerms, isTaken: (String) -> Bool) throws -> [DiscountCode] {
        var issued: Set<String> = []
        return try creators.map { creator in
            let base = code(for: creator.handle)
            guard base != TextFolding.codeCharacters(pattern.replacing(Self.handlePlaceholder, with: "")) else {
                throw DomainError("@\(creator.handle) has no letters or digits to make a code from; give this creator a code by hand")
            }
            var candidate = base
            var suffix = 1
            while isTaken(candidate) || issued.contains(candidate) {
                suffix += 1
                candidate = "\(base)-\(suffix)"
            }
            issued.insert(candidate)
            return DiscountCode(code: candidate, creatorID: creator.id, waveID: terms.waveID, kind: terms.kind, value: terms.value,
                                usageLimit: terms.usageLimit, oncePerCustomer: terms.oncePerCustomer,
                                validFrom: terms.validFrom, validUntil: terms.validUntil)
        }
    }
}

/// What every code in one batch offers: the store's discount settings.
public struct DiscountTerms: Hashable, Sendable {
    public var waveID: WaveID?
    public var kind: DiscountCode.Kind
    /// Basis points for percent codes (1500 = 15 %), minor units for fixed ones.
    public var value: Int64
    public var usageLimit: Int?
    public var oncePerCustomer: Bool
    public var validFrom: Day?
    public var validUntil: Day?

    public init(waveID: WaveID? = nil, kind: DiscountCode.Kind, value: Int64, usageLimit: Int? = nil, oncePerCustomer: Bool = true,
                validFrom: Day? = nil, validUntil: Day? = nil) {
        self.waveID = waveID
        self.kind = kind
        self.value = value
        self.usageLimit = usageLimit
        self.oncePerCustomer = oncePerCustomer
        self.validFrom = validFrom
        self.validUntil = validUntil
    }
}
