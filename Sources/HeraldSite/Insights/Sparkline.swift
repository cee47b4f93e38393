/// A small inline SVG line of counts (a crate's mentions per year): no script, no image file,
/// and the numbers in its accessible title.
struct Sparkline {
    let points: [(label: Int, count: Int)]

    static let width = 160
    static let height = 32

    func svg() -> String {
        guard let first = points.first, let last = points.last else { return "" }
        let highest = max(points.map(\.count).max() ?? 0, 1)
        let step = points.count > 1 ? Double(Sparkline.width - 4) / Double(points.count - 1) : 0
        let coordinates = points.enumerated().map { offset, point in
            let x = 2 + Double(offset) * step
            let rise = Double(point.count) / Double(highest) * Double(Sparkline.height - 4)
            let y = Double(Sparkline.height - 2) - rise
            return "\(Sparkline.format(x)),\(Sparkline.format(y))"
        }
        let summary = points.map { "\($0.label): \($0.count)" }.joined(separator: ", ")
        return """
            <svg class="sparkline" role="img" width="\(Sparkline.width)" height="\(Sparkline.height)" \
            viewBox="0 0 \(Sparkline.width) \(Sparkline.height)"><title>Mentions per year, \
            \(first.label)–\(last.label): \(summary)</title><polyline fill="none" stroke="currentColor" \
            stroke-width="1.5" points="\(coordinates.joined(separator: " "))"/></svg>
            """
    }

    private static func format(_ value: Double) -> String {
        String((value * 10).rounded() / 10)
    }
}
