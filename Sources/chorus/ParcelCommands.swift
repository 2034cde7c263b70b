import ArgumentParser
import ChorusCore
import ChorusStore

/// `chorus parcel …`: parcel work for scripts and the warehouse, the same commands the
/// Seeding pane's keys send.
struct ParcelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parcel", abstract: "Work on parcels.", subcommands: [ResolveParcelCommand.self])
}

/// `chorus parcel resolve SH-0012 --repack|--reship …`: sends a parcel with an exception out again.
struct ResolveParcelCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "resolve", abstract: "Resolve a parcel's exception (address problem, returned, lost) and send it again.",
        discussion: """
        --repack puts the parcel back in the queue to be packed and shipped again; --reship sends it at once with a new \
        tracking number. The parcel keeps its history and its previous tracking numbers. Give the corrected address with \
        --street, --city, --postal-code and --country; an address problem needs one, or --confirm-address when the \
        creator's address on file is right after all. A returned parcel reuses its returned stock; a lost one reserves new stock.
        """)

    @Argument(help: ArgumentHelp("The parcel, e.g. SH-0012.", valueName: "id")) var id: String
    @Flag(help: "Back to the queue, to be packed again.") var repack = false
    @Flag(help: "Out again at once, with --carrier and --tracking.") var reship = false
    @Option(help: ArgumentHelp("The carrier for --reship: UPS, USPS, FedEx, DHL, Royal Mail or other.", valueName: "name"))
    var carrier: String?
    @Option(help: ArgumentHelp("The new tracking number for --reship.", valueName: "number")) var tracking: String?
    @Option(help: ArgumentHelp("Corrected address: street and number.", valueName: "text")) var street: String?
    @Option(help: ArgumentHelp("Corrected address: second line.", valueName: "text")) var street2: String?
    @Option(help: ArgumentHelp("Corrected address: city.", valueName: "text")) var city: String?
    @Option(help: ArgumentHelp("Corrected address: region or state.", valueName: "text")) var region: String?
    @Option(help: ArgumentHelp("Corrected address: postal code.", valueName: "text")) var postalCode: String?
    @Option(help: ArgumentHelp("Corrected address: two-letter country code.", valueName: "code")) var country: String?
    @Flag(help: "For an address problem: the address on file is right after all.") var confirmAddress = false
    @Option(help: ArgumentHelp("What was done, for the parcel's history.", valueName: "text")) var note: String?
    @OptionGroup var workspace: WorkspaceOption

    func run() throws {
        try reportingErrors {
            let store = try WritableWorkspace.open(workspace.url)
            defer { store.close() }
            let id = ShipmentID(id.uppercased())
            let shipment = store.workspace.shipment(id)
            let onFile = shipment.flatMap { store.workspace.creator($0.creatorID)?.address }
            let address = try address(current: onFile)
            // An address problem is resolved by a new address or a deliberate yes to the old one.
            if shipment?.exception?.kind == .addressProblem, address == nil, !confirmAddress, let onFile {
                throw CLIFailure(message: "\(id) has an address problem: give the corrected address (--street, --city, --postal-code, "
                    + "--country) or --confirm-address if the one on file (\(Self.oneLine(onFile))) is right")
            }
            let resolution = ExceptionResolution(next: try next(), address: address, note: note)
            try Output.print(try store.perform(.resolveException(id, resolution), context: Clock.context).summary)
        }
    }

    private func next() throws -> ExceptionResolution.Next {
        switch (repack, reship) {
        case (true, false):
            if carrier != nil || tracking != nil { throw CLIFailure(message: "--carrier and --tracking go with --reship, not --repack") }
            return .repack
        case (false, true):
            guard let carrier, let tracking else { throw CLIFailure(message: "--reship needs --carrier and --tracking (the new number)") }
            guard let named = Carrier(named: carrier) else {
                throw CLIFailure(message: "--carrier '\(carrier)' is not a carrier: use UPS, USPS, FedEx, DHL, Royal Mail or other")
            }
            return .reship(carrier: named, trackingNumber: tracking)
        default:
            throw CLIFailure(message: "say what happens next: --repack (back to the queue) or --reship (out again with a new tracking number)")
        }
    }

    private static func oneLine(_ address: PostalAddress) -> String {
        [address.line1, address.line2, "\(address.postalCode) \(address.city)", address.region, address.country]
            .compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: ", ")
    }

    /// The corrected address: the fields given over the address on file, or nil when none is given.
    private func address(current: PostalAddress?) throws -> PostalAddress? {
        guard [street, street2, city, region, postalCode, country].contains(where: { $0 != nil }) else { return nil }
        let base = current ?? PostalAddress(line1: "", city: "", postalCode: "", country: "")
        return PostalAddress(line1: street ?? base.line1, line2: street2 ?? base.line2, city: city ?? base.city,
                             region: region ?? base.region, postalCode: postalCode ?? base.postalCode,
                             country: (country ?? base.country).uppercased())
    }
}
