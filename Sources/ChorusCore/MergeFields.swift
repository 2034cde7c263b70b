/// What a message template may say about its recipient, in the words templates use
/// (`{{first_name}}`, `{{due_date}}`). A field with nothing to say is empty, never missing, so a
/// template renders the same way for everyone; a name outside this list is a mistake in the template.
public enum MergeField: String, CaseIterable, Sendable {
    case firstName = "first_name", handle, wave, products, code, link
    case dueDate = "due_date", trackingNumber = "tracking_number", carrier, note, amount
    case rightsEnd = "rights_end"

    public static var names: [String] { allCases.map(\.rawValue) }
}

extension Workspace {
    /// Every merge field for `creator` in `waveID`, keyed by its template name.
    public func mergeFields(for creator: Creator, wave waveID: WaveID) -> [String: String] {
        let wave = self.wave(waveID)
        let enrollment = self.enrollment(creator.id, in: waveID)
        let parcel = latestDispatch(creator.id, waveID)
        let note = latestSubmission(creator.id, waveID, .changesRequested)?.reviews.last { $0.action == .changesRequested }?.note
        let payment = latestPayment(creator.id).map { Money(minorUnits: $0.total, currency: program.currency).description }
        let fields: [MergeField: String] = [
            .firstName: creator.firstName,
            .handle: creator.isLead ? "" : "@" + creator.handle,
            .wave: wave?.name ?? waveID.rawValue,
            .products: wave?.brief.products.map { product in
                let name = sku(product.sku)?.name ?? product.sku.rawValue
                return product.quantity > 1 ? "\(product.quantity) × \(name)" : name
            }.joined(separator: ", ") ?? "",
            .code: discountCodes.last { $0.creatorID == creator.id && ($0.waveID == waveID || $0.waveID == nil) }?.code ?? "",
            .link: wave.map { trackingURL(for: creator, in: $0) } ?? "",
            .dueDate: enrollment.flatMap { dueDate(of: $0) }?.description ?? "",
            .trackingNumber: parcel?.trackingNumber ?? "",
            .carrier: parcel?.carrier?.label ?? "",
            .note: note ?? "",
            .amount: payment ?? "",
            .rightsEnd: latestRights(creator.id, waveID)?.end.description ?? "",
        ]
        return Dictionary(uniqueKeysWithValues: MergeField.allCases.map { ($0.rawValue, fields[$0] ?? "") })
    }
}

extension Creator {
    /// The first word of the name, or the handle when no name is known (a lead's name is at
    /// worst their email, which is not a name: then nothing).
    public var firstName: String {
        if isLead && name == email { return "" }
        return name.split(separator: " ").first.map(String.init) ?? handle
    }

    /// The rest of the name after the first word.
    public var lastName: String {
        name.split(separator: " ").dropFirst().joined(separator: " ")
    }
}
