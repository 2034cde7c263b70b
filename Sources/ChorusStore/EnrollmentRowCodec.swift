import ChorusCore

/// Enrollments as rows; the rare incentive override nests as
/// `[gifting, flatFee, storeCredit, commissionBasisPoints, [[metric, threshold, bonus], …]]`.
/// The creator's own due date and drafted messages (`[[kind, draftedAt, sentAt], …]`) come
/// last, so rows written before they existed still read.
enum EnrollmentRowCodec: RowCodec {
    static let collection = "enrollments"
    static let columns: String? = #"["creatorID","waveID","stage","stageChangedAt","exitReason","#
        + #"{"incentiveOverride":["gifting","flatFee","storeCredit","commissionBasisPoints",{"bonusTiers":["metric","threshold","bonus"]}]},"#
        + #""dueDate",{"correspondence":["kind","draftedAt","sentAt"]}]"#
    static let earlierColumns = [#"["creatorID","waveID","stage","stageChangedAt","exitReason","#
        + #"{"incentiveOverride":["gifting","flatFee","storeCredit","commissionBasisPoints",{"bonusTiers":["metric","threshold","bonus"]}]}]"#]

    static func write(_ enrollment: Enrollment, to writer: inout JSONWriter, currency: Currency) {
        writer.beginArray()
        writer.string(enrollment.creatorID.rawValue)
        writer.string(enrollment.waveID.rawValue)
        writer.choice(enrollment.stage)
        writer.timestamp(enrollment.stageChangedAt)
        writer.optionalString(enrollment.exitReason)
        if let plan = enrollment.incentiveOverride {
            writer.beginArray()
            writer.bool(plan.gifting)
            writer.optionalMoney(plan.flatFee, currency: currency)
            writer.optionalMoney(plan.storeCredit, currency: currency)
            writer.optionalInt(plan.commissionBasisPoints)
            writer.beginArray()
            for tier in plan.bonusTiers {
                writer.beginArray()
                writer.string(tier.metric.rawValue)
                writer.int(tier.threshold)
                writer.money(tier.bonus, currency: currency)
                writer.endArray()
            }
            writer.endArray()
            writer.endArray()
        } else {
            writer.null()
        }
        writer.optionalDay(enrollment.dueDate)
        writer.beginArray()
        for message in enrollment.correspondence {
            writer.beginArray()
            writer.choice(message.kind)
            writer.timestamp(message.draftedAt)
            writer.optionalTimestamp(message.sentAt)
            writer.endArray()
        }
        writer.endArray()
        writer.endArray()
    }

    static func read(from reader: inout JSONReader, currency: Currency) throws -> Enrollment {
        try reader.beginArray("enrollment")
        let creatorID = CreatorID(try reader.string("creatorID"))
        let waveID = WaveID(try reader.string("waveID"))
        let stage = try reader.choice(stages, "stage")
        let changedAt = try reader.timestamp("stageChangedAt")
        // Coordinators give the same few reasons for most exits ("No post 14 days after delivery"):
        // one copy each, not a heap block per exited enrollment.
        let exitReason = try reader.optionalString("exitReason", shared: true)
        var plan: IncentivePlan?
        if try !reader.nextIsNull("incentiveOverride") {
            try reader.beginArray("incentiveOverride")
            let gifting = try reader.bool("incentiveOverride.gifting")
            let flatFee = try reader.optionalMoney("incentiveOverride.flatFee", currency: currency)
            let storeCredit = try reader.optionalMoney("incentiveOverride.storeCredit", currency: currency)
            let commission = try reader.optionalInt64("incentiveOverride.commissionBasisPoints")
            try reader.beginArray("incentiveOverride.bonusTiers")
            var tiers: [BonusTier] = []
            while reader.hasMoreElements() {
                try reader.beginArray("bonusTiers")
                let metric = try reader.choice(BonusTier.Metric.self, "bonusTiers.metric")
                tiers.append(BonusTier(metric: metric, threshold: try reader.int64("bonusTiers.threshold"),
                                       bonus: try reader.money("bonusTiers.bonus", currency: currency)))
                try reader.endArray("bonusTiers")
            }
            try reader.endArray("incentiveOverride.bonusTiers")
            try reader.endArray("incentiveOverride")
            plan = IncentivePlan(gifting: gifting, flatFee: flatFee, storeCredit: storeCredit,
                                 commissionBasisPoints: commission, bonusTiers: tiers)
        }
        let dueDate = reader.hasMoreElements() ? try reader.optionalDay("dueDate") : nil
        var correspondence: [Correspondence] = []
        if reader.hasMoreElements() {
            try reader.beginArray("correspondence")
            while reader.hasMoreElements() {
                try reader.beginArray("correspondence")
                let kind = try reader.choice(MessageKind.self, "correspondence.kind")
                correspondence.append(Correspondence(kind: kind, draftedAt: try reader.timestamp("correspondence.draftedAt"),
                                                     sentAt: try reader.optionalTimestamp("correspondence.sentAt")))
                try reader.endArray("correspondence")
            }
            try reader.endArray("correspondence")
        }
        try reader.endArray("enrollment")
        return Enrollment(creatorID: creatorID, waveID: waveID, stage: stage, stageChangedAt: changedAt,
                          exitReason: exitReason, incentiveOverride: plan, dueDate: dueDate, correspondence: correspondence)
    }

    private static let stages = ChoiceBytes(PipelineStage.self)
}
