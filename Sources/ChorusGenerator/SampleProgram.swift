import ChorusCore

/// Generates a realistic, valid creator program: the demo workspace, the fixture every test
/// suite builds on, and (at 100 000 creators and a million orders) the benchmark workspace.
///
/// The same options give a byte-identical workspace on every machine: all randomness comes
/// from `SeededRandom`, "today" is an option, and nothing reads the clock, the locale or
/// iteration order of a `Set` or `Dictionary`. Everything is built to pass `WorkspaceCheck`:
/// ids unique, references resolved, stock reservations equal to queued and packed shipments,
/// review histories that match each submission's status, assets made by the same rules as an
/// approval. Seeding and content stay bounded (a few thousand records) however many creators
/// are asked for: beyond that, creators are Wave 3 prospects, as in a real program's database.
public enum SampleProgram {
    public static func generate(options: GeneratorOptions) -> Workspace {
        var builder = SampleBuilder(options: options)
        builder.makeCreators()
        builder.makePipeline()
        builder.makeTracking()
        builder.makeOrders()
        return builder.workspace()
    }
}

/// The workspace under construction. Each part of the sample (creators, pipeline, tracking,
/// orders) draws from its own random stream so that changing one part leaves the others as
/// they were.
struct SampleBuilder {
    let options: GeneratorOptions
    let today: Day
    /// The moment the sample is taken: late afternoon of `today`.
    let now: Timestamp
    let program = SampleCatalog.program()
    let waves: [Wave]
    var creatorRandom: SeededRandom
    var pipelineRandom: SeededRandom
    var trackingRandom: SeededRandom
    var orderRandom: SeededRandom

    var creators: [Creator] = []
    /// Each creator's name as a buyer would type it, parallel to `creators`.
    var asciiNames: [String] = []
    var enrollments: [Enrollment] = []
    var shipments: [Shipment] = []
    /// Units held by queued and packed shipments, parallel to `SampleCatalog.products`.
    var reservedUnits: [Int]
    var submissions: [Submission] = []
    var assets: [Asset] = []
    var discountCodes: [DiscountCode] = []
    var trackingLinks: [TrackingLink] = []
    var orders: [Order] = []
    var surveyResponses: [SurveyResponse] = []

    /// Creators who received product in Wave 1 or 2, by position; those who posted appear
    /// several times so that they drive more sales, as real winners do.
    var sellingCreators: [Int] = []
    /// Creators whose content is public, for survey answers that name them.
    var postedCreators: [Int] = []
    /// The first wave each creator joined, by position (nil when in none).
    var firstWave: [Int?] = []
    /// Creators who get a discount code and may sell with it (listed once per wave).
    var codeHolders: [Int] = []
    /// Each creator's discount code, by position.
    var codes: [String?] = []

    init(options: GeneratorOptions) {
        self.options = options
        self.today = options.today
        self.now = Timestamp(day: options.today, hour: 17, minute: 30)
        self.waves = SampleCatalog.waves(today: options.today)
        var root = SeededRandom(seed: options.seed)
        creatorRandom = root.fork()
        pipelineRandom = root.fork()
        trackingRandom = root.fork()
        orderRandom = root.fork()
        reservedUnits = Array(repeating: 0, count: SampleCatalog.products.count)
    }

    /// A time during working hours on `day`.
    static func workingTime(on day: Day, _ random: inout SeededRandom) -> Timestamp {
        Timestamp(day: day, hour: random.int(in: 8...18), minute: random.below(60), second: random.below(60))
    }

    func workspace() -> Workspace {
        let skus = SampleCatalog.products.enumerated().map { index, product in
            let reserved = reservedUnits[index]
            return SKU(id: product.id, name: product.name, unitCost: SampleCatalog.money(product.unitCost),
                       stockOnHand: 40 + (index * 37) % 400 + reserved, reserved: reserved, category: product.category)
        }
        return Workspace(program: program, waves: waves, creators: creators, enrollments: enrollments, skus: skus,
                         shipments: shipments, submissions: submissions, assets: assets, discountCodes: discountCodes,
                         trackingLinks: trackingLinks, orders: orders, surveyResponses: surveyResponses)
    }
}
