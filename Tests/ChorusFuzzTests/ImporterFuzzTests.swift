import ChorusCore
import ChorusInterchange
import Foundation
import XCTest

/// Every CSV importer fed mutated sample exports, random bytes and the hostile fixtures: each
/// input ends in a clean result (row errors, each with its line) or a typed refusal naming the
/// file and line — never a crash, a hang or an untyped error. Adding an importer is one entry
/// in `targets`.
final class ImporterFuzzTests: XCTestCase {
    static let workspace = Workspace(program: Program(name: "Fuzz", brand: "Fuzz", currency: .eur, landingURL: "https://fuzz.example/"))

    static func sample(_ name: String) -> [UInt8] {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return Fuzzer.head([UInt8]((try? Data(contentsOf: root.appendingPathComponent("sample-data/imports/" + name))) ?? Data()))
    }

    /// A real-layout export committed under Tests/Fixtures.
    static func fixture(_ name: String) -> [UInt8] {
        let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        return Fuzzer.head([UInt8]((try? Data(contentsOf: tests.appendingPathComponent("Fixtures/" + name))) ?? Data()))
    }

    static let creatorsSeed = Array(#"""
        handle,name,email,platform,followers,engagement_rate,niches,country,source,discount_code,link_slug
        ana.glow,Ana Martín,ana@example.com,instagram,8400,4.5%,skincare;vegan,ES,customerList,ANA15,ana
        "kenji_😀","健二 ""K""",,tiktok,95000,0.045,,JP,inbound,,kenji
        bare,,,,,,,,,,

        """#.utf8)
    static let submissionsSeed = Array(#"""
        handle,wave,platform,format,caption,asset_urls,submitted_at,on_screen_text
        @lena.hikes,W2,instagram,reel,"Morning SPF 🌞 #ad, ""really"" light",drafts/a.mp4;drafts/b.jpg,2026-11-20 09:14:02 +0000,
        kenji,W1,tiktok,video,健二のルーティン,,2026-11-19T10:00:00Z,#sponsored
        """#.utf8)
    static let metricsSeed = Array("""
        asset_id,post_url,date,views,likes,comments,shares,saves,clicks
        AS-0001,,2026-11-20,12000,800,40,12,30,55
        ,https://www.instagram.com/p/abc/?utm_source=x,2026-11-21,5,1,0,0,0,0
        """.utf8)
    static let trackingSeed = Array("""
        shipment_id,handle,carrier,tracking_number
        SH-0001,,dhl,1234567890
        ,ana.glow,ups,1Z999AA10123456784
        SH-0003,,usps,9400111899223197428490

        """.utf8)

    /// One importer: its header (for the fixtures), its seeds, and how to run it.
    struct Importer {
        var name: String
        var header: String
        var seeds: [[UInt8]]
        /// False for the bare reader, for which an empty file is simply no records.
        var needsHeader = true
        /// Runs the importer and returns the lines of its row errors.
        var run: ([UInt8]) throws -> [Int]
    }

    static var importers: [Importer] { [
        Importer(name: "creators", header: CreatorsImport.columns.joined(separator: ","), seeds: [creatorsSeed]) {
            try CreatorsImport(bytes: $0, fileName: "creators.csv", workspace: workspace, codeTerms: DiscountTerms(kind: .percent, value: 10)).errors.map(\.line)
        },
        Importer(name: "shopify orders", header: ShopifyOrdersImport.requiredColumns.joined(separator: ","), seeds: [sample("shopify-orders.csv")]) {
            try ShopifyOrdersImport(bytes: $0, fileName: "orders.csv", currency: .eur).errors.map(\.line)
        },
        Importer(name: "survey", header: "order_number,question,response,other,email", seeds: [sample("survey-responses.csv")]) {
            try SurveyImport(bytes: $0, fileName: "survey.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "tracking", header: "shipment_id,handle,carrier,tracking_number", seeds: [trackingSeed]) {
            try TrackingImportCSV(bytes: $0, fileName: "tracking.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "customers", header: ShopifyCustomersCSV.header.joined(separator: ","), seeds: [sample("shopify-customers.csv")]) {
            try CustomersImport(bytes: $0, fileName: "customers.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "submissions", header: SubmissionsImport.columns.joined(separator: ","), seeds: [submissionsSeed]) {
            try SubmissionsImport(bytes: $0, fileName: "submissions.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "metrics", header: "asset_id,post_url,date,views,likes,comments,shares,saves,clicks", seeds: [metricsSeed]) {
            try MetricsImport(bytes: $0, fileName: "metrics.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "products", header: "Handle,Title,Type,Option1 Value,Variant SKU,Variant Inventory Qty,Variant Price,Cost per item",
                 seeds: [fixture("shopify-products-older.csv"), fixture("shopify-products-newer.csv"), fixture("shopify-inventory.csv")]) {
            try ProductsImport(bytes: $0, fileName: "products.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "shipstation shipments", header: "Order #,Ship Date,Recipient,Carrier,Service,Tracking #,Shipping Cost",
                 seeds: [fixture("shipstation-shipments.csv")]) {
            try TrackingImportCSV(bytes: $0, fileName: "shipments.csv", workspace: workspace).errors.map(\.line)
        },
        Importer(name: "rates", header: ExchangeRatesImport.columns.joined(separator: ","), seeds: [fixture("rates-usd.csv")]) {
            try ExchangeRatesImport(bytes: $0, fileName: "rates.csv", programCurrency: .eur).errors.map(\.line)
        },
        Importer(name: "csv reader", header: "a,b,c", seeds: [sample("shopify-customers.csv"), creatorsSeed, trackingSeed], needsHeader: false) {
            var reader = CSVReader(bytes: $0, fileName: "any.csv")
            _ = try reader.readAll().map { record in (0..<record.count).map { record[$0] } }
            return []
        },
    ] }

    static func target(_ importer: Importer) -> FuzzTarget {
        FuzzTarget(name: importer.name, seeds: importer.seeds) { bytes in
            do {
                let lines = try importer.run(bytes)
                if let bad = lines.first(where: { $0 < 1 }) { throw FuzzFailure("a row error at line \(bad)") }
                return .accepted
            } catch let error as CSVError {
                guard error.line >= 1, error.fileName.hasSuffix(".csv") else { throw FuzzFailure("a CSV error without its place: \(error)") }
                return .refused
            } catch let error as ImportFormatError {
                guard error.description.hasPrefix(error.fileName) else { throw FuzzFailure("a format error without its file: \(error)") }
                return .refused
            } catch let failure as FuzzFailure {
                throw failure
            } catch {
                throw FuzzFailure("an untyped error: \(type(of: error)) \(error)")
            }
        }
    }

    func testEveryImporterSurvivesMutatedAndRandomBytes() {
        for importer in Self.importers {
            let report = Fuzzer.run(Self.target(importer))
            print("fuzz \(report)")
            XCTAssertEqual(report.failures, [], importer.name)
            XCTAssertGreaterThan(report.accepted, 0, "\(importer.name): some mutations still import")
            XCTAssertGreaterThan(report.refused, 0, "\(importer.name): some are refused")
        }
    }

    func testHostileFixturesEndInACleanResultOrALocatedRefusal() {
        for importer in Self.importers {
            for fixture in HostileCSV.fixtures(header: importer.header) {
                let label = "\(importer.name), \(fixture.name)"
                XCTAssertNoThrow(try Self.target(importer).read(fixture.bytes), label)
                guard let refusal = fixture.refusal else { continue }
                if case .noHeader = refusal, !importer.needsHeader { continue }
                XCTAssertThrowsError(try importer.run(fixture.bytes), label) { error in
                    switch (refusal, (error as? CSVError)?.kind, (error as? CSVError)?.line) {
                    case (.noHeader, .noHeader?, _): break
                    case (.invalidUTF8(let expected), .invalidUTF8?, let found?) where found == expected: break
                    case (.unbalancedQuote(let expected), .unbalancedQuote?, let found?) where found == expected: break
                    case (.fieldTooLong(let line, let column), .fieldTooLong?, let found?) where found == line:
                        XCTAssertEqual((error as? CSVError)?.column, column, label)
                        XCTAssertLessThan("\(error)".utf8.count, 300, "\(label): the message is one short line")
                    default: XCTFail("\(label): expected \(refusal), got \(error)")
                    }
                }
            }
        }
    }
}
