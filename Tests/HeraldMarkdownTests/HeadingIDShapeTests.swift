import Testing

@testable import HeraldMarkdown

/// Heading ids for a big issue that repeats its headings thousands of times: the work, counted
/// in candidate ids tried (never timed), grows with the headings, and the ids stay the same.
@Suite("Heading id work")
struct HeadingIDShapeTests {
    private func work(repeats: Int, style: HeadingIDStyle) -> Int {
        var generator = HeadingIDGenerator(style: style)
        for _ in 0..<repeats {
            _ = generator.makeID(for: "Updates from Rust Community")
            _ = generator.makeID(for: "Quote of the Week")
        }
        return generator.candidatesTried
    }

    @Test(
        "four times the repeated headings try under five times the candidates",
        arguments: [
            HeadingIDStyle.github, .pythonMarkdown,
        ])
    func repeatsGrowLinearly(style: HeadingIDStyle) {
        let small = work(repeats: 1000, style: style)
        let large = work(repeats: 4000, style: style)
        #expect(Double(large) / Double(small) < 5)
    }

    @Test("repeats resume where the last search stopped, past ids another heading took")
    func resumingKeepsTheIDs() {
        var github = HeadingIDGenerator()
        let githubIDs = ["a", "a", "a-2", "a", "a-1", "a"].map { github.makeID(for: $0) }
        #expect(githubIDs == ["a", "a-1", "a-2", "a-3", "a-1-1", "a-4"])
        var python = HeadingIDGenerator(style: .pythonMarkdown)
        let pythonIDs = ["Rust", "Rust", "Rust_2", "Rust", "", ""].map { python.makeID(for: $0) }
        #expect(pythonIDs == ["rust", "rust_1", "rust_2", "rust_3", "_1", "_2"])
    }
}
