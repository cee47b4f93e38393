import Foundation

/// A region of the events section, in the order This Week in Rust lists them.
///
/// Online events come first under ``virtual``, wherever their organisers are; in-person
/// events go under the continent of their country. ``unplaced`` holds the events whose
/// location Herald cannot place, so the editors see and move them rather than lose them.
public enum Region: Int, CaseIterable, Comparable, Sendable {
    case virtual
    case africa
    case asia
    case europe
    case northAmerica
    case oceania
    case southAmerica
    case unplaced

    /// The region heading: `Virtual`, `North America`.
    public var name: String {
        switch self {
        case .virtual: "Virtual"
        case .africa: "Africa"
        case .asia: "Asia"
        case .europe: "Europe"
        case .northAmerica: "North America"
        case .oceania: "Oceania"
        case .southAmerica: "South America"
        case .unplaced: "Unplaced"
        }
    }

    /// The region a heading names, ignoring case (`north america`).
    public init?(heading: String) {
        let wanted = heading.trimmingCharacters(in: .whitespaces).lowercased()
        guard let region = Region.allCases.first(where: { $0.name.lowercased() == wanted }) else { return nil }
        self = region
    }

    public static func < (lhs: Region, rhs: Region) -> Bool { lhs.rawValue < rhs.rawValue }
}
