// libFuzzer entry point for Herald's Markdown engine: parse any bytes with every GitHub extension
// on, render them, and check that the HTML is valid UTF-8. Compiled into the HeraldMarkdown module
// itself by scripts/fuzz.sh (SwiftPM cannot build libFuzzer targets); not part of the package.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzMarkdown(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = UnsafeBufferPointer(start: data, count: data == nil ? 0 : size)
    let document = MarkdownDocument(parsing: bytes, options: .gfm)
    let html = HTMLRenderer(options: HTMLRenderOptions(headingIDs: true)).renderBytes(document)
    precondition(String(validating: html, as: UTF8.self) != nil, "rendered HTML is not valid UTF-8")
    return 0
}
