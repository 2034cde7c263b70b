import XCTest
@testable import ChorusCore

final class MoneyTests: XCTestCase {
    private func parse(_ text: String, _ currency: Currency = .eur) -> Int64? {
        Money.parse(Substring(text), currency: currency)?.minorUnits
    }

    func testParsesAmountsAsStoresExportThem() {
        XCTAssertEqual(parse("1234.50"), 123_450)
        XCTAssertEqual(parse("1,234.50"), 123_450)
        XCTAssertEqual(parse("-3"), -300)
        XCTAssertEqual(parse("0.5"), 50)
        XCTAssertEqual(parse("  42.00 "), 4_200, "surrounding spaces are ignored")
        XCTAssertEqual(parse("0"), 0)
        XCTAssertEqual(Money.parse("9.99", currency: .usd)?.currency, .usd)
    }

    func testRefusesWhatIsNotAnAmount() {
        XCTAssertNil(parse("1.234"), "EUR has two minor digits; a third is a different number, not rounding")
        XCTAssertNil(parse("abc"))
        XCTAssertNil(parse(""))
        XCTAssertNil(parse("   "))
        XCTAssertNil(parse("-"))
        XCTAssertNil(parse("."))
        XCTAssertNil(parse("1.2.3"))
        XCTAssertNil(parse("1.00,5"), "a comma after the decimal point is not a thousands separator")
        XCTAssertNil(parse("€12"))
        XCTAssertNil(parse("12 EUR"))
        XCTAssertNil(parse("--3"))
        XCTAssertNil(parse("99999999999999999999"), "overflow is refused, not wrapped")
    }

    /// A European spreadsheet's `7,45` is 7.45, never 745.00; a comma that could be read two ways is refused.
    func testADecimalCommaIsReadOrRefusedNeverMultiplied() {
        XCTAssertEqual(parse("7,45"), 745)
        XCTAssertEqual(parse("7,5"), 750)
        XCTAssertEqual(parse("-12,30"), -1_230)
        XCTAssertEqual(parse("1,234,567"), 123_456_700, "several groups of three are thousands")
        XCTAssertEqual(parse("1,234.50"), 123_450)
        XCTAssertNil(parse("1,250"), "1250.00 or 1.25: refused rather than guessed")
        XCTAssertNil(parse("7,455"), "three digits after a lone comma")
        XCTAssertNil(parse("1.234,50"), "a dot before a comma")
        XCTAssertNil(parse("12,34.50"), "a group of two before the point is not thousands")
        XCTAssertNil(parse("1234,567.00"), "more than three digits before a thousands comma")
        XCTAssertNil(parse("7,"))
        XCTAssertNil(parse("7,4,5"))
    }

    func testZeroDigitCurrencies() {
        let yen = Currency("jpy")
        XCTAssertEqual(yen.code, "JPY")
        XCTAssertEqual(yen.minorDigits, 0)
        XCTAssertEqual(parse("1,500", yen), 1_500)
        XCTAssertNil(parse("1500.5", yen), "yen have no fraction")
        XCTAssertEqual(Money(minorUnits: 1_500, currency: yen).decimalString, "1500")
        XCTAssertEqual(Money(minorUnits: 1_500, currency: yen).description, "1500 JPY")
    }

    func testThreeDigitCurrencies() {
        let dinar = Currency("KWD")
        XCTAssertEqual(dinar.minorDigits, 3)
        XCTAssertEqual(parse("1.234", dinar), 1_234)
        XCTAssertEqual(parse("1.2", dinar), 1_200)
        XCTAssertEqual(Money(minorUnits: 1_005, currency: dinar).decimalString, "1.005")
    }

    /// ISO 4217's exceptions to two minor digits, however the code is spelled, and codes that
    /// are not three letters (kept apart from the packed ones) with two.
    func testEveryCurrencyHasItsMinorDigits() {
        for code in ["JPY", "KRW", "VND", "CLP", "ISK", "HUF", "TWD", "UGX", "XAF", "XOF", "PYG"] {
            XCTAssertEqual(Currency(code).minorDigits, 0, code)
            XCTAssertEqual(Currency(code.lowercased()).minorDigits, 0, code)
        }
        for code in ["BHD", "KWD", "OMR", "JOD", "TND", "IQD", "LYD"] { XCTAssertEqual(Currency(code).minorDigits, 3, code) }
        for code in ["EUR", "USD", "GBP", "CHF", "SEK", "eur", "EURO", "€", "JP"] { XCTAssertEqual(Currency(code).minorDigits, 2, code) }
    }

    func testDecimalString() {
        XCTAssertEqual(eur("1234.50").decimalString, "1234.50")
        XCTAssertEqual(eur("0.05").decimalString, "0.05")
        XCTAssertEqual(eur("-3").decimalString, "-3.00")
        XCTAssertEqual(eur("-0.07").decimalString, "-0.07")
        XCTAssertEqual(Money.zero(.eur).decimalString, "0.00")
        XCTAssertEqual(eur("18.50").description, "18.50 EUR")
    }

    func testDecimalStringParsesBackToTheSameAmount() {
        for units: Int64 in [0, 1, 9, 10, 99, 100, 123_456, -1, -250, 1_000_000_007] {
            let money = Money(minorUnits: units, currency: .eur)
            XCTAssertEqual(Money.parse(Substring(money.decimalString), currency: .eur), money)
        }
    }

    func testPercentageRoundsHalfAwayFromZero() {
        XCTAssertEqual(eur("10.50").percentage(basisPoints: 1_500).minorUnits, 158, "15 % of 10.50 is 1.575")
        XCTAssertEqual(eur("-10.50").percentage(basisPoints: 1_500).minorUnits, -158)
        XCTAssertEqual(eur("10.49").percentage(basisPoints: 1_500).minorUnits, 157, "1.5735 rounds down")
        XCTAssertEqual(eur("0.01").percentage(basisPoints: 5_000).minorUnits, 1, "half a cent rounds up")
        XCTAssertEqual(eur("0.01").percentage(basisPoints: 4_999).minorUnits, 0)
        XCTAssertEqual(eur("200").percentage(basisPoints: 10_000), eur("200"))
        XCTAssertEqual(eur("200").percentage(basisPoints: 0), .zero(.eur))
    }

    func testArithmeticAndComparison() {
        XCTAssertEqual(eur("18.50") + eur("1.50"), eur("20"))
        XCTAssertEqual(eur("18.50") - eur("20"), eur("-1.50"))
        XCTAssertEqual(eur("18.50") * 3, eur("55.50"))
        XCTAssertLessThan(eur("9.99"), eur("10"))
        XCTAssertTrue(eur("0").isZero)
    }

    func testCurrencyDecodingRefusesNonCodes() throws {
        let decoder = JSONDecoder()
        XCTAssertEqual(try decoder.decode(Currency.self, from: Data("\"eur\"".utf8)), .eur)
        XCTAssertThrowsError(try decoder.decode(Currency.self, from: Data("\"EURO\"".utf8)))
        XCTAssertThrowsError(try decoder.decode(Currency.self, from: Data("\"€€€\"".utf8)))
        let money = eur("1234.50")
        XCTAssertEqual(try decoder.decode(Money.self, from: JSONEncoder().encode(money)), money)
    }
}
