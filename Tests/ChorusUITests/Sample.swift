import ChorusCore
import Foundation

/// A small, hand-built program: two waves and eight creators spread over the pipeline.
enum Sample {
    static let today = Day(year: 2025, month: 3, day: 10)!
    static let now = Timestamp(day: today, hour: 9)
    static let wave1: WaveID = "W-1"
    static let wave2: WaveID = "W-2"

    static func creator(_ number: Int, _ handle: String, _ name: String, followers: Int, engagement: Double,
                        source: CreatorSource = .customerList, orders: Int = 0, country: String = "DE") -> Creator {
        Creator(id: CreatorID(formatID(prefix: "CR-", number: number)), handle: handle, name: name, country: country,
                profiles: [SocialProfile(platform: .instagram, handle: handle, followers: followers)],
                engagementRate: engagement, niches: ["skincare"], sources: [source],
                customer: orders > 0 ? CustomerSignals(orders: orders, totalSpent: Money(minorUnits: Int64(orders) * 4_500, currency: .eur),
                                                       acceptsMarketing: true) : nil)
    }

    static let creators: [Creator] = [
        creator(1, "ana.lima", "Ana Lima", followers: 8_200, engagement: 0.061, orders: 7),
        creator(2, "ben_makes", "Ben Okafor", followers: 23_400, engagement: 0.034, source: .inbound),
        creator(3, "cleo.glow", "Cleo Martin", followers: 4_100, engagement: 0.082, orders: 12),
        creator(4, "dara.skin", "Dara Nguyen", followers: 56_000, engagement: 0.021, source: .marketplace),
        creator(5, "eli.daily", "Eli Cohen", followers: 1_900, engagement: 0.047, source: .loyalty, orders: 3),
        creator(6, "fay.routine", "Fay Brooks", followers: 12_700, engagement: 0.039, source: .referral, orders: 1),
        creator(7, "gus.grooms", "Gus Weber", followers: 9_800, engagement: 0.028, source: .crm),
        creator(8, "hana.beauty", "Hana Sato", followers: 31_000, engagement: 0.055, orders: 2, country: "JP"),
    ]

    static func wave(_ id: WaveID, _ name: String, _ status: WaveStatus) -> Wave {
        Wave(id: id, name: name, slug: name.lowercased().replacingOccurrences(of: " ", with: "-"), status: status,
             startDate: today, endDate: nil, budget: Money(minorUnits: 500_000, currency: .eur), brief: Brief(),
             incentivePlan: IncentivePlan())
    }

    static func enrollment(_ number: Int, _ stage: PipelineStage, wave: WaveID = wave1) -> Enrollment {
        Enrollment(creatorID: CreatorID(formatID(prefix: "CR-", number: number)), waveID: wave, stage: stage,
                   stageChangedAt: Timestamp(day: today.adding(days: -3)))
    }

    static func workspace(extraCreators: [Creator] = []) -> Workspace {
        let stages: [PipelineStage] = [.prospect, .prospect, .prospect, .invited, .onboarding, .active, .seeded, .dropped]
        var enrollments = stages.enumerated().map { enrollment($0.offset + 1, $0.element) }
        enrollments += [enrollment(1, .prospect, wave: wave2), enrollment(3, .invited, wave: wave2)]
        enrollments += extraCreators.enumerated().map { enrollment(Int($0.element.id.rawValue.dropFirst(3))!, .prospect) }
        return Workspace(
            program: Program(name: "Glow Always-On", brand: "Glow", currency: .eur, landingURL: "https://glow.example"),
            waves: [wave(wave1, "Wave 1", .live), wave(wave2, "Wave 2", .planning)],
            creators: creators + extraCreators, enrollments: enrollments)
    }
}
