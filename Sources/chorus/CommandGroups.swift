import ArgumentParser

/// `chorus import …`: bring data in from real-format files. Every importer validates the whole
/// file first and applies it as one command, so a bad row never leaves a half-applied import.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import files (all-or-nothing unless --skip-invalid).",
        subcommands: [ImportTrackingCommand.self, ImportCreatorsCommand.self, ImportOrdersCommand.self, ImportSurveyCommand.self,
                      ImportSubmissionsCommand.self, ImportMetricsCommand.self, ImportCustomersCommand.self,
                      ImportProductsCommand.self, ImportRatesCommand.self,
                      ImportPayoutDetailsCommand.self])
}

/// `chorus export …`: write what other tools need (warehouses, stores, finance, paid teams).
struct ExportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export", abstract: "Export data for other tools.",
        subcommands: [ExportShipmentsCommand.self, ExportCodesCommand.self, ExportAssetsCommand.self, ExportLedgerCommand.self, ExportPayoutsCommand.self, ExportBriefCommand.self, ExportWorkspaceCommand.self])
}

/// `chorus report …`: the figures finance and managers ask for.
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Reports.",
        subcommands: [ReportAttributionCommand.self, ReportCohortsCommand.self, ReportWeeklyCommand.self, ReportPayoutsCommand.self])
}
