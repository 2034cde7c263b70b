import ChorusCore
import ChorusInterchange
import Foundation

/// Writes a workspace's store data as the files a brand would export and hand to Chorus:
/// `shopify-customers.csv` (Shopify's newer customer layout), `shopify-orders.csv` (one row
/// per line item) and `survey-responses.csv`. They are the demo's import files and the input
/// of import tests and benchmarks, so they use the same writers as real exports.
///
/// Files are created readable by the owner only (0600): they hold customers' names, emails
/// and addresses.
public enum SampleFiles {
    public static let customersFileName = "shopify-customers.csv"
    public static let ordersFileName = "shopify-orders.csv"
    public static let surveyFileName = "survey-responses.csv"

    /// Writes the three files into `folder`, creating it if needed (0700 whatever the umask,
    /// like a workspace folder); returns their URLs.
    @discardableResult
    public static func write(workspace: Workspace, to folder: URL) throws -> [URL] {
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            try FileManager.default.setAttributes([.posixPermissions: 0o700], ofItemAtPath: folder.path)
        }
        let files: [(String, [UInt8])] = [
            (customersFileName, ShopifyCustomersCSV.write(creators: workspace.creators.rows)),
            (ordersFileName, ShopifyOrdersCSV.write(orders: workspace.orders.rows, program: workspace.program)),
            (surveyFileName, SurveyResponsesCSV.write(workspace: workspace)),
        ]
        return try files.map { name, bytes in
            let url = folder.appendingPathComponent(name)
            try writePrivately(bytes, to: url)
            return url
        }
    }

    /// Replaces the file with `bytes`, never leaving it readable by others even for a moment.
    private static func writePrivately(_ bytes: [UInt8], to url: URL) throws {
        let manager = FileManager.default
        if manager.fileExists(atPath: url.path) { try manager.removeItem(at: url) }
        guard manager.createFile(atPath: url.path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: url.path])
        }
        let handle = try FileHandle(forWritingTo: url)
        defer { try? handle.close() }
        try handle.write(contentsOf: Data(bytes))
    }
}
