/// Each kind of command's fields as the journal writes and reads them (see `Command+Coding`):
/// the two switches list the kinds in the same order, so a kind's writing and reading sit at
/// the same place in each. A field's name is part of the journal format: never rename one.
extension Command {
    func write(_ field: inout CommandFieldWriter) throws {
        switch self {
        case .updateProgram(let program): try field("program", program)
        case .createWave(let wave), .updateWave(let wave): try field("wave", wave)
        case .addCreators(let creators): try field("creators", creators)
        case .updateCreator(let creator): try field("creator", creator)
        case .enroll(let creators, let wave, let stage):
            try field("creators", creators); try field("wave", wave); try field("stage", stage)
        case .advanceStage(let creators, let wave), .revertStage(let creators, let wave):
            try field("creators", creators); try field("wave", wave)
        case .exitPipeline(let creators, let wave, let stage, let reason):
            try field("creators", creators); try field("wave", wave); try field("stage", stage); try field("reason", reason)
        case .promote(let creators, let wave, let change):
            try field("creators", creators); try field("wave", wave); try field("change", change)
        case .setDueDate(let creators, let wave, let change):
            try field("creators", creators); try field("wave", wave); try field("change", change)
        case .draftMessages(let message, let wave, let creators), .markMessagesSent(let message, let wave, let creators):
            try field("message", message); try field("wave", wave); try field("creators", creators)
        case .addSKUs(let skus), .importProducts(let skus): try field("skus", skus)
        case .adjustStock(let sku, let delta, let reason): try field("sku", sku); try field("delta", delta); try field("reason", reason)
        case .queueShipments(let requests): try field("requests", requests)
        case .markPacked(let shipments), .markDelivered(let shipments), .cancelShipments(let shipments): try field("shipments", shipments)
        case .markShipped(let dispatches), .importTracking(let dispatches): try field("dispatches", dispatches)
        case .flagException(let shipments, let exception, let note):
            try field("shipments", shipments); try field("exception", exception); try field("note", note)
        case .editShipment(let shipment, let items, let note):
            try field("shipment", shipment); try field("items", items); try field.optional("note", note)
        case .resolveException(let shipment, let resolution): try field("shipment", shipment); try field("resolution", resolution)
        case .addSubmissions(let submissions): try field("submissions", submissions)
        case .approve(let submissions): try field("submissions", submissions)
        case .approveWithOverride(let submission, let reason): try field("submission", submission); try field("reason", reason)
        case .requestChanges(let submissions, let note): try field("submissions", submissions); try field("note", note)
        case .reject(let submissions, let reason): try field("submissions", submissions); try field("reason", reason)
        case .resubmit(let submission, let caption, let onScreenText):
            try field("submission", submission); try field("caption", caption); try field.optional("onScreenText", onScreenText)
        case .recordPost(let submission, let url, let postedOn):
            try field("submission", submission); try field("url", url); try field("postedOn", postedOn)
        case .setUsageRights(let asset, let rights): try field("asset", asset); try field.optional("rights", rights)
        case .tagAssets(let assets, let add, let remove): try field("assets", assets); try field("add", add); try field("remove", remove)
        case .recordMetrics(let asset, let metrics): try field("asset", asset); try field("metrics", metrics)
        case .importMetrics(let readings): try field("readings", readings)
        case .createPayoutRun(let run): try field("run", run)
        case .markPayoutRunPaid(let number, let on): try field("number", number); try field("on", on)
        case .reconcilePayoutRun(let number, let results): try field("number", number); try field("results", results)
        case .setPayoutDetails(let details): try field("details", details)
        case .addDiscountCodes(let codes): try field("codes", codes)
        case .addTrackingLinks(let links): try field("links", links)
        case .importOrders(let orders): try field("orders", orders)
        case .importSurveyResponses(let responses): try field("responses", responses)
        case .importRates(let rates): try field("rates", rates)
        case .importCreators(let creators, let codes): try field("creators", creators); try field("codes", codes)
        case .resolveSurveyAnswer(let order, let creator, let alias):
            try field("order", order); try field("creator", creator); try field.optional("alias", alias)
        case .setRoles(let person, let roles): try field("person", person); try field("roles", roles)
        case .removePerson(let person): try field("person", person)
        case .allowActingAs(let allowed): try field("allowed", allowed)
        case .restore(let point, let label): try field("point", point); try field("label", label)
        }
    }

    static func read(_ field: inout CommandFieldReader) throws -> Command {
        switch field.kind {
        case .updateProgram: .updateProgram(try field("program", legacy: "_0"))
        case .createWave: .createWave(try field("wave", legacy: "_0"))
        case .updateWave: .updateWave(try field("wave", legacy: "_0"))
        case .addCreators: .addCreators(try field("creators", legacy: "_0"))
        case .updateCreator: .updateCreator(try field("creator", legacy: "_0"))
        case .enroll: .enroll(creators: try field("creators"), wave: try field("wave"), stage: try field("stage"))
        case .advanceStage: .advanceStage(creators: try field("creators"), wave: try field("wave"))
        case .revertStage: .revertStage(creators: try field("creators"), wave: try field("wave"))
        case .exitPipeline: .exitPipeline(creators: try field("creators"), wave: try field("wave"), stage: try field("stage"),
                                          reason: try field("reason"))
        case .promote: .promote(creators: try field("creators"), wave: try field("wave"), change: try field("change"))
        case .setDueDate: .setDueDate(creators: try field("creators"), wave: try field("wave"), change: try field("change"))
        case .draftMessages: .draftMessages(kind: try field("message", legacy: "kind"), wave: try field("wave"), creators: try field("creators"))
        case .markMessagesSent: .markMessagesSent(kind: try field("message", legacy: "kind"), wave: try field("wave"),
                                                  creators: try field("creators"))
        case .addSKUs: .addSKUs(try field("skus", legacy: "_0"))
        case .adjustStock: .adjustStock(sku: try field("sku"), delta: try field("delta"), reason: try field("reason"))
        case .importProducts: .importProducts(try field("skus", legacy: "_0"))
        case .queueShipments: .queueShipments(try field("requests", legacy: "_0"))
        case .markPacked: .markPacked(try field("shipments", legacy: "_0"))
        case .markShipped: .markShipped(try field("dispatches", legacy: "_0"))
        case .importTracking: .importTracking(try field("dispatches"))
        case .markDelivered: .markDelivered(try field("shipments", legacy: "_0"))
        case .flagException: .flagException(shipments: try field("shipments"), kind: try field("exception", legacy: "kind"), note: try field("note"))
        case .cancelShipments: .cancelShipments(try field("shipments", legacy: "_0"))
        case .editShipment: .editShipment(try field("shipment", legacy: "_0"), items: try field("items"), note: try field.optional("note"))
        case .resolveException: .resolveException(try field("shipment", legacy: "_0"), try field("resolution", legacy: "_1"))
        case .addSubmissions: .addSubmissions(try field("submissions", legacy: "_0"))
        case .approve: .approve(try field("submissions", legacy: "_0"))
        case .approveWithOverride: .approveWithOverride(try field("submission", legacy: "_0"), reason: try field("reason"))
        case .requestChanges: .requestChanges(try field("submissions", legacy: "_0"), note: try field("note"))
        case .reject: .reject(try field("submissions", legacy: "_0"), reason: try field("reason"))
        case .resubmit: .resubmit(try field("submission", legacy: "_0"), caption: try field("caption"),
                                  onScreenText: try field.optional("onScreenText"))
        case .recordPost: .recordPost(try field("submission", legacy: "_0"), url: try field("url"), postedOn: try field("postedOn"))
        case .setUsageRights: .setUsageRights(asset: try field("asset"), rights: try field.optional("rights"))
        case .tagAssets: .tagAssets(try field("assets", legacy: "_0"), add: try field("add"), remove: try field("remove"))
        case .recordMetrics: .recordMetrics(asset: try field("asset"), metrics: try field("metrics"))
        case .importMetrics: .importMetrics(try field("readings", legacy: "_0"))
        case .createPayoutRun: .createPayoutRun(try field("run", legacy: "_0"))
        case .markPayoutRunPaid: .markPayoutRunPaid(number: try field("number"), on: try field("on"))
        case .reconcilePayoutRun: .reconcilePayoutRun(number: try field("number"), results: try field("results"))
        case .setPayoutDetails: .setPayoutDetails(try field("details", legacy: "_0"))
        case .addDiscountCodes: .addDiscountCodes(try field("codes", legacy: "_0"))
        case .addTrackingLinks: .addTrackingLinks(try field("links", legacy: "_0"))
        case .importOrders: .importOrders(try field("orders", legacy: "_0"))
        case .importSurveyResponses: .importSurveyResponses(try field("responses", legacy: "_0"))
        case .importRates: .importRates(try field("rates", legacy: "_0"))
        case .importCreators: .importCreators(try field("creators", legacy: "_0"), codes: try field("codes"))
        case .resolveSurveyAnswer: .resolveSurveyAnswer(order: try field("order"), creator: try field("creator"), alias: try field.optional("alias"))
        case .setRoles: .setRoles(person: try field("person"), roles: try field("roles"))
        case .removePerson: .removePerson(try field("person"))
        case .allowActingAs: .allowActingAs(try field("allowed"))
        case .restore: .restore(point: try field("point"), label: try field("label"))
        }
    }
}
