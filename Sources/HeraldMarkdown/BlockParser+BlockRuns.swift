extension BlockParser {
    /// The block phase in runs (see ``ParseSplitting``), read and joined: ``readRuns(splitting:)``,
    /// then ``join(_:)``. Returns `false`, having read nothing, when the document is read in one run.
    mutating func readBlocksInRuns(splitting: ParseSplitting) -> Bool {
        guard let runs = readRuns(splitting: splitting) else { return false }
        join(runs)
        return true
    }

    /// The block phase in runs, each read on a thread of its own: the text is cut at places where
    /// reading from a fresh start does what reading on would do, and each run reads its lines into
    /// a tree of its own (the first run into this parser's). Returns the runs' parsers in order, or
    /// `nil`, having read nothing, when the document is too short, has no such place, or a run
    /// ended where its cut was not one after all; the caller then reads it in one run.
    ///
    /// A run starts at an ATX heading in the first column after a blank line. The blank line has
    /// closed every paragraph, block quote, table and HTML block ending at a blank line; the
    /// heading closes every list, item, footnote definition and indented code block still open,
    /// as the end of the text does, and then opens under the document as it would in a fresh one.
    /// Only a fenced code block or an HTML block still open would take the heading as its text:
    /// each run says whether it ended with one open, which only its reading can tell.
    ///
    /// A run's blocks are whole, its lines are numbered as the document's, and its tree reads the
    /// whole source, so its inlines parse as they would in the joined tree: a run is ready to be
    /// written on its own once every run's definitions are known.
    func readRuns(splitting: ParseSplitting) -> [BlockParser]? {
        guard let plan = runPlan(splitting: splitting) else { return nil }
        var runs = [(parser: BlockParser, endsClosed: Bool)?](repeating: nil, count: plan.count)
        nonisolated(unsafe) let parser = self
        runs.withUnsafeMutableBufferPointer { runs in
            nonisolated(unsafe) let runs = runs
            splitting.perform(plan.count) { run in
                runs[run] = parser.readRun(run, of: plan, into: run == 0 ? parser.tree : nil)
            }
        }
        let finished = runs.compactMap { $0 }
        guard finished.count == plan.count, finished.dropLast().allSatisfy(\.endsClosed) else {
            tree.removeAll()
            return nil
        }
        return finished.map(\.parser)
    }

    /// Where the text is cut into runs and how many lines come before each, or `nil` when the
    /// document is too short or has no place to cut. `release` is told of each run's stretch once
    /// its lines are counted (see ``HTMLRenderer/streamHTML(parsingMapped:options:pieceSize:splitting:release:to:)``).
    func runPlan(splitting: ParseSplitting, release: @Sendable (Range<Int>) -> Void = { _ in }) -> RunPlan? {
        let start = textStart
        guard splitting.runs > 1, source.count - start >= splitting.minimumLines else { return nil }
        let starts = BlockParser.runStarts(in: source, from: start, count: splitting.runs)
        guard starts.count > 1 else { return nil }
        let bounds = zip(starts, starts.dropFirst() + [source.count]).map { $0..<$1 }
        nonisolated(unsafe) let source = source
        var lineCounts = [Int](repeating: 0, count: bounds.count)
        lineCounts.withUnsafeMutableBufferPointer { counts in
            nonisolated(unsafe) let counts = counts
            splitting.perform(bounds.count) { run in
                counts[run] = BlockParser.lineCount(of: source, in: bounds[run])
                release(bounds[run])
            }
        }
        guard splitting.splits(lineCount: lineCounts.reduce(0, +)) else { return nil }
        return RunPlan(bounds: bounds, linesBefore: lineCounts.indices.map { lineCounts[..<$0].reduce(0, +) })
    }

    /// Reads the blocks of `run` of `plan` into `target`, or into a tree of its own: its lines are
    /// numbered as the document's, and its tree reads the whole source. Says whether the text
    /// could go on with a fresh start after it (``readBlocks(from:to:)``).
    func readRun(_ run: Int, of plan: RunPlan, into target: SyntaxTree? = nil) -> (
        parser: BlockParser, endsClosed: Bool
    ) {
        let bounds = plan.bounds[run]
        let runTree = target ?? SyntaxTree(extensions: tree.extensions, sourceSize: bounds.count)
        if runTree !== tree { runTree.lendSource(tree.source) }
        // A later run reads its own stretch of the text from offset 0, as a fresh document; the
        // first reads the whole text from its start (after a byte-order mark).
        let bytes = run == 0 ? source : UnsafeBufferPointer(rebasing: source[bounds])
        var parser = BlockParser(tree: runTree, bytes: bytes)
        parser.lineNumber = plan.linesBefore[run]
        let range = run == 0 ? bounds : 0..<bounds.count
        let endsClosed = parser.readBlocks(from: range.lowerBound, to: range.upperBound)
        return (parser, endsClosed)
    }

    /// The first reading of a streamed document's runs, on every core (see
    /// ``HTMLRenderer/streamHTML(parsingMapped:options:pieceSize:splitting:release:to:)``): every
    /// run's definitions, all together (the first of a label wins), and each run's parser, ready
    /// for its inlines, for the first `kept` runs (`nil` for the others): a later run's tree is
    /// let go as soon as it is read, to be read again in its turn. Each run's stretch is released once read. Returns `nil` when
    /// the runs cannot be written apart: one holds bytes that need repair or a footnote
    /// definition, or ends inside a fenced code block or HTML block.
    func readRunsForStreaming(
        in plan: RunPlan, keeping kept: Int, splitting: ParseSplitting, release: @Sendable (Range<Int>) -> Void
    ) -> (references: LinkReferenceMap, kept: [BlockParser?])? {
        var outcomes = [(references: LinkReferenceMap, parser: BlockParser?)?](repeating: nil, count: plan.count)
        nonisolated(unsafe) let reader = self
        outcomes.withUnsafeMutableBufferPointer { outcomes in
            nonisolated(unsafe) let outcomes = outcomes
            splitting.perform(plan.count) { run in
                defer { release(plan.bounds[run]) }
                guard !SourceText.needsRepair(UnsafeBufferPointer(rebasing: reader.source[plan.bounds[run]])) else {
                    return
                }
                let (parser, endsClosed) = reader.readRun(run, of: plan)
                guard endsClosed || run == plan.count - 1, !parser.hasFootnoteDefinitions else { return }
                outcomes[run] = (parser.references, run < kept ? parser : nil)
            }
        }
        let read = outcomes.compactMap { $0 }
        guard read.count == plan.count else { return nil }
        var references = read[0].references
        for outcome in read.dropFirst() { references.add(outcome.references) }
        return (references, read.map(\.parser))
    }

    /// Joins `runs` (``readRuns(splitting:)``'s, this parser's first) in order into one tree and one
    /// parser: node for node the tree one run makes.
    mutating func join(_ runs: [BlockParser]) {
        self = runs[0]
        for run in runs.dropFirst() { append(run) }
        tree.setRangeEnd(SourceLocation(line: max(lineNumber, 1), column: max(lineEnd - lineStart, 1)), of: 0)
    }

    /// Whether the parser has read a footnote definition.
    var hasFootnoteDefinitions: Bool { !footnoteLabels.isEmpty }

    /// Reads the lines from `start` to `end` into a new document node, closes every block, and
    /// says whether the text could go on with a fresh start: whether no fenced code block or HTML
    /// block was left open by its last line.
    mutating func readBlocks(from start: Int, to end: Int) -> Bool {
        // Newsletters have a leaf per 55 bytes or so: room reserved for one per 32 (pages reserved
        // but never written cost nothing) spares copying the list as it grows, each copy into
        // fresh pages.
        pendingInlines.reserveCapacity(pendingInlines.count + (end - start) / 32)
        let document = makeNode(.document, line: 1, column: 1)
        stack.append(OpenBlock(node: document, role: .document))
        var start = start
        while start < end {
            let lineBreak = WordScan.firstLineBreak(in: source, from: start)
            processLine(from: start, to: lineBreak)
            start = BlockParser.nextLineStart(in: source, after: lineBreak)
        }
        let endsClosed = !stack.contains { $0.role == .fencedCode || $0.role == .htmlBlock }
        while stack.count > 1 { closeInnermost() }
        close(stack[0])
        tree.setRangeEnd(SourceLocation(line: max(lineNumber, 1), column: max(lineEnd - lineStart, 1)), of: document)
        return endsClosed
    }

    /// Adds the blocks `next` read from the text after this parser's, its document node standing
    /// in for this one's: its nodes and text join the tree, its leaves wait for the inline phase
    /// after these, and its definitions count where this document has none of the same label.
    private mutating func append(_ next: BlockParser) {
        let shift = NodeIndex(tree.nodes.count) - 1
        tree.join(next.tree, standingInFor: [0])
        pendingInlines.reserveCapacity(pendingInlines.count + next.pendingInlines.count)
        for leaf in next.pendingInlines {
            pendingInlines.append(PendingLeaf(node: leaf.node + shift, input: leaf.input))
        }
        references.add(next.references)
        footnoteLabels.formUnion(next.footnoteLabels)
        lineNumber = next.lineNumber
        lineStart = next.lineStart
        lineEnd = next.lineEnd
    }

    /// Where the runs start: `start`, then, for each further share of the text, the first place
    /// at or after it where a run may start (see ``readBlocksInRuns(from:splitting:)``).
    static func runStarts(in source: UnsafeBufferPointer<UInt8>, from start: Int, count: Int) -> [Int] {
        var starts = [start]
        for share in 1..<count {
            let target = max(start + (source.count - start) * share / count, starts[starts.count - 1] + 1)
            guard let cut = firstRunStart(in: source, from: target) else { break }
            starts.append(cut)
        }
        return starts
    }

    /// The first line start at or after `position` that begins an ATX heading in the first column
    /// and follows a blank line, or `nil`.
    private static func firstRunStart(in bytes: UnsafeBufferPointer<UInt8>, from position: Int) -> Int? {
        guard position < bytes.count else { return nil }
        let startsLine =
            position == 0 || bytes[position - 1] == ASCII.newline
            || (bytes[position - 1] == ASCII.carriageReturn && bytes[position] != ASCII.newline)
        var lineStart =
            startsLine
            ? position : nextLineStart(in: bytes, after: WordScan.firstLineBreak(in: bytes, from: position))
        while lineStart < bytes.count {
            if bytes[lineStart] == ASCII.hash, opensHeading(bytes, at: lineStart),
                followsBlankLine(bytes, at: lineStart)
            {
                return lineStart
            }
            lineStart = nextLineStart(in: bytes, after: WordScan.firstLineBreak(in: bytes, from: lineStart))
        }
        return nil
    }

    /// Whether one to six `#` at `start` are followed by a space, a tab or the line's end.
    private static func opensHeading(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
        var index = start
        while index < bytes.count && bytes[index] == ASCII.hash && index - start < 7 { index += 1 }
        guard index - start <= 6 else { return false }
        return index == bytes.count || ASCII.isSpaceOrTab(bytes[index]) || isLineBreak(bytes[index])
    }

    /// Whether the line before the one starting at `lineStart` holds nothing but spaces and tabs.
    private static func followsBlankLine(_ bytes: UnsafeBufferPointer<UInt8>, at lineStart: Int) -> Bool {
        var index = lineStart - 1
        if index > 0 && bytes[index] == ASCII.newline && bytes[index - 1] == ASCII.carriageReturn { index -= 1 }
        index -= 1
        while index >= 0 && ASCII.isSpaceOrTab(bytes[index]) { index -= 1 }
        return index < 0 || isLineBreak(bytes[index])
    }

    private static func isLineBreak(_ byte: UInt8) -> Bool {
        byte == ASCII.newline || byte == ASCII.carriageReturn
    }

    /// The start of the line after the line break at `lineBreak` (CR, LF or CR LF), or the text's
    /// end: the one rule by which the serial reading and the runs count lines.
    static func nextLineStart(in bytes: UnsafeBufferPointer<UInt8>, after lineBreak: Int) -> Int {
        let count = bytes.count
        if lineBreak + 1 < count && bytes[lineBreak] == ASCII.carriageReturn && bytes[lineBreak + 1] == ASCII.newline {
            return lineBreak + 2
        }
        return min(lineBreak + 1, count)
    }

    /// How many lines start in `range`, which starts at a line's start.
    private static func lineCount(of bytes: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> Int {
        var count = 0
        var start = range.lowerBound
        while start < range.upperBound {
            count += 1
            start = nextLineStart(in: bytes, after: WordScan.firstLineBreak(in: bytes, from: start))
        }
        return count
    }
}
