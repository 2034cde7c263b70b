import ChorusCore
import Foundation

/// Who last changed each item, and when, as the log says: kept from every entry the store
/// applies (its own and its colleagues'), so that a refused command can name who got there
/// first and a replacement or an undo based on an older position can be refused.
struct ItemChanges {
    struct Change: Hashable, Sendable {
        var seq: Int
        var actor: String
        var at: Timestamp
        var pastTense: String
    }

    private var latest: [ChangedItem: Change] = [:]

    mutating func record(_ entry: JournalEntry, changed items: Set<ChangedItem>) {
        let change = Change(seq: entry.seq, actor: entry.actor, at: entry.at, pastTense: entry.command.pastTense)
        for item in items { latest[item] = change }
    }

    /// The newest change to one of `items` made after position `seq` by someone other than
    /// `actor`, with the item it touched: nil when nobody else changed any of them since.
    func newest(of items: Set<ChangedItem>, after seq: Int, notBy actor: String? = nil) -> (item: ChangedItem, change: Change)? {
        var found: (item: ChangedItem, change: Change)?
        for item in items.sorted(by: { $0.description < $1.description }) {
            guard let change = latest[item], change.seq > seq, change.actor != actor else { continue }
            if found == nil || change.seq > found!.change.seq { found = (item, change) }
        }
        return found
    }

    /// "SU-0124 was approved by maria at 10:02", the day added when it was not today.
    static func sentence(_ item: ChangedItem, _ change: Change, today: Day) -> String {
        let seconds = change.at.secondsSinceEpoch % 86_400
        let time = String(format: "%02d:%02d", Int(seconds / 3600), Int(seconds % 3600 / 60))
        let when = change.at.day == today ? "at \(time)" : "on \(change.at.day) at \(time)"
        return "\(item) was \(change.pastTense) by \(change.actor) \(when)"
    }
}
