public import Foundation
public import HeraldCore

/// Remembers link answers for a day, so that checking the draft again after one edit does not
/// fetch a hundred sites again. Stored as JSON in a cache folder, written atomically.
public struct LinkCache: Sendable {
    private struct Entry: Codable {
        var checkedAt: Double
        var outcome: LinkOutcome
    }

    /// The cache file.
    public let file: URL
    /// How long an answer stays good.
    public let lifetime: Duration
    private var entries: [String: Entry]

    /// Opens the cache in `folder` (created on save); a missing or damaged file is an empty cache.
    public init(folder: URL, lifetime: Duration = .seconds(86_400)) {
        file = folder.appendingPathComponent("links.json")
        self.lifetime = lifetime
        entries =
            (try? Data(contentsOf: file)).flatMap { try? JSONDecoder().decode([String: Entry].self, from: $0) } ?? [:]
    }

    /// The default folder: `$XDG_CACHE_HOME/herald`, or `~/.cache/herald`.
    public static var defaultFolder: URL {
        if let base = ProcessInfo.processInfo.environment["XDG_CACHE_HOME"], !base.isEmpty {
            return URL(fileURLWithPath: base).appendingPathComponent("herald")
        }
        return FileManager.default.homeDirectoryForCurrentUser.appendingPathComponent(".cache/herald")
    }

    /// The remembered outcome for `url`, if it is younger than ``lifetime``.
    public func outcome(for url: String, now: Date = Date()) -> LinkOutcome? {
        guard let entry = entries[url] else { return nil }
        let age = now.timeIntervalSince1970 - entry.checkedAt
        return age >= 0 && age < Double(lifetime.components.seconds) ? entry.outcome : nil
    }

    public mutating func remember(_ outcome: LinkOutcome, for url: String, now: Date = Date()) {
        entries[url] = Entry(checkedAt: now.timeIntervalSince1970, outcome: outcome)
    }

    /// Writes the cache, leaving out answers that have expired.
    public func save(now: Date = Date()) throws(HeraldError) {
        let fresh = entries.filter {
            now.timeIntervalSince1970 - $0.value.checkedAt < Double(lifetime.components.seconds)
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        do {
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try AtomicFile.replace(at: file, contents: encoder.encode(fresh), displayPath: file.path)
        } catch let error as HeraldError {
            throw error
        } catch {
            throw HeraldError(Problem(.unreadable, file: file.path, message: "cannot write the link cache (\(error))"))
        }
    }
}
