import ChorusCore
import ChorusUI

/// A row of `chorus list`: Encodable for JSON, with a table/CSV projection. The JSON keys are a
/// contract with users' scripts; add keys freely, never rename one.
protocol ListRow: Encodable {
    static var columns: [String] { get }
    var cells: [String] { get }
}

struct CreatorRow: ListRow {
    struct WaveStage: Encodable { var wave: String; var stage: String }
    var id: String
    var handle: String
    var name: String
    var email: String?
    var country: String?
    var tier: String
    var followers: Int
    var engagementRate: Double
    var niches: [String]
    var sources: [String]
    var stage: String?
    /// With --wave: the incentive plan that applies there, marked when it is the creator's own.
    var plan: String?
    var waves: [WaveStage]
    var phone: String?
    var payoutEmail: String?
    var address: PostalAddress?
    var aliases: [String]

    init(_ creator: Creator, waves: [WaveStage]) {
        id = creator.id.rawValue
        handle = creator.handle
        name = creator.name
        email = creator.email
        country = creator.country
        tier = creator.tier.rawValue
        followers = creator.followers
        engagementRate = (creator.engagementRate * 10_000).rounded() / 10_000
        niches = creator.niches
        sources = creator.sources.map(\.rawValue)
        self.waves = waves
        phone = creator.phone
        payoutEmail = creator.payoutEmail
        address = creator.address
        aliases = creator.aliases
    }

    static let columns = ["id", "handle", "name", "tier", "followers", "engagement", "country", "source", "stage", "plan"]
    var cells: [String] {
        [id, handle, name, tier, String(followers), Percentage.text(engagementRate), country ?? "",
         sources.first ?? "", stage.map(Self.words) ?? waves.map { "\($0.wave): \(Self.words($0.stage))" }.joined(separator: ", "), plan ?? ""]
    }

    /// A stage as the console says it: `in review`, not `contentInReview`.
    private static func words(_ stage: String) -> String { PipelineStage(rawValue: stage)?.label ?? stage }
}

struct ShipmentRow: ListRow {
    struct Item: Encodable { var sku: String; var quantity: Int }
    var id: String
    var handle: String
    var creatorId: String
    var wave: String
    var status: String
    var items: [Item]
    var country: String?
    var carrier: String?
    var trackingNumber: String?
    var productCost: String
    var shippingCost: String?
    var currency: String
    var exception: String?
    var exceptionNote: String?
    /// Numbers the parcel went out with before it was re-shipped, oldest first; absent when none.
    var previousTrackingNumbers: [String]?
    var createdAt: String
    var shippedAt: String?
    var deliveredAt: String?

    init(_ shipment: Shipment, creator: Creator?) {
        id = shipment.id.rawValue
        handle = creator?.handle ?? ""
        creatorId = shipment.creatorID.rawValue
        wave = shipment.waveID.rawValue
        status = shipment.status.rawValue
        items = shipment.items.map { Item(sku: $0.sku.rawValue, quantity: $0.quantity) }
        country = creator?.address?.country ?? creator?.country
        carrier = shipment.carrier?.rawValue
        trackingNumber = shipment.trackingNumber
        productCost = shipment.productCost.decimalString
        shippingCost = shipment.shippingCost?.decimalString
        currency = shipment.productCost.currency.code
        exception = shipment.exception?.kind.rawValue
        exceptionNote = shipment.exception?.note
        previousTrackingNumbers = shipment.previousTrackingNumbers.isEmpty ? nil : shipment.previousTrackingNumbers
        createdAt = shipment.createdAt.description
        shippedAt = shipment.shippedAt?.description
        deliveredAt = shipment.deliveredAt?.description
    }

    static let columns = ["id", "handle", "wave", "status", "items", "country", "carrier", "tracking", "created"]
    var cells: [String] {
        let problem = exception.map { ShipmentException.Kind(rawValue: $0)?.label ?? $0 }
        return [id, handle, wave, problem.map { "exception: \($0)" } ?? status,
         items.map { ItemNotation.write(sku: SKUID($0.sku), quantity: $0.quantity) }.joined(separator: " "), country ?? "",
         carrier.map { Carrier(rawValue: $0)?.label ?? $0 } ?? "", trackingNumber ?? "",
         String(createdAt.prefix(10))]
    }
}

struct SubmissionRow: ListRow {
    var id: String
    var handle: String
    var creatorId: String
    var wave: String
    var deliverable: String?
    var platform: String
    var format: String
    var round: Int
    var status: String
    var submittedAt: String
    var ageBusinessDays: Int
    var overdue: Bool
    var compliance: String
    var failedChecks: [String]
    var caption: String
    var lastNote: String?
    /// The latest entry of the review history: who decided what, when, and why.
    var lastDecision: Decision?
    /// Approved over failing checks (`o`, `--override`): the table says WAIVED, not FAIL.
    var waived: Bool
    /// The caption against the previous round's, `[-old-] {+new+}`; nil in round one.
    var captionDiff: String?

    struct Decision: Encodable {
        var action: String
        var by: String
        var at: String
        var note: String?
        var overriddenChecks: [String]

        init(_ review: Review) {
            action = review.action.rawValue
            by = review.reviewer
            at = review.at.description
            note = review.note
            overriddenChecks = review.overriddenChecks
        }
    }

    init(_ submission: Submission, handle: String, failures: [ComplianceCheck], today: Day, overdueAfter: Int) {
        id = submission.id.rawValue
        self.handle = handle
        creatorId = submission.creatorID.rawValue
        self.wave = submission.waveID.rawValue
        deliverable = submission.deliverableID?.rawValue
        platform = submission.platform.rawValue
        format = submission.format.rawValue
        round = submission.round
        status = submission.status.rawValue
        submittedAt = submission.submittedAt.description
        ageBusinessDays = submission.ageInBusinessDays(on: today)
        overdue = submission.isOverdue(on: today, after: overdueAfter)
        compliance = failures.isEmpty ? "pass" : "fail"
        failedChecks = failures.map(\.summary)
        caption = submission.caption
        lastNote = submission.reviews.last(where: { $0.note != nil })?.note
        lastDecision = submission.reviews.last.map { Decision($0) }
        waived = submission.waiver != nil
        captionDiff = submission.captionDiff?.plainText
    }

    static let columns = ["id", "handle", "wave", "deliverable", "round", "status", "age", "compliance", "note"]
    var cells: [String] {
        [id, handle, wave, "\(platform) \(format)", String(round), SubmissionStatus(rawValue: status)?.label ?? status,
         "\(ageBusinessDays)d" + (overdue ? " overdue" : ""), compliance == "pass" ? "pass" : (waived ? "WAIVED: " : "FAIL: ") + failedChecks.joined(separator: "; "),
         lastNote ?? ""]
    }
}

struct AssetRow: ListRow {
    var id: String
    var handle: String
    var creatorId: String
    var wave: String
    var platform: String
    var kind: String
    var postedOn: String?
    var views: Int
    var likes: Int
    var comments: Int
    var shares: Int
    var saves: Int
    var clicks: Int
    var tags: [String]
    var status: String
    var rightsUses: [String]
    var territory: String?
    var rightsStart: String?
    var rightsEnd: String?
    var postUrl: String?
    var engagementRate: Double
    var exclusive: Bool?
    var whitelistingAdCode: String?
    var whitelistingEnd: String?
    /// The checks the approval waived, and why; empty and nil for a plain approval.
    var waivedChecks: [String]
    var overrideReason: String?

    init(_ asset: Asset, handle: String, today: Day, warningDays: Int, waiver: Waiver?) {
        id = asset.id.rawValue
        self.handle = handle
        creatorId = asset.creatorID.rawValue
        wave = asset.waveID.rawValue
        platform = asset.platform.rawValue
        kind = asset.kind.rawValue
        postedOn = asset.postedOn?.description
        views = asset.metrics.views
        likes = asset.metrics.likes
        comments = asset.metrics.comments
        shares = asset.metrics.shares
        saves = asset.metrics.saves
        clicks = asset.metrics.clicks
        tags = asset.tags
        status = asset.rightsStatus(on: today, warningDays: warningDays).rawValue
        rightsUses = asset.rights?.uses.map(\.rawValue) ?? []
        territory = asset.rights?.territory.label
        rightsStart = asset.rights?.start.description
        rightsEnd = asset.rights?.end.description
        postUrl = asset.postURL
        engagementRate = (asset.metrics.engagementRate * 10_000).rounded() / 10_000
        exclusive = asset.rights?.exclusive
        whitelistingAdCode = asset.rights?.whitelistingAdCode
        whitelistingEnd = asset.rights?.whitelistingEnd?.description
        waivedChecks = waiver?.checks ?? []
        overrideReason = waiver?.reason
    }

    static let columns = ["id", "handle", "wave", "platform", "kind", "posted", "views", "rights", "until", "tags"]
    var cells: [String] {
        [id, handle, wave, platform, kind, postedOn ?? "", String(views), RightsStatus(rawValue: status)?.label ?? status, rightsEnd ?? "",
         tags.joined(separator: ",")]
    }
}
