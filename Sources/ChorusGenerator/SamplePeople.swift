/// Names, places and words the sample creators are made from, per country.
///
/// Real creator lists are international and messy, and the console must render them: accents
/// (José Núñez), letters outside Latin-1 (Zoë Ångström), CJK names two columns wide per
/// character, emoji and zero-width-joiner sequences in display names. Every name carries an
/// ASCII spelling because that is how buyers type a creator's name into a survey.
enum SamplePeople {
    /// A name as written and as a buyer would type it.
    struct Name {
        let written: String
        let ascii: String
        init(_ written: String, _ ascii: String? = nil) {
            self.written = written
            self.ascii = ascii ?? written
        }
    }

    struct Place {
        let city: String
        let region: String?
        let postalCode: String
    }

    struct Country {
        let code: String
        let weight: Int
        let firstNames: [Name]
        let lastNames: [Name]
        /// Family name first, separated by a space (JP) or not at all (KR).
        let familyFirst: String?
        let streets: [String]
        /// Whether the house number goes before the street name.
        let numberFirst: Bool
        let places: [Place]
        let emailDomains: [String]
    }

    static let countries: [Country] = [
        Country(code: "DE", weight: 22,
                firstNames: [Name("Lena"), Name("Jonas"), Name("Mia"), Name("Lukas"), Name("Sophie"), Name("Felix"), Name("Jürgen", "Juergen"), Name("Hanna")],
                lastNames: [Name("Müller", "Mueller"), Name("Schmidt"), Name("Schäfer", "Schaefer"), Name("Weiß", "Weiss"), Name("Becker"), Name("Krüger", "Krueger")],
                familyFirst: nil, streets: ["Lindenstraße", "Hauptstraße", "Schillerweg", "Am Hafen"], numberFirst: false,
                places: [Place(city: "Berlin", region: "BE", postalCode: "10115"), Place(city: "Hamburg", region: "HH", postalCode: "20095"),
                         Place(city: "München", region: "BY", postalCode: "80331"), Place(city: "Köln", region: "NW", postalCode: "50667")],
                emailDomains: ["web.de", "gmx.de", "gmail.com"]),
        Country(code: "FR", weight: 14,
                firstNames: [Name("Chloé", "Chloe"), Name("Léa", "Lea"), Name("Hugo"), Name("Manon"), Name("Théo", "Theo"), Name("Camille")],
                lastNames: [Name("Dubois"), Name("Lefèvre", "Lefevre"), Name("Moreau"), Name("Girard"), Name("Roux")],
                familyFirst: nil, streets: ["rue des Lilas", "avenue Jean Jaurès", "boulevard Voltaire"], numberFirst: true,
                places: [Place(city: "Lyon", region: nil, postalCode: "69003"), Place(city: "Paris", region: nil, postalCode: "75011"),
                         Place(city: "Nantes", region: nil, postalCode: "44000")],
                emailDomains: ["orange.fr", "free.fr", "gmail.com"]),
        Country(code: "GB", weight: 14,
                firstNames: [Name("Amelia"), Name("Oliver"), Name("Isla"), Name("Harry"), Name("Siobhán", "Siobhan"), Name("Priya")],
                lastNames: [Name("Smith"), Name("Taylor"), Name("O'Brien"), Name("Patel"), Name("Evans")],
                familyFirst: nil, streets: ["Kingsway", "High Street", "Station Road"], numberFirst: true,
                places: [Place(city: "Manchester", region: "ENG", postalCode: "M1 2AB"), Place(city: "Brighton", region: "ENG", postalCode: "BN1 1AA"),
                         Place(city: "Edinburgh", region: "SCT", postalCode: "EH1 1YZ")],
                emailDomains: ["outlook.com", "gmail.com", "btinternet.com"]),
        Country(code: "US", weight: 16,
                firstNames: [Name("Ava"), Name("Mason"), Name("Harper"), Name("Jayden"), Name("Chloe"), Name("Mateo")],
                lastNames: [Name("Johnson"), Name("Garcia"), Name("Nguyen"), Name("Williams"), Name("Brooks")],
                familyFirst: nil, streets: ["Pine St", "Ocean Ave", "Maple Dr"], numberFirst: true,
                places: [Place(city: "Portland", region: "OR", postalCode: "97205"), Place(city: "San Diego", region: "CA", postalCode: "92101"),
                         Place(city: "Denver", region: "CO", postalCode: "80202"), Place(city: "Austin", region: "TX", postalCode: "73301")],
                emailDomains: ["gmail.com", "icloud.com", "yahoo.com"]),
        Country(code: "ES", weight: 8,
                firstNames: [Name("José", "Jose"), Name("Lucía", "Lucia"), Name("Álvaro", "Alvaro"), Name("Carmen"), Name("Iñigo", "Inigo")],
                lastNames: [Name("Núñez", "Nunez"), Name("García", "Garcia"), Name("Fernández", "Fernandez"), Name("Muñoz", "Munoz")],
                familyFirst: nil, streets: ["Calle Mayor", "Calle de Alcalá", "Passeig de Gràcia"], numberFirst: false,
                places: [Place(city: "Madrid", region: "M", postalCode: "28013"), Place(city: "Barcelona", region: "B", postalCode: "08007"),
                         Place(city: "Valencia", region: "V", postalCode: "46002")],
                emailDomains: ["gmail.com", "hotmail.es"]),
        Country(code: "IT", weight: 8,
                firstNames: [Name("Giulia"), Name("Matteo"), Name("Chiara"), Name("Niccolò", "Niccolo"), Name("Sofia")],
                lastNames: [Name("Rossi"), Name("Bianchi"), Name("Ricci"), Name("De Luca"), Name("Esposito")],
                familyFirst: nil, streets: ["Via Roma", "Corso Venezia", "Via Garibaldi"], numberFirst: false,
                places: [Place(city: "Milano", region: "MI", postalCode: "20121"), Place(city: "Bologna", region: "BO", postalCode: "40121"),
                         Place(city: "Napoli", region: "NA", postalCode: "80132")],
                emailDomains: ["libero.it", "gmail.com"]),
        Country(code: "NL", weight: 6,
                firstNames: [Name("Sanne"), Name("Daan"), Name("Fleur"), Name("Bram"), Name("Zoë", "Zoe")],
                lastNames: [Name("de Vries"), Name("van Dijk"), Name("Jansen"), Name("Bakker")],
                familyFirst: nil, streets: ["Prinsengracht", "Kerkstraat", "Oudegracht"], numberFirst: false,
                places: [Place(city: "Amsterdam", region: "NH", postalCode: "1016 GV"), Place(city: "Utrecht", region: "UT", postalCode: "3511 AB")],
                emailDomains: ["ziggo.nl", "gmail.com"]),
        Country(code: "SE", weight: 4,
                firstNames: [Name("Elsa"), Name("Astrid"), Name("Linnea"), Name("Björn", "Bjorn"), Name("Maja")],
                lastNames: [Name("Ångström", "Angstrom"), Name("Lindqvist"), Name("Öberg", "Oberg"), Name("Nyström", "Nystrom")],
                familyFirst: nil, streets: ["Storgatan", "Drottninggatan", "Sveavägen"], numberFirst: false,
                places: [Place(city: "Stockholm", region: "AB", postalCode: "111 51"), Place(city: "Göteborg", region: "O", postalCode: "411 03")],
                emailDomains: ["telia.com", "gmail.com"]),
        Country(code: "JP", weight: 4,
                firstNames: [Name("花子", "Hanako"), Name("陽菜", "Hina"), Name("蓮", "Ren"), Name("結衣", "Yui")],
                lastNames: [Name("山田", "Yamada"), Name("佐藤", "Sato"), Name("鈴木", "Suzuki"), Name("高橋", "Takahashi")],
                familyFirst: " ", streets: ["Jingumae 1-2-3", "Ebisu 4-5-6", "Umeda 2-1-8"], numberFirst: false,
                places: [Place(city: "Shibuya-ku, Tokyo", region: "13", postalCode: "150-0001"), Place(city: "Kita-ku, Osaka", region: "27", postalCode: "530-0001")],
                emailDomains: ["yahoo.co.jp", "gmail.com"]),
        Country(code: "KR", weight: 4,
                firstNames: [Name("민지", "Minji"), Name("서연", "Seoyeon"), Name("지훈", "Jihoon"), Name("하은", "Haeun")],
                lastNames: [Name("김", "Kim"), Name("이", "Lee"), Name("박", "Park"), Name("최", "Choi")],
                familyFirst: "", streets: ["Teheran-ro", "Gangnam-daero", "Sejong-daero"], numberFirst: true,
                places: [Place(city: "Seoul", region: "11", postalCode: "06133"), Place(city: "Busan", region: "26", postalCode: "48058")],
                emailDomains: ["naver.com", "gmail.com"]),
    ]

    /// Creators every sample has, in this order, so demos and tests can rely on them.
    struct Showcase {
        let name: Name
        let handle: String
        let country: String
    }

    static let showcase: [Showcase] = [
        Showcase(name: Name("José Núñez", "Jose Nunez"), handle: "josenunez.skin", country: "ES"),
        Showcase(name: Name("Zoë Ångström", "Zoe Angstrom"), handle: "zoe.angstrom", country: "SE"),
        Showcase(name: Name("山田 花子", "Hanako Yamada"), handle: "hanako.yamada", country: "JP"),
        Showcase(name: Name("김민지", "Minji Kim"), handle: "minji.glow", country: "KR"),
        Showcase(name: Name("Mia 🌿", "Mia"), handle: "mia.botanics", country: "DE"),
        Showcase(name: Name("👩‍💻 Dev Sam", "Dev Sam"), handle: "devsam.codes", country: "US"),
    ]

    static let handleWords = ["glow", "skin", "hikes", "daily", "coast", "routine", "outdoors", "wild", "salt", "calm"]

    static let niches = ["skincare", "clean beauty", "outdoor", "hiking", "surfing", "wellness", "yoga", "travel",
                         "parenting", "sustainability", "running", "makeup", "fitness", "minimalism"]

    /// Lower-case ASCII first and last names for the store's ordinary customers.
    static let customerFirstNames = ["anna", "tom", "laura", "marc", "julia", "ben", "nina", "paul", "eva", "leo", "sara", "max"]
    static let customerLastNames = ["meyer", "martin", "brown", "rossi", "jansen", "lopez", "novak", "berg", "klein", "wood"]
    static let customerDomains = ["gmail.com", "web.de", "outlook.com", "icloud.com", "orange.fr", "yahoo.com"]
}
