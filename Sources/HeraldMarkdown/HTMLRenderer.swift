/// Writes a ``MarkdownDocument`` as HTML, byte for byte as the CommonMark reference renderer does
/// (raw HTML passes through; the tag filter extension neutralises the dangerous tags).
public struct HTMLRenderer: Sendable {
    public var options: HTMLRenderOptions

    public init(options: HTMLRenderOptions = HTMLRenderOptions()) {
        self.options = options
    }

    /// The HTML of a whole document.
    public func render(_ document: MarkdownDocument) -> String {
        renderedHTML(of: document).withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML of one node and its subtree (a section, a list item, a paragraph…).
    public func render(_ node: MarkdownNode) -> String {
        var writer = HTMLWriter(tree: node.tree, options: options)
        writer.write(node.index)
        return writer.output.withBytes { String(decoding: $0, as: UTF8.self) }
    }

    /// The HTML of a whole document as UTF-8 bytes, without building a `String`.
    public func renderBytes(_ document: MarkdownDocument) -> [UInt8] {
        renderedHTML(of: document).withBytes { Array($0) }
    }

    /// The HTML of a whole document in the writer's own buffer, for a caller that edits it in
    /// place and copies it once into its final form (the site's page bodies).
    package func renderedHTML(of document: MarkdownDocument) -> RenderedHTML {
        var writer = HTMLWriter(tree: document.tree, options: options)
        writer.output.reserveCapacity(document.tree.textByteCount + document.tree.textByteCount / 2 + 64)
        writer.write(0)
        return RenderedHTML(writer.output)
    }

    /// Renders Markdown bytes to HTML in pieces of about `pieceSize` bytes, handed to `write` in
    /// order; together they are `renderBytes(MarkdownDocument(parsing: bytes, options: parseOptions))`.
    ///
    /// For a large input whose tree nobody needs (`herald markdown`): each top-level block is written
    /// as soon as its inlines are parsed and then forgotten, so neither the whole inline tree nor the
    /// whole HTML is ever held (``BlockParser/parseInlines(visitingTopLevelBlocks:)``).
    public func streamHTML(
        parsing bytes: [UInt8], options parseOptions: ParseOptions, pieceSize: Int = 1 << 16,
        to write: ([UInt8]) throws -> Void
    ) rethrows {
        try SourceText.withCleanBytes(of: bytes) { bytes, _ in
            let tree = SyntaxTree(extensions: parseOptions.extensions, sourceSize: bytes.count)
            tree.lendSource(bytes)
            var parser = BlockParser(tree: tree, bytes: bytes)
            parser.parseBlocks()
            try streamHTML(inlinesOf: &parser, pieceSize: pieceSize) { try write(Array($0)) }
        }
    }

    /// ``streamHTML(parsing:options:pieceSize:to:)`` on several threads when `splitting` allows
    /// and the document is that long, each piece handed on where the writer keeps it. The blocks
    /// are read in runs (``BlockParser/readRuns(splitting:)``); once every run is read (a link may
    /// use a definition in a later one), each run's inlines are parsed and written on a thread of
    /// its own, the first run's handed on as they are made and a later run's once the runs
    /// before it are. The pieces add up to the same HTML.
    ///
    /// A document with footnote definitions, or rendered with generated heading ids, has its runs
    /// joined and its inlines parsed and written in one thread: note numbers and ids follow the
    /// order they are met in, across runs.
    ///
    /// - Returns: what the parse leaves behind, for the caller to free off its own path.
    @discardableResult
    package func streamHTML(
        parsing bytes: [UInt8], options parseOptions: ParseOptions, pieceSize: Int = 1 << 16,
        splitting: ParseSplitting, to write: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> ParseRemains {
        SourceText.withCleanBytes(of: bytes) { bytes, _ in
            streamHTML(
                parsingClean: bytes, options: parseOptions, pieceSize: pieceSize, splitting: splitting, to: write)
        }
    }

    /// ``streamHTML(parsing:options:pieceSize:splitting:to:)`` for bytes that need not be in memory
    /// all at once: a file mapped into memory, its pages read as they are touched and dropped
    /// again when the caller is told to `release` a stretch (which may be touched again after).
    ///
    /// A long document's runs are read on every core first for their definitions, each run's
    /// pages released as soon as it is read and its blocks let go unless it is one of the first
    /// ``ParseSplitting/keptRuns``; then run by run its inlines are parsed and written (a run not
    /// kept read again first), and its pages released once its HTML is made. So only the kept
    /// runs' blocks and the runs in hand are in memory, where the other overload holds every run's
    /// blocks, and its caller the whole text, until the last run is written: on the 10 MB archive,
    /// with a quarter of the runs kept, 42.3 → 24.9 MB in 1.07× the time. A document that cannot be
    /// written so (footnote definitions, generated heading ids, a run that ends in an open fence,
    /// bytes that need repair) is read as the other overload reads it.
    ///
    /// - Returns: what the parse leaves behind, for the caller to free off its own path.
    @discardableResult
    package func streamHTML(
        parsingMapped bytes: UnsafeBufferPointer<UInt8>, options parseOptions: ParseOptions,
        pieceSize: Int = 1 << 16, splitting: ParseSplitting, release: @Sendable (Range<Int>) -> Void,
        to write: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> ParseRemains {
        // The document read as the other overload reads it, its blocks in runs or not.
        func readWhole(inRuns readsInRuns: Bool) -> ParseRemains {
            SourceText.withCleanBytes(of: bytes) { bytes in
                streamHTML(
                    parsingClean: bytes, options: parseOptions, pieceSize: pieceSize, splitting: splitting,
                    readsInRuns: readsInRuns, to: write)
            }
        }
        let tree = SyntaxTree(extensions: parseOptions.extensions)
        tree.lendSource(bytes)
        let parser = BlockParser(tree: tree, bytes: bytes)
        // With generated heading ids the blocks may still be read in runs; a document too short
        // to cut is read in one run, its lines not counted again.
        guard !options.headingIDs, let plan = parser.runPlan(splitting: splitting, release: release) else {
            return readWhole(inRuns: options.headingIDs)
        }
        guard
            var first = parser.readRunsForStreaming(
                in: plan, keeping: splitting.keptRuns, splitting: splitting, release: release)
        else { return readWhole(inRuns: true) }
        let references = first.references
        nonisolated(unsafe) let reader = parser
        // Each kept parser is moved out of its place, never copied: a copy would share its list of
        // pending leaves, which the parse would then copy whole.
        first.kept.withUnsafeMutableBufferPointer { kept in
            nonisolated(unsafe) let kept = kept
            streamHTML(
                runs: plan.count, splitting: splitting, pieceSize: pieceSize,
                reading: { run in
                    var keptParser: BlockParser?
                    swap(&keptParser, &kept[run])
                    var parser = keptParser ?? reader.readRun(run, of: plan).parser
                    parser.references = references
                    return parser
                },
                done: { run, _ in release(plan.bounds[run]) }, to: write)
        }
        return ParseRemains(parsers: [])
    }

    /// ``streamHTML(parsing:options:pieceSize:splitting:to:)`` on bytes already clean; its blocks
    /// read in one run, without looking for places to cut, when `readsInRuns` is false.
    private func streamHTML(
        parsingClean bytes: UnsafeBufferPointer<UInt8>, options parseOptions: ParseOptions, pieceSize: Int,
        splitting: ParseSplitting, readsInRuns: Bool = true, to write: (UnsafeBufferPointer<UInt8>) -> Void
    ) -> ParseRemains {
        let tree = SyntaxTree(extensions: parseOptions.extensions, sourceSize: bytes.count)
        tree.lendSource(bytes)
        var parser = BlockParser(tree: tree, bytes: bytes)
        if readsInRuns, var runs = parser.readRuns(splitting: splitting) {
            guard options.headingIDs || runs.contains(where: \.hasFootnoteDefinitions) else {
                streamHTML(ofRuns: &runs, splitting: splitting, pieceSize: pieceSize, to: write)
                return ParseRemains(parsers: [parser] + runs)
            }
            parser.join(runs)
        } else {
            parser.parseBlocks()
        }
        streamHTML(inlinesOf: &parser, pieceSize: pieceSize, to: write)
        return ParseRemains(parsers: [parser])
    }

    /// Parses the inlines of the blocks `parser` has read and writes the HTML in pieces of about
    /// `pieceSize` bytes (``BlockParser/parseInlines(visitingTopLevelBlocks:)``).
    private func streamHTML(
        inlinesOf parser: inout BlockParser, pieceSize: Int, to write: (UnsafeBufferPointer<UInt8>) throws -> Void
    ) rethrows {
        // Made once the blocks are read: it reserves the ids that headings' `{#id}` chose.
        var writer = HTMLWriter(tree: parser.tree, options: options)
        writer.output.reserveCapacity(pieceSize + pieceSize / 2)
        let footnotes = try parser.parseInlines { block in
            writer.write(block)
            if writer.output.count >= pieceSize { try writer.takeOutput(write) }
        }
        for definition in footnotes { writer.write(definition) }
        writer.closeFootnotes()
        try writer.takeOutput(write)
    }

    /// Parses and writes each of `runs` on a thread of its own, every run with the definitions of
    /// all (``streamHTML(runs:splitting:pieceSize:reading:done:to:)``), and leaves them in place.
    /// Only for runs without footnote definitions.
    private func streamHTML(
        ofRuns runs: inout [BlockParser], splitting: ParseSplitting, pieceSize: Int,
        to write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        let references = runs.dropFirst().reduce(into: runs[0].references) { $0.add($1.references) }
        runs.withUnsafeMutableBufferPointer { runs in
            // Each run is moved out of its place and back, never copied: a copy would share the
            // run's list of pending leaves, which the first change on each thread would then copy
            // whole.
            nonisolated(unsafe) let runs = runs
            streamHTML(
                runs: runs.count, splitting: splitting, pieceSize: pieceSize,
                reading: { run in
                    var parser = (runs.baseAddress! + run).move()
                    parser.references = references
                    return parser
                },
                done: { run, parser in (runs.baseAddress! + run).initialize(to: parser) }, to: write)
        }
    }

    /// Parses and writes `count` runs, each read by `read` on a thread of its own and handed to
    /// `done` once its HTML is made: a run's HTML is handed on in pieces as it is made once the
    /// runs before it are written (the first run's from the start), and until then kept, then
    /// handed on as soon as they are (``ParseSplitting/performInOrder``) and its buffer let go:
    /// only the runs still waiting on an earlier one hold their HTML.
    private func streamHTML(
        runs count: Int, splitting: ParseSplitting, pieceSize: Int,
        reading read: @Sendable (Int) -> BlockParser, done: @Sendable (Int, consuming BlockParser) -> Void,
        to write: (UnsafeBufferPointer<UInt8>) -> Void
    ) {
        var writers = [HTMLWriter?](repeating: nil, count: count)
        // The last byte handed on so far, for the newline between runs; only `finish` reads and
        // moves it, one index at a time.
        var lastByte: UInt8?
        withoutActuallyEscaping(write) { write in
            writers.withUnsafeMutableBufferPointer { writers in
                withUnsafeMutablePointer(to: &lastByte) { lastByte in
                    nonisolated(unsafe) let writers = writers
                    nonisolated(unsafe) let lastByte = lastByte
                    nonisolated(unsafe) let write = write
                    splitting.performInOrder(count) { index, earlierAreFinished in
                        var parser = read(index)
                        var writer = HTMLWriter(tree: parser.tree, options: options)
                        // Whether the runs before are written, so that this one's HTML goes
                        // straight out: from then on, until this run is finished, no other
                        // thread hands anything on or touches `lastByte`.
                        var handsOn = index == 0
                        if handsOn {
                            writer.output.reserveCapacity(pieceSize + pieceSize / 2)
                        } else {
                            writer.followUnseenOutput()
                            writer.output.reserveCapacity(parser.source.count + parser.source.count / 2)
                        }
                        _ = parser.parseInlines { block in
                            writer.write(block)
                            guard writer.output.count >= pieceSize else { return }
                            if !handsOn { handsOn = earlierAreFinished() }
                            if handsOn { writer.takeOutput(after: &lastByte.pointee, write) }
                        }
                        writers[index] = writer
                        done(index, parser)
                    } _: { index in
                        writers[index]?.takeOutput(after: &lastByte.pointee, write)
                        writers[index] = nil
                    }
                }
            }
        }
    }
}
