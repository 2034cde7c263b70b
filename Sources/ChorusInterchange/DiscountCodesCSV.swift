import ChorusCore

/// Writes creators' discount codes for upload to the store (or a bulk-discount app), one code
/// per row with the terms the store needs, plus the creator's tracking link for the code's wave
/// so the same file can go out with the onboarding emails.
///
/// Percent values are written as percentages (`15`), fixed ones as amounts (`10.00`), the way
/// Shopify's discount screens take them.
public enum DiscountCodesCSV {
    public static let header = ["code", "handle", "wave", "type", "value", "usage_limit", "once_per_customer",
                                "starts_at", "ends_at", "tracking_link"]

    /// The codes in `workspace`, or only those of `wave`, sorted by code.
    public static func write(workspace: Workspace, wave: WaveID? = nil, lineEnding: CSVWriter.LineEnding = .lf,
                             neutralizesFormulas: Bool = true) -> [UInt8] {
        let codes = workspace.discountCodes.filter { wave == nil || $0.waveID == wave }.sorted { $0.code < $1.code }
        var writer = CSVWriter(lineEnding: lineEnding, neutralizesFormulas: neutralizesFormulas, reservingCapacity: 64 + codes.count * 120)
        writer.writeRow(header)
        for code in codes {
            let creator = workspace.creator(code.creatorID)
            let codeWave = code.waveID.flatMap { workspace.wave($0) }
            writer.append(code.code)
            writer.append(creator?.handle)
            writer.append(codeWave?.slug)
            writer.append(code.kind.rawValue)
            writer.append(code.valueText(currency: workspace.program.currency))
            if let limit = code.usageLimit { writer.append(limit) } else { writer.appendEmpty() }
            writer.append(code.oncePerCustomer ? "true" : "false")
            writer.append(code.validFrom?.description)
            writer.append(code.validUntil?.description)
            writer.append(creator.flatMap { creator in codeWave.map { workspace.trackingURL(for: creator, in: $0) } })
            writer.endRow()
        }
        return writer.bytes
    }
}
