import ChorusCore

/// A parcel with an exception as a form: the creator's address to correct or confirm as it
/// stands, whether it goes back to the queue or out again now, and the new tracking number.
/// Saving sends one `.resolveException`, so the fix is one journal line and one `z`.
enum ResolveExceptionForm {
    enum Field: Int, CaseIterable {
        case street, street2, city, region, postalCode, country, next, carrier, tracking, note

        var label: String {
            switch self {
            case .street: "Street"
            case .street2: "Street 2"
            case .city: "City"
            case .region: "Region"
            case .postalCode: "Postal code"
            case .country: "Country"
            case .next: "Repack/reship"
            case .carrier: "Carrier"
            case .tracking: "New tracking"
            case .note: "Note"
            }
        }
    }

    static let repack = "repack", reship = "reship"

    static func form(for shipment: Shipment, creator: Creator?, carrier: Carrier) -> FormState {
        let address = creator?.address
        let exception = shipment.exception?.kind.label ?? "exception"
        let handle = creator.map { "@" + $0.handle } ?? shipment.creatorID.rawValue
        let text: (Field) -> String = { field in
            switch field {
            case .street: address?.line1 ?? ""
            case .street2: address?.line2 ?? ""
            case .city: address?.city ?? ""
            case .region: address?.region ?? ""
            case .postalCode: address?.postalCode ?? ""
            case .country: address?.country ?? creator?.country ?? ""
            case .next: repack
            case .carrier: (shipment.carrier ?? carrier).label
            case .tracking, .note: ""
            }
        }
        return FormState(title: "Resolve \(shipment.id) for \(handle) (\(exception))",
                         fields: Field.allCases.map { FormField($0.label, text($0)) })
    }

    /// The command the fields read as, or nil with a message next to the field that does not read.
    static func command(from form: inout FormState, for shipment: Shipment, creator: Creator?) -> Command? {
        let fields = form.fields
        let text = { (field: Field) in fields[field.rawValue].text.trimmingSpaces }
        let optional = { (field: Field) in text(field).isEmpty ? nil : text(field) }
        let next: ExceptionResolution.Next
        switch text(.next).lowercased() {
        case repack: next = .repack
        case reship:
            guard let carrier = Carrier(named: text(.carrier)) else {
                form.refuse(Field.carrier.rawValue, "'\(text(.carrier))' is not a carrier: UPS, USPS, FedEx, DHL, Royal Mail or other")
                return nil
            }
            guard !text(.tracking).isEmpty else {
                form.refuse(Field.tracking.rawValue, "a re-shipped parcel needs its new tracking number")
                return nil
            }
            next = .reship(carrier: carrier, trackingNumber: text(.tracking))
        default:
            form.refuse(Field.next.rawValue, "type repack (back to the queue) or reship (out now with a new tracking number)")
            return nil
        }
        let typed = PostalAddress(line1: text(.street), line2: optional(.street2), city: text(.city), region: optional(.region),
                                  postalCode: text(.postalCode), country: text(.country).uppercased())
        // Nothing typed but the country is no address: the one on file (if any) stands.
        let blank = [Field.street, .street2, .city, .region, .postalCode].allSatisfy { text($0).isEmpty }
        let address = blank || typed == creator?.address ? nil : typed
        return .resolveException(shipment.id, ExceptionResolution(next: next, address: address, note: optional(.note)))
    }

    /// The field a refusal is about: the address part, the tracking number, or what happens next.
    static func field(for refusal: String) -> Int {
        let about: [(String, Field)] = [("street", .street), ("city", .city), ("postal code", .postalCode), ("country", .country),
                                        ("no address", .street), ("tracking number", .tracking), ("carrier", .carrier)]
        return (about.first { refusal.contains($0.0) }?.1 ?? .next).rawValue
    }
}
