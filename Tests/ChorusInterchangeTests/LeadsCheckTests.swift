import ChorusCore
import ChorusInterchange
import XCTest

/// `chorus check` knows leads: they may have no handle, but need an email of their own, and
/// nothing in a wave may belong to one.
final class LeadsCheckTests: XCTestCase {
    private let sample = SampleFixture.workspace

    private func with(_ creators: [Creator], enrolling lead: CreatorID? = nil) -> Workspace {
        var enrollments = sample.enrollments.rows
        if let lead { enrollments.append(Enrollment(creatorID: lead, waveID: sample.waves[0].id, stage: .prospect, stageChangedAt: Timestamp(day: SampleFixture.today))) }
        return Workspace(program: sample.program, waves: sample.waves.rows, creators: sample.creators.rows + creators, enrollments: enrollments,
                         skus: sample.skus.rows, shipments: sample.shipments.rows, submissions: sample.submissions.rows, assets: sample.assets.rows,
                         discountCodes: sample.discountCodes.rows, trackingLinks: sample.trackingLinks.rows, orders: sample.orders.rows,
                         surveyResponses: sample.surveyResponses.rows)
    }

    func testLeadsWithEmailsOfTheirOwnAreFine() {
        let leads = [Creator(id: "CR-90001", handle: "", name: "Marta Ruiz", email: "marta@example.es"),
                     Creator(id: "CR-90002", handle: "", name: "Sam Reed", email: "sam@example.com")]
        XCTAssertEqual(WorkspaceCheck.problems(in: with(leads)), [], "several creators without a handle are not a duplicate handle")
    }

    func testALeadWithoutAnEmailOrSharingOneOrInAWaveIsReported() {
        let leads = [Creator(id: "CR-90001", handle: "", name: "Marta Ruiz", email: "marta@example.es"),
                     Creator(id: "CR-90002", handle: "", name: "M. Ruiz", email: "Marta@example.es"),
                     Creator(id: "CR-90003", handle: "", name: "Nobody")]
        XCTAssertEqual(WorkspaceCheck.problems(in: with(leads, enrolling: "CR-90001")), [
            "the email marta@example.es belongs to more than one lead",
            "creator CR-90003: has neither a handle nor an email",
            "enrollment of CR-90001 in \(sample.waves[0].id): CR-90001 is a lead with no handle, who cannot be in a wave or hold anything",
        ])
    }
}
