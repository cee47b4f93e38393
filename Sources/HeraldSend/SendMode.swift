/// How `herald send` treats the earlier sends.
public enum SendMode: Sendable {
    /// A first send: refused when the issue was sent, or a send of it is unfinished.
    case first
    /// Goes on with the unfinished send: only recipients not yet accepted get the message.
    case resume
    /// Sends a finished issue once more, to everyone subscribed now.
    case again
}
