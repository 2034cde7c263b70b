// ChorusInterchange: the files brands and their tools exchange with Chorus.
//
// Owns reading the real exports (Shopify orders, customers and products, Klaviyo profiles,
// ShipStation, survey and form tools, payout processors) into commands, and writing the files
// other tools open (CSV exports, the pick list, processor batches, the weekly chart SVG).
// Imports only ChorusCore; an import never touches the store — it returns a `Command` and the
// problems it found, each with file, line, column and field, so nothing is half-applied.
//
// Where to start reading: `CSVReader.swift` (the one CSV parser), `ColumnMap.swift` (how a
// file's headers are matched), then one importer, e.g. `ShopifyOrdersImport.swift`.
