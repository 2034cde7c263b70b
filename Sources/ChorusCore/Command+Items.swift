extension Command {
    /// The items an intent command acts on, known before it is applied: when the newest state
    /// refuses it, the refusal can name the colleague who last changed one of them ("SU-0124
    /// was approved by maria at 10:02"). Empty for commands that create or import.
    public var itemsActedOn: Set<ChangedItem> {
        func submissions(_ ids: [SubmissionID]) -> Set<ChangedItem> { Set(ids.map { ChangedItem(.submission, $0.rawValue) }) }
        func shipments(_ ids: [ShipmentID]) -> Set<ChangedItem> { Set(ids.map { ChangedItem(.shipment, $0.rawValue) }) }
        func enrollments(_ ids: [CreatorID], _ wave: WaveID) -> Set<ChangedItem> { Set(ids.map { ChangedItem.enrollment($0, in: wave) }) }
        switch self {
        case .approve(let ids): return submissions(ids)
        case .requestChanges(let ids, _), .reject(let ids, _): return submissions(ids)
        case .approveWithOverride(let id, _), .resubmit(let id, _, _), .recordPost(let id, _, _): return submissions([id])
        case .markPacked(let ids), .markDelivered(let ids), .cancelShipments(let ids): return shipments(ids)
        case .flagException(let ids, _, _): return shipments(ids)
        case .markShipped(let dispatches), .importTracking(let dispatches): return shipments(dispatches.map(\.shipmentID))
        case .editShipment(let id, _, _), .resolveException(let id, _): return shipments([id])
        case .advanceStage(let ids, let wave), .revertStage(let ids, let wave), .exitPipeline(let ids, let wave, _, _):
            return enrollments(ids, wave)
        case .updateWave(let wave): return [ChangedItem(.wave, wave.id.rawValue)]
        case .updateCreator(let creator): return [ChangedItem(.creator, creator.id.rawValue)]
        case .setUsageRights(let asset, _), .recordMetrics(let asset, _): return [ChangedItem(.asset, asset.rawValue)]
        case .updateProgram: return [ChangedItem(.program, "")]
        default: return []
        }
    }
}
