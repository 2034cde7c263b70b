import ChorusCore

/// A parcel still in the warehouse as a two-field form: what it holds and a note for the
/// packer. Saving sends one `.editShipment`, which re-reserves the stock or names the shortfall.
enum ShipmentForm {
    static let items = 0, note = 1

    static func form(for shipment: Shipment, handle: String) -> FormState {
        FormState(title: "Edit \(shipment.id) for \(handle)", fields: [
            FormField("Items", BriefText.items(shipment.items.map { ($0.sku, $0.quantity) })),
            FormField("Note", shipment.note ?? ""),
        ])
    }

    static func command(_ form: FormState, for shipment: Shipment) -> Command {
        let items = BriefText.items(form.fields[items].text).map { ShipmentItem(sku: $0.sku, quantity: $0.quantity) }
        let note = form.fields[note].text.trimmingSpaces
        return .editShipment(shipment.id, items: items, note: note.isEmpty ? nil : note)
    }

    /// Stock and quantity refusals are about the items; nothing else can be refused.
    static func field(for refusal: String) -> Int { items }
}
