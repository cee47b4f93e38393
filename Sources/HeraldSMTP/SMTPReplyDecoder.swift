import NIOCore

/// Cuts the inbound bytes into lines and hands whole replies on; a line may end in CRLF or a bare LF.
struct SMTPReplyDecoder: ByteToMessageDecoder {
    typealias InboundOut = SMTPReply

    private var parser = SMTPReplyParser()

    mutating func decode(context: ChannelHandlerContext, buffer: inout ByteBuffer) throws -> DecodingState {
        guard let newline = buffer.readableBytesView.firstIndex(of: 10) else {
            if buffer.readableBytes > SMTPReplyParser.maximumLineLength {
                throw SMTPError.protocolViolation("a reply line longer than \(SMTPReplyParser.maximumLineLength) bytes")
            }
            return .needMoreData
        }
        guard var line = buffer.readBytes(length: newline - buffer.readerIndex + 1) else { return .needMoreData }
        line.removeLast()
        if line.last == 13 { line.removeLast() }
        if let reply = try parser.consume(line: line) {
            context.fireChannelRead(wrapInboundOut(reply))
        }
        return .continue
    }

    mutating func decodeLast(
        context: ChannelHandlerContext, buffer: inout ByteBuffer, seenEOF: Bool
    ) throws -> DecodingState {
        while try decode(context: context, buffer: &buffer) == .continue {}
        return .needMoreData
    }
}
