import ChorusCore

/// Writes library assets for a paid, site or email team: where each asset lives, how it
/// performs and what its licence says, one asset per row. Only the assets a `UsableFor`
/// selection admitted are passed in; the rights columns let the team see the licence they
/// are relying on. Captions are creators' text, so every cell goes through `CSVWriter`'s
/// formula neutralizing.
public enum UsableAssetsCSV {
    public static let header: [String] = [
        "asset_id", "handle", "creator_id", "wave", "platform", "kind", "post_url", "posted_on",
        "views", "likes", "comments", "shares", "saves", "clicks", "engagement_rate", "tags",
        "uses", "territory", "rights_start", "rights_end", "exclusive", "whitelisting_ad_code", "whitelisting_end", "caption",
        "waived_checks", "override_reason",
    ]

    public static func write(_ assets: [Asset], workspace: Workspace, neutralizesFormulas: Bool = true) -> [UInt8] {
        var writer = CSVWriter(neutralizesFormulas: neutralizesFormulas, reservingCapacity: 300 + assets.count * 400)
        writer.writeRow(header)
        for asset in assets {
            let rights = asset.rights
            let metrics = asset.metrics
            writer.append(asset.id.rawValue)
            writer.append(workspace.creator(asset.creatorID)?.handle ?? "")
            writer.append(asset.creatorID.rawValue)
            writer.append(asset.waveID.rawValue)
            writer.append(asset.platform.rawValue)
            writer.append(asset.kind.rawValue)
            writer.append(asset.postURL)
            writer.append(asset.postedOn)
            for count in [metrics.views, metrics.likes, metrics.comments, metrics.shares, metrics.saves, metrics.clicks] {
                writer.append(count)
            }
            writer.append(String((metrics.engagementRate * 10_000).rounded() / 10_000))
            writer.append(asset.tags.joined(separator: " "))
            writer.append(rights?.uses.map(\.slug).joined(separator: " "))
            writer.append(rights?.territory.label)
            writer.append(rights?.start)
            writer.append(rights?.end)
            writer.append(rights.map { $0.exclusive ? "yes" : "no" })
            writer.append(rights?.whitelistingAdCode)
            writer.append(rights?.whitelistingEnd)
            writer.append(asset.caption)
            // An asset approved over a failing check carries the waiver, so whoever runs it sees it.
            let waiver = workspace.waiver(of: asset)
            writer.append(waiver?.checks.joined(separator: "; "))
            writer.append(waiver?.reason)
            writer.endRow()
        }
        return writer.bytes
    }
}
