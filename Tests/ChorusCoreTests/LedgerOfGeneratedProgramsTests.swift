import XCTest
@testable import ChorusCore
@testable import ChorusGenerator

/// The ledger finds each creator's row in each wave by walking the creator's enrollments and
/// counts distinct creators by position (`Ledger.CreatorWaveRows`, `PositionSet`): on
/// generated programs, with creators enrolled again in more waves, it must put every credited
/// order, parcel and asset on the row a dictionary keyed by creator and wave did, and count
/// the creators a set of ids counts, a broken snapshot's repeated enrollment included.
final class LedgerOfGeneratedProgramsTests: XCTestCase {
    func testRowsAndKPIsAreWhatDictionariesOfCreatorsAndWavesGive() throws {
        for seed in 1...3 as ClosedRange<UInt64> {
            let today = Day(year: 2026, month: 9, day: 1)!
            var workspace = SampleProgram.generate(options: GeneratorOptions(creators: 200, orders: 2_500, seed: seed, today: today))
            // Creators of one wave enrolled in others too (orders of a wave a creator is not in
            // fall back to their latest).
            var random = SeededRandom(seed: seed)
            for wave in workspace.waves {
                for creator in Set(workspace.enrollments.map(\.creatorID)).sorted() where Int.random(in: 0..<4, using: &random) == 0 {
                    guard !workspace.enrollments.contains(key: EnrollmentKey(creatorID: creator, waveID: wave.id)) else { continue }
                    workspace.put(Enrollment(creatorID: creator, waveID: wave.id, stage: .posted, stageChangedAt: Timestamp(day: today)))
                }
            }
            // A broken snapshot's repeated enrollment: a creator's second row in a wave.
            let repeated = try XCTUnwrap(workspace.enrollments.first { enrollment in
                workspace.enrollments.filter { $0.creatorID == enrollment.creatorID }.count > 1
            })
            var enrollments = workspace.enrollments.rows
            enrollments.append(Enrollment(creatorID: repeated.creatorID, waveID: repeated.waveID, stage: .complete,
                                          stageChangedAt: Timestamp(day: today)))
            workspace = Workspace(program: workspace.program, waves: workspace.waves.rows, creators: workspace.creators.rows,
                                  enrollments: enrollments, skus: workspace.skus.rows, shipments: workspace.shipments.rows,
                                  submissions: workspace.submissions.rows, assets: workspace.assets.rows,
                                  discountCodes: workspace.discountCodes.rows, trackingLinks: workspace.trackingLinks.rows,
                                  orders: workspace.orders.rows, surveyResponses: workspace.surveyResponses.rows,
                                  payoutRuns: workspace.payoutRuns.rows)
            XCTAssertEqual(workspace.enrollments.count, enrollments.count, "the repeated row is kept")
            let attribution = Attribution.compute(workspace)
            XCTAssertGreaterThan(attribution.credits.filter { $0.creatorPosition.index != nil }.count, 100, "seed \(seed) credits orders")
            for wave in [nil] + workspace.waves.map(\.id) {
                let ledger = Ledger(workspace, attribution: attribution, today: today, wave: wave)
                let expected = Self.ledgerByDictionaries(workspace, attribution: attribution, wave: wave)
                XCTAssertEqual(ledger.rows.map(Figures.init), expected.rows, "seed \(seed), wave \(wave?.rawValue ?? "all")")
                XCTAssertEqual(ledger.kpis.creators, expected.creators)
                XCTAssertEqual(ledger.kpis.activeCreators, expected.active)
            }
        }
    }

    private struct Figures: Equatable {
        var creator: CreatorID, wave: WaveID
        var direct: Int, directNet: Int64, assisted: Int, assistedNet: Int64, assets: Int, parcels: Int64

        init(creator: CreatorID, wave: WaveID) {
            (self.creator, self.wave) = (creator, wave)
            (direct, directNet, assisted, assistedNet, assets, parcels) = (0, 0, 0, 0, 0, 0)
        }

        init(_ row: Ledger.Row) {
            self.init(creator: row.creatorID, wave: row.waveID)
            (direct, directNet, assisted, assistedNet) = (row.results.directOrders, row.results.directNetRevenue,
                                                          row.results.assistedOrders, row.results.assistedNetRevenue)
            (assets, parcels) = (row.results.usableAssets, row.costs.productCost + row.costs.shippingCost)
        }
    }

    /// The rules as the ledger applied them with a `[creator × wave: row]` dictionary and sets of ids.
    private static func ledgerByDictionaries(_ workspace: Workspace, attribution: AttributionResult, wave: WaveID?)
        -> (rows: [Figures], creators: Int, active: Int) {
        let wavePositions = Dictionary(uniqueKeysWithValues: workspace.waves.enumerated().map { ($1.id, $0) })
        var rows: [Figures] = [], rowOf: [String: Int] = [:], latest: [CreatorID: (wave: Int, row: Int)] = [:]
        for enrollment in workspace.enrollments {
            guard workspace.creators.contains(key: enrollment.creatorID), let position = wavePositions[enrollment.waveID] else { continue }
            var row = -1
            if wave == nil || enrollment.waveID == wave {
                row = rows.count
                rows.append(Figures(creator: enrollment.creatorID, wave: enrollment.waveID))
            }
            rowOf["\(enrollment.creatorID.rawValue) \(position)"] = row
            if (latest[enrollment.creatorID]?.wave ?? -1) < position { latest[enrollment.creatorID] = (position, row) }
        }
        let figures = workspace.orders.rows.figures
        for (position, credit) in attribution.credits.enumerated() {
            guard let creator = credit.creatorPosition.index.map({ workspace.creators[$0].id }) else { continue }
            let target = credit.wavePosition.index.flatMap { rowOf["\(creator.rawValue) \($0)"] } ?? latest[creator]?.row ?? -1
            guard target >= 0 else { continue }
            switch credit.outcome {
            case .directByCode, .directByLink:
                rows[target].direct += 1
                rows[target].directNet += figures[position].netRevenue
            case .assistedBySurvey:
                rows[target].assisted += 1
                rows[target].assistedNet += figures[position].netRevenue
            default: continue
            }
        }
        let target = { (creator: CreatorID, wave: WaveID) -> Int? in
            wavePositions[wave].flatMap { rowOf["\(creator.rawValue) \($0)"] }.flatMap { $0 >= 0 ? $0 : nil }
        }
        for shipment in workspace.shipments where shipment.status != .cancelled {
            guard let row = target(shipment.creatorID, shipment.waveID) else { continue }
            rows[row].parcels += shipment.productCost.minorUnits + (shipment.shippingCost?.minorUnits ?? 0)
        }
        for asset in workspace.assets {
            guard let row = target(asset.creatorID, asset.waveID) else { continue }
            rows[row].assets += 1
        }
        return (rows, Set(rows.map(\.creator)).count, Set(rows.filter { $0.assets > 0 }.map(\.creator)).count)
    }
}
