import ChorusCore

extension CSVWriter {
    /// Who a parcel goes to, in the columns every label and pick-list file shares: name, email,
    /// phone, the address lines, region, postal code and country (the creator's own country when
    /// the address has none). An unknown creator gives empty cells.
    mutating func appendRecipient(_ creator: Creator?) {
        let address = creator?.address
        append(creator?.name ?? "")
        append(creator?.email)
        append(phone: creator?.phone)
        append(address?.line1)
        append(address?.line2)
        append(address?.city)
        append(address?.region)
        append(address?.postalCode)
        append(address?.country ?? creator?.country)
    }
}
