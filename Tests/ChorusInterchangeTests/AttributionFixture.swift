import ChorusCore
import ChorusInterchange

/// A small program and hand-written store files that exercise every attribution rule once.
///
/// Creators: @mila.makes (Mila Novak, code MILA15), @lea.lumiere (Léa Martin, code LEA10) and
/// @zoe.muller (Zoë Müller, link slug `zoe`), all in the Spring Glow wave.
enum AttributionFixture {
    static let context = CommandContext(now: Timestamp("2026-03-20T09:00:00Z")!, actor: "ana")
    static let spring: WaveID = "W1"
    static let mila: CreatorID = "CR-00001", lea: CreatorID = "CR-00002", zoe: CreatorID = "CR-00003"

    static var workspace: Workspace {
        Workspace(
            program: Program(name: "Always-on", brand: "Lumen Skin", currency: .eur, landingURL: "https://lumen.example/shop"),
            waves: [Wave(id: spring, name: "Spring Glow", slug: "spring-glow", status: .live, startDate: Day("2026-03-01"),
                         endDate: Day("2026-04-30"), budget: .zero(.eur), brief: Brief(), incentivePlan: IncentivePlan(gifting: true))],
            creators: [
                Creator(id: mila, handle: "mila.makes", name: "Mila Novak",
                        profiles: [SocialProfile(platform: .instagram, handle: "mila.makes", followers: 8_400)]),
                Creator(id: lea, handle: "lea.lumiere", name: "Léa Martin"),
                Creator(id: zoe, handle: "zoe.muller", name: "Zoë Müller", linkSlug: "zoe"),
            ],
            discountCodes: [
                DiscountCode(code: "MILA15", creatorID: mila, waveID: spring, kind: .percent, value: 1_500),
                DiscountCode(code: "LEA10", creatorID: lea, waveID: spring, kind: .percent, value: 1_000),
            ])
    }

    /// Shopify's layout (a subset of its columns, in its order), saved by Excel on Windows:
    /// a byte order mark, CRLF line ends, a quoted `Note Attributes` holding a line break.
    static let ordersCSV = "\u{FEFF}" + [
        "Name,Email,Financial Status,Currency,Subtotal,Discount Code,Created at,Lineitem quantity,Lineitem name,Lineitem price,Lineitem sku,Note Attributes,Cancelled at,Refunded Amount,Source,Landing Site",
        // a site-wide promo before a lower-case creator code; two line items, the second with a comma in its name
        "#1001,ann@example.com,paid,EUR,64.00,\"WELCOME10, mila15\",2026-03-08 14:22:05 +0000,1,Glow Serum,32.00,SKU-SERUM,,,0.00,web,",
        "#1001,ann@example.com,,,,,2026-03-08 14:22:05 +0000,1,\"Night Cream, 50 ml\",32.00,SKU-CREAM,,,,,",
        // two creator codes: the first one wins
        "#1002,bo@example.com,paid,EUR,30.00,\"LEA10,MILA15\",2026-03-09 10:01:00 +0000,1,Face Mist,30.00,SKU-MIST,,,0.00,web,",
        // a link only
        "#1003,cy@example.com,paid,EUR,40.00,,2026-03-09 11:00:00 +0000,1,Glow Serum,40.00,SKU-SERUM,,,0.00,web,https://lumen.example/shop?utm_source=instagram&utm_medium=creator&utm_campaign=spring-glow&utm_content=ZOE",
        // a partial refund, then a full one
        "#1004,di@example.com,partially_refunded,EUR,80.00,MILA15,2026-03-10 09:00:00 +0000,2,Glow Serum,40.00,SKU-SERUM,,,30.00,web,",
        "#1005,ed@example.com,refunded,EUR,45.00,lea10,2026-03-10 10:00:00 +0000,1,Night Cream,45.00,SKU-CREAM,,,45.00,web,",
        // cancelled, and voided
        "#1006,fa@example.com,paid,EUR,70.00,MILA15,2026-03-11 09:00:00 +0000,1,Gift Set,70.00,SKU-SET,,2026-03-12 10:00:00 +0000,0.00,web,",
        "#1007,gu@example.com,voided,EUR,33.00,MILA15,2026-03-11 10:00:00 +0000,1,Face Mist,33.00,SKU-MIST,,,0.00,web,",
        // paid social (UTM in note attributes, over two lines); its survey names a creator
        "#1008,hu@example.com,paid,EUR,90.00,,2026-03-11 11:00:00 +0000,1,Gift Set,90.00,SKU-SET,\"utm_source: instagram\r\nutm_medium: paid_social\",,0.00,web,",
        // survey only: @handle, a full name without accents, two creators at once
        "#1009,ix@example.com,paid,EUR,15.00,,2026-03-12 09:00:00 +0000,1,Lip Balm,15.00,SKU-BALM,,,0.00,web,",
        "#1010,jo@example.com,paid,EUR,12.00,,2026-03-12 10:00:00 +0000,1,Lip Balm,12.00,SKU-BALM,,,0.00,web,",
        "#1011,ka@example.com,paid,EUR,22.00,,2026-03-12 11:00:00 +0000,1,Lip Balm,22.00,SKU-BALM,,,0.00,web,",
        // a promo code only
        "#1012,li@example.com,paid,EUR,18.00,SUMMER20,2026-03-13 09:00:00 +0000,1,Lip Balm,18.00,SKU-BALM,,,0.00,web,",
        // a creator code beats a survey naming someone else, and beats another creator's link
        "#1013,mo@example.com,paid,EUR,20.00,MILA15,2026-03-13 10:00:00 +0000,1,Face Mist,20.00,SKU-MIST,,,0.00,web,",
        "#1014,ni@example.com,paid,EUR,25.00,LEA10,2026-03-13 11:00:00 +0000,1,Face Mist,25.00,SKU-MIST,,,0.00,web,https://lumen.example/shop?utm_medium=creator&utm_content=zoe",
    ].joined(separator: "\r\n") + "\r\n"

    /// A survey app's export: order numbers with and without `#`, answers in `response` or `other`.
    static let surveyCSV = """
        order_id,order_number,question,response,other,email
        5100000001008,#1008,How did you hear about us?,Instagram,saw @zoe.muller's reel,hu@example.com
        ,1009,How did you hear about us?,Instagram,@LEA.LUMIERE,ix@example.com
        ,#1010,How did you hear about us?,Other,Zoe Muller,jo@example.com
        ,#1011,How did you hear about us?,Instagram,"mila.makes and @lea.lumiere",ka@example.com
        ,#1013,How did you hear about us?,Friend,Léa Martin told me,mo@example.com

        """

    /// The fixture with both files imported.
    static func imported() throws -> Workspace {
        var workspace = workspace
        let orders = try ShopifyOrdersImport(bytes: Array(ordersCSV.utf8), fileName: "orders.csv", currency: .eur)
        try workspace.apply(.importOrders(orders.orders), context: context)
        let survey = try SurveyImport(bytes: Array(surveyCSV.utf8), fileName: "survey.csv", workspace: workspace)
        try workspace.apply(.importSurveyResponses(survey.responses), context: context)
        return workspace
    }
}
