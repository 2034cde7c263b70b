import ChorusCore
import ChorusInterchange
import XCTest

/// A social manager pastes this week's post metrics into a file and imports it: rows find
/// their asset by id or by the post's link, and every bad cell is named by line and column
/// with what to write instead, while nothing from the file is applied until all of it reads.
final class MetricsImportTests: XCTestCase {
    private typealias F = AttributionFixture
    private let header = "asset_id,post_url,date,views,likes,comments,shares,saves,clicks"

    private var workspace: Workspace {
        let base = F.workspace
        let assets = [
            Asset(id: "AS-0001", submissionID: nil, creatorID: F.mila, waveID: F.spring, platform: .instagram, kind: .video,
                  caption: "", postURL: "https://www.instagram.com/reel/abc123/"),
            Asset(id: "AS-0002", submissionID: nil, creatorID: F.lea, waveID: F.spring, platform: .tiktok, kind: .video,
                  caption: "", postURL: "https://www.tiktok.com/@lea/video/42"),
        ]
        return Workspace(program: base.program, waves: base.waves.rows, creators: base.creators.rows, enrollments: base.enrollments.rows, assets: assets)
    }

    private func read(_ rows: String...) throws -> MetricsImport {
        try MetricsImport(bytes: Array(([header] + rows).joined(separator: "\n").utf8), fileName: "metrics.csv", workspace: workspace)
    }

    func testRowsFindTheirAssetByIdOrByTheLinkHoweverItWasCopied() throws {
        let parsed = try read("AS-0002,,2026-03-19,1200,80,4,3,9,15",
                              ",HTTPS://instagram.com/reel/abc123?utm_source=ig_web_copy_link,2026-03-19,52000,3100,120,60,400,900")
        XCTAssertEqual(parsed.errors, [])
        XCTAssertEqual(parsed.readings, [
            MetricsReading(asset: "AS-0002", metrics: AssetMetrics(views: 1200, likes: 80, comments: 4, shares: 3, saves: 9, clicks: 15,
                                                                   measuredOn: Day("2026-03-19"))),
            MetricsReading(asset: "AS-0001", metrics: AssetMetrics(views: 52000, likes: 3100, comments: 120, shares: 60, saves: 400,
                                                                   clicks: 900, measuredOn: Day("2026-03-19"))),
        ])
        var updated = workspace
        XCTAssertEqual(try updated.apply(.importMetrics(parsed.readings), context: F.context).summary, "updated the metrics of 2 assets")
        XCTAssertEqual(updated.asset("AS-0001")?.metrics.views, 52000)
    }

    func testEveryBadCellIsNamedWithWhatToWriteInstead() throws {
        let parsed = try read("AS-0009,,2026-03-19,1,1,1,1,1,1",
                              ",https://instagram.com/p/nope,2026-03-19,1,1,1,1,1,1",
                              "AS-0001,,19.03.2026,1.5k,1,1,1,,-3",
                              ",,2026-03-19,1,1,1,1,1,1",
                              "AS-0002,,2026-03-19,1,1,1,1,1,1",
                              "AS-0002,,2026-03-20,2,2,2,2,2,2")
        XCTAssertEqual(parsed.errors.map(\.description), [
            "metrics.csv, line 2, column 1 (asset_id): no asset 'AS-0009'; `chorus list assets` shows the ids",
            "metrics.csv, line 3, column 2 (post_url): no asset was posted at https://instagram.com/p/nope; check the link or give the asset_id",
            "metrics.csv, line 4, column 3 (date): '19.03.2026' is not a date; write YYYY-MM-DD",
            "metrics.csv, line 4, column 4 (views): '1.5k' is not a count of views; write a whole number like 1200",
            "metrics.csv, line 4, column 8 (saves): no saves; write 0 when there were none",
            "metrics.csv, line 4, column 9 (clicks): '-3' is not a count of clicks; write a whole number like 1200",
            "metrics.csv, line 5, column 1 (asset_id): the row names no asset; give an asset_id or a post_url",
            "metrics.csv, line 7, column 1 (asset_id): AS-0002 is already on line 6; keep one row per asset",
        ])
        XCTAssertEqual(parsed.readings.map(\.asset), ["AS-0002"], "only the good row is ready, for --skip-invalid")
    }

    func testAFileWithoutTheColumnsIsNamedAsTheWrongFile() {
        XCTAssertThrowsError(try MetricsImport(bytes: Array("id,views\nAS-0001,3".utf8), fileName: "posts.csv", workspace: workspace)) {
            XCTAssertEqual("\($0)", "posts.csv is not a post metrics file: missing columns 'asset_id or post_url', 'date', 'likes', "
                + "'comments', 'shares', 'saves', 'clicks'")
        }
    }
}
