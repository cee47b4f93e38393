import Foundation

/// Countries by ISO 3166 code and by name, and the region each belongs to.
///
/// Feeds write countries every way: `DE`, `Germany`, `Deutschland`, `UK`, `USA`. The codes and
/// English names come from the system's locale data (so every country is known without a
/// hand-kept list); a few local and common names are added. The continent also comes from the
/// locale data (UN M49 regions); the Americas are split into North (with Central America and
/// the Caribbean, as This Week in Rust lists Mexico) and South.
public struct CountryDirectory: Sendable {
    private var codesByName: [String: String] = [:]
    private var regionsByCode: [String: Region] = [:]

    /// The directory from the system's locale data.
    public static let shared = CountryDirectory()

    init() {
        let english = Locale(identifier: "en_US")
        for region in Locale.Region.isoRegions {
            let code = region.identifier
            guard code.count == 2, code.allSatisfy(\.isLetter), let place = CountryDirectory.region(of: region)
            else { continue }
            regionsByCode[code] = place
            codesByName[code.lowercased()] = code
            if let name = english.localizedString(forRegionCode: code) {
                codesByName[CountryDirectory.fold(name)] = code
            }
        }
        for (name, code) in CountryDirectory.aliases where regionsByCode[code] != nil {
            codesByName[CountryDirectory.fold(name)] = code
        }
    }

    /// The ISO code of a country written as a code or a name, e.g. `Deutschland` → `DE`.
    public func code(of text: String) -> String? {
        codesByName[CountryDirectory.fold(text)]
    }

    /// The region of a country, given by code or name.
    public func region(of country: String) -> Region? {
        code(of: country).flatMap { regionsByCode[$0] }
    }

    private static func region(of region: Locale.Region) -> Region? {
        switch region.continent?.identifier {
        case "002": .africa
        case "142": .asia
        case "150": .europe
        case "009": .oceania
        case "019": region.containingRegion?.identifier == "005" ? .southAmerica : .northAmerica
        default: nil
        }
    }

    /// Lower case without accents or dots, so `U.S.A.` and `México` match `usa` and `mexico`.
    static func fold(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: Locale(identifier: "en_US"))
            .replacingOccurrences(of: ".", with: "").trimmingCharacters(in: .whitespaces)
    }

    /// Names that are not the English short name: common forms and countries' own names.
    private static let aliases: [(String, String)] = [
        ("UK", "GB"), ("England", "GB"), ("Scotland", "GB"), ("Wales", "GB"), ("Northern Ireland", "GB"),
        ("Great Britain", "GB"), ("United Kingdom of Great Britain and Northern Ireland", "GB"),
        ("USA", "US"), ("United States of America", "US"), ("America", "US"), ("Deutschland", "DE"),
        ("Nederland", "NL"), ("Holland", "NL"), ("The Netherlands", "NL"), ("España", "ES"), ("Brasil", "BR"),
        ("Schweiz", "CH"), ("Suisse", "CH"), ("Svizzera", "CH"), ("Österreich", "AT"), ("Italia", "IT"),
        ("Polska", "PL"), ("Česko", "CZ"), ("Czech Republic", "CZ"), ("Turkey", "TR"), ("Türkiye", "TR"),
        ("Korea", "KR"), ("Republic of Korea", "KR"), ("Sverige", "SE"), ("Norge", "NO"), ("Danmark", "DK"),
        ("Suomi", "FI"), ("Belgique", "BE"), ("België", "BE"), ("Éire", "IE"), ("Россия", "RU"),
        ("UAE", "AE"), ("日本", "JP"), ("中国", "CN"), ("Hong Kong SAR", "HK"), ("Magyarország", "HU"),
        ("Ελλάδα", "GR"), ("Hellas", "GR"), ("Portugal", "PT"), ("Türkei", "TR"), ("Viet Nam", "VN"),
    ]
}
