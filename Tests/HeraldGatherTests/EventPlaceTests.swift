import Testing

@testable import HeraldGather

@Suite struct EventPlaceTests {
    @Test(arguments: [
        ("Online (Berlin, Germany)", "Virtual (Berlin, DE)", Region.virtual),
        ("https://meet.example/quill", "Virtual", .virtual),
        ("Zoom", "Virtual", .virtual),
        ("c-base, Rungestraße 20, 10179 Berlin, Deutschland", "Berlin, DE", .europe),
        ("London, UK", "London, UK", .europe),
        ("Dallas Makerspace, 1825 Monetary Ln, Carrollton, TX 75006, USA", "Carrollton, TX, US", .northAmerica),
        ("Collingwood, VIC, AU", "Collingwood, VIC, AU", .oceania),
        ("Ciudad de México, México", "Ciudad de México, MX", .northAmerica),
        ("Rua Exemplo 100, São Paulo, Brasil", "São Paulo, BR", .southAmerica),
        ("Bangalore, IN", "Bangalore, IN", .asia),
        ("Lagos, Nigeria", "Lagos, NG", .africa),
        ("Christchurch, New Zealand", "Christchurch, NZ", .oceania),
        ("Somewhere nice", "Somewhere nice", .unplaced),
    ])
    func locationsArePlacedInRegions(location: String, text: String, region: Region) {
        let place = EventPlace(location: location, title: "Meetup")
        #expect(place.text == text)
        #expect(place.region == region)
    }

    @Test func anEventWithoutALocationIsVirtualOnlyWhenItsTitleSaysSo() {
        #expect(EventPlace(location: nil, title: "Online study group").region == .virtual)
        #expect(EventPlace(location: "  ", title: "Study group").region == .unplaced)
    }

    @Test func countriesByCodeAndName() {
        let directory = CountryDirectory.shared
        #expect(directory.code(of: "Deutschland") == "DE")
        #expect(directory.code(of: "united states") == "US")
        #expect(directory.code(of: "U.S.A.") == "US")
        #expect(directory.region(of: "KE") == .africa)
        #expect(directory.region(of: "Japan") == .asia)
        #expect(directory.region(of: "Peru") == .southAmerica)
        #expect(directory.region(of: "Canada") == .northAmerica)
        #expect(directory.region(of: "Atlantis") == nil)
    }
}
