@testable import ChorusCore
import ChorusGenerator
import Foundation
import XCTest

/// Attribution prepares its lookups from the rows in place and on every core: survey answers
/// joined to orders by position, and only the creators' names whose words some answer uses.
/// Over random programs with answers written to trip it (shared names, aliases, leads, accents,
/// orders named without `#` or by Shopify's id, answers to orders not imported, a person's
/// credit), every decision and every ambiguous answer must be what the rules worked out the
/// plain way say (`PlainAttribution`).
final class AttributionFastPathTests: XCTestCase {
    func testDecisionsAreThePlainRulesOnRandomPrograms() {
        var outcomesSeen: Set<AttributionResult.Outcome> = []
        for _ in 0..<6 {
            let seed = UInt64.random(in: 1...1_000_000)
            let workspace = Self.program(seed: seed)
            let plain = PlainAttribution.credits(workspace)
            for pieces in [1, 3] {
                let result = Attribution.compute(workspace, wave: nil, pieces: pieces)
                XCTAssertEqual(result.credits.count, plain.count, "seed \(seed)")
                for index in plain.indices where result.credits[index] != plain[index] {
                    XCTFail("seed \(seed), order \(workspace.orders[index].id): \(result.credits[index]), plainly \(plain[index])")
                    break
                }
                let ambiguous = Attribution.ambiguousAnswers(of: result, in: workspace).map { [$0.orderID.rawValue] + $0.creators.map(\.rawValue) }
                let plainly = PlainAttribution.ambiguous(workspace, credits: plain).map { [$0.order.rawValue] + $0.creators.map(\.rawValue) }
                XCTAssertEqual(ambiguous.count, plainly.count, "seed \(seed)")
                if let first = zip(ambiguous, plainly).first(where: { $0 != $1 }) { XCTFail("seed \(seed): \(first.0), plainly \(first.1)") }
            }
            outcomesSeen.formUnion(plain.map(\.outcome))
        }
        XCTAssertEqual(outcomesSeen, Set(AttributionResult.Outcome.allCases), "the programs reach every rule")
    }

    func testOnlyNamesAnswersCanMentionAreIndexedAndTheyFindTheSameCreators() {
        var workspace = Self.program(seed: UInt64.random(in: 1...1_000_000))
        // A creator no answer names, so that some names are certainly left out: in a program of
        // 120 creators the answers sometimes use every name word there is.
        workspace.creators = EntityTable(workspace.creators.rows + [Creator(id: "CR-UNNAMED", handle: "quillon.zebedee", name: "Quillon Zebedee")])
        let every = CreatorMentions(workspace.creators.rows)
        let answered = CreatorMentions(workspace.creators.rows, namedIn: workspace.surveyResponses.rows)
        for response in workspace.surveyResponses {
            let texts = [response.response] + (response.other.map { [$0] } ?? [])
            XCTAssertEqual(answered.creators(namedIn: texts), every.creators(namedIn: texts), "\(texts)")
        }
        XCTAssertLessThan(answered.wordNumbers.count, every.wordNumbers.count, "names no answer uses are left out")
    }

    /// A generated program, then survey answers added that name creators every way a buyer
    /// might, and creators sharing names and aliases.
    static func program(seed: UInt64) -> Workspace {
        var random = SystemRandomNumberGenerator()
        var workspace = SampleProgram.generate(options: GeneratorOptions(creators: 120, orders: 1_500, seed: seed, today: SampleFixture.today))
        var creators = workspace.creators.rows
        let common = ["Maria Garcia", "Zoë Müller", "Anna", "Anna Berg"]
        for index in creators.indices where Int.random(in: 0..<10, using: &random) == 0 { creators[index].name = common.randomElement(using: &random)! }
        for index in creators.indices where Int.random(in: 0..<15, using: &random) == 0 { creators[index].aliases.append("the glow \(index % 4)") }
        for index in creators.indices where Int.random(in: 0..<30, using: &random) == 0 { creators[index].handle = "" }
        workspace.creators = EntityTable(creators)

        var orders = workspace.orders.rows
        for index in orders.indices where Int.random(in: 0..<20, using: &random) == 0 { orders[index].shopifyID = "51000\(index)" }
        // Statuses as stores spell them and otherwise (a status outside the common ones is kept apart), and cancellations.
        let statuses = ["paid", "pending", "authorized", "voided", "refunded", "expired", "Voided", "PENDING", "Paid", "chargeback", ""]
        for index in orders.indices where Int.random(in: 0..<8, using: &random) == 0 { orders[index].financialStatus = statuses.randomElement(using: &random)! }
        for index in orders.indices where Int.random(in: 0..<40, using: &random) == 0 { orders[index].cancelledAt = orders[index].createdAt }
        workspace.orders = EntityTable(orders)

        var answers = workspace.surveyResponses.rows
        let words = ["Instagram", "on TikTok", "my sister", "podcast", "zoe muller", "MARIA garcia!", "anna berg", "The Glow 2", "@"]
        for number in 0..<400 {
            let position = Int.random(in: 0..<orders.count, using: &random)
            let order = orders[position]
            let reference: String
            switch Int.random(in: 0..<6, using: &random) {
            case 0: reference = order.id.rawValue.hasPrefix("#") ? String(order.id.rawValue.dropFirst()) : "#" + order.id.rawValue
            case 1: reference = order.shopifyID ?? order.id.rawValue
            case 2: reference = "#99\(number)"  // not imported yet
            default: reference = order.id.rawValue
            }
            let creator = creators.randomElement(using: &random)!
            let text: String
            switch Int.random(in: 0..<6, using: &random) {
            case 0: text = "@" + creator.handle
            case 1: text = creator.name + " " + words.randomElement(using: &random)!
            case 2: text = (creator.aliases.first ?? creator.handle) + ", " + creators.randomElement(using: &random)!.name
            case 3: text = words.randomElement(using: &random)! + " " + words.randomElement(using: &random)!
            default: text = creator.name.uppercased()
            }
            let other = Bool.random(using: &random) ? creators.randomElement(using: &random)!.handle : nil
            // A person's credit, now and then for a creator since removed (then the answers' words decide).
            let credited = Int.random(in: 0..<25, using: &random) == 0
                ? (Bool.random(using: &random) ? creators.randomElement(using: &random)!.id : CreatorID("CR-GONE-\(number)")) : nil
            answers.append(SurveyResponse(id: SurveyResponseID("SR-T\(number)"), orderID: OrderID(reference), response: text, other: other,
                                          creditedCreator: credited))
        }
        workspace.surveyResponses = EntityTable(answers)
        return workspace
    }
}

/// The README's attribution rules worked out the plain way, one order at a time, as they read:
/// what the prepared lookups must agree with.
enum PlainAttribution {
    typealias Credit = AttributionResult.Credit

    static func credits(_ workspace: Workspace) -> [Credit] {
        let settings = workspace.program.settings
        let answered = SurveyAnswerOrders(workspace)
        let mentions = CreatorMentions(workspace.creators.rows)
        let waves = workspace.waves.rows
        func wave(on day: Day) -> WavePosition {
            waves.firstIndex { wave in
                guard let start = wave.startDate, start <= day else { return false }
                return wave.endDate.map { $0 >= day } ?? true
            }.map(WavePosition.init) ?? .none
        }
        return workspace.orders.map { order in
            let byDate = wave(on: order.createdAt.day)
            let counted = order.cancelledAt == nil && !["voided", "pending", "authorized"].contains(order.financialStatus.lowercased())
            guard counted else { return Credit(outcome: .notCounted, creatorPosition: .none, wavePosition: byDate) }
            let codes = (order.discountCodes ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .init(charactersIn: " \t")).uppercased() }
            for text in codes {
                guard let code = workspace.discountCodes.first(where: { $0.code.uppercased() == text }),
                      let creator = workspace.creatorPosition(code.creatorID) else { continue }
                let codeWave = code.waveID.flatMap { id in waves.firstIndex { $0.id == id } }.map(WavePosition.init)
                return Credit(outcome: .directByCode, creatorPosition: CreatorPosition(creator), wavePosition: codeWave ?? byDate)
            }
            if let medium = order.utmMedium?.lowercased() {
                let slug = order.utmContent?.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
                if medium == settings.creatorMedium.lowercased(),
                   let creator = workspace.creators.firstIndex(where: { !$0.isLead && $0.effectiveLinkSlug.lowercased() == slug }) {
                    let campaign = waves.firstIndex { $0.slug.lowercased() == order.utmCampaign?.lowercased() }.map(WavePosition.init)
                    return Credit(outcome: .directByLink, creatorPosition: CreatorPosition(creator), wavePosition: campaign ?? byDate)
                }
                if settings.paidMediums.contains(where: { $0.lowercased() == medium }) {
                    return Credit(outcome: .paidOrAffiliate, creatorPosition: .none, wavePosition: byDate)
                }
            }
            let answers = workspace.surveyResponses.filter { answered.order($0.orderID) == order.id }
            if let credited = answers.compactMap(\.creditedCreator).first, let creator = workspace.creatorPosition(credited) {
                return Credit(outcome: .assistedBySurvey, creatorPosition: CreatorPosition(creator), wavePosition: byDate)
            }
            let named = Set(mentions.creators(namedIn: answers.flatMap { [$0.response] + ($0.other.map { [$0] } ?? []) }))
            switch named.count {
            case 0: return Credit(outcome: .unattributed, creatorPosition: .none, wavePosition: byDate)
            case 1: return Credit(outcome: .assistedBySurvey, creatorPosition: named.first!, wavePosition: byDate)
            default: return Credit(outcome: .ambiguous, creatorPosition: .none, wavePosition: byDate)
            }
        }
    }

    /// Every ambiguous order with everyone its answers name, in order of first mention.
    static func ambiguous(_ workspace: Workspace, credits: [Credit]) -> [(order: OrderID, creators: [CreatorID])] {
        let answered = SurveyAnswerOrders(workspace)
        let mentions = CreatorMentions(workspace.creators.rows)
        return credits.indices.filter { credits[$0].outcome == .ambiguous }.map { index in
            let order = workspace.orders[index].id
            let texts = workspace.surveyResponses.filter { answered.order($0.orderID) == order }.flatMap { [$0.response] + ($0.other.map { [$0] } ?? []) }
            return (order, mentions.creators(namedIn: texts).map { workspace.creators[$0.index!].id })
        }
    }
}
