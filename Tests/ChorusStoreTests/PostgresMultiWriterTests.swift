import XCTest

// The multi-writer tests of the shared log, on a workspace of their own on the PostgreSQL test
// server: each person is a connection of their own, as at separate machines. (Each test is
// named again because XCTest on Linux discovers only the methods a class itself declares.)

final class PostgresOptimisticPerformTests: OptimisticPerformTests {
    override func makeTeam() throws -> TeamLogs { try PostgresTeam() }

    override func testAColleaguesAppendInBetweenIsCaughtUpAndTheCommandAppliedAgainOnTop() throws {
        try super.testAColleaguesAppendInBetweenIsCaughtUpAndTheCommandAppliedAgainOnTop()
    }
    override func testApprovingADraftAColleagueJustSentBackIsRefusedNamingThem() throws {
        try super.testApprovingADraftAColleagueJustSentBackIsRefusedNamingThem()
    }
    override func testAKeyOnADraftAColleagueDecidedSinceThePersonsLastActionNamesThem() throws {
        try super.testAKeyOnADraftAColleagueDecidedSinceThePersonsLastActionNamesThem()
    }
    override func testALostAcknowledgementIsFoundOnTheLogAndNeverAppliedTwice() throws {
        try super.testALostAcknowledgementIsFoundOnTheLogAndNeverAppliedTwice()
    }
    override func testWhenColleaguesKeepGettingThereFirstTheCommandGivesUpChangingNothing() throws {
        try super.testWhenColleaguesKeepGettingThereFirstTheCommandGivesUpChangingNothing()
    }
}

final class PostgresNoLostUpdateTests: NoLostUpdateTests {
    override func makeTeam() throws -> TeamLogs { try PostgresTeam() }

    override func testAnUndoAfterAColleagueEditedTheSameWaveIsRefusedAndKeepsTheirEdit() throws {
        try super.testAnUndoAfterAColleagueEditedTheSameWaveIsRefusedAndKeepsTheirEdit()
    }
    override func testAnUndoOfSomethingNobodyElseTouchedStillWorks() throws { try super.testAnUndoOfSomethingNobodyElseTouchedStillWorks() }
    override func testReplacingAnItemAColleagueChangedSinceIsRefusedForEveryKindOfReplacement() throws {
        try super.testReplacingAnItemAColleagueChangedSinceIsRefusedForEveryKindOfReplacement()
    }
    override func testAReplacementFromAStaleViewIsRefusedWithoutTheCallerNamingAPosition() throws {
        try super.testAReplacementFromAStaleViewIsRefusedWithoutTheCallerNamingAPosition()
    }
}

final class PostgresThreeClientPropertyTests: ThreeClientPropertyTests {
    override func makeTeam() throws -> TeamLogs { try PostgresTeam() }

    override func testRandomInterleavingsOfThreePeopleEqualASequentialReplayOfTheLog() throws {
        try super.testRandomInterleavingsOfThreePeopleEqualASequentialReplayOfTheLog()
    }
    override func testThreePeopleOnThreeThreadsAtOnce() throws { try super.testThreePeopleOnThreeThreadsAtOnce() }
}
