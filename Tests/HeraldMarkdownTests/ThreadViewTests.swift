import HeraldMarkdown
import Testing

/// A document seen through a thread's own view (``MarkdownDocument/threadView()``) holds the same
/// nodes: equal, hashed alike, with the same content, whichever view reached them.
@Suite("Thread views of a document")
struct ThreadViewTests {
    @Test("nodes through a view equal the original's and lead to the same places")
    func sameNodes() {
        let document = MarkdownDocument(
            parsing: "# Title\n\n- [a](https://a.example) *one*\n- two\n\n[b]: /b\n", options: .gfm)
        let view = document.threadView()
        let original = Array(document.root.descendants)
        let seen = Array(view.root.descendants)
        #expect(original == seen)
        #expect(Set(original) == Set(seen))
        #expect(original.map(\.hashValue) == seen.map(\.hashValue))
        for node in original {
            let moved = view.node(node)
            #expect(moved == node)
            #expect(moved.kind == node.kind && moved.range == node.range && moved.plainText == node.plainText)
            #expect(moved.parent == node.parent && moved.nextSibling == node.nextSibling)
        }
        #expect(view.threadView().root == document.root)
        let other = MarkdownDocument(parsing: "# Title\n", options: .gfm)
        #expect(other.root != document.root && other.threadView().root != view.root)
    }
}
