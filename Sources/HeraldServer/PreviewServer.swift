import Foundation
public import HeraldCore
import Hummingbird
import Logging

/// `herald serve`: builds the newsletter with its drafts, serves the site over HTTP, rebuilds
/// when a file is saved and makes every open page reload.
///
/// The pieces: ``LiveSite`` builds, ``SiteWatcher`` notices changes, ``ReloadChannel`` tells
/// pages, ``PreviewResponder`` answers requests (only those whose `Host` ``AllowedHosts`` lists).
/// A failed build keeps the server running: the last good site stays, under an overlay naming
/// the problems.
public struct PreviewServer: Sendable {
    public let options: PreviewOptions

    public init(options: PreviewOptions) {
        self.options = options
    }

    /// Serves until the task is cancelled; then closes the event streams so open pages do not
    /// hold the shutdown up.
    ///
    /// - Parameter report: called when the server is ready and after each rebuild.
    /// - Throws: ``HeraldError`` with ``ProblemCode/cannotListen`` when the address cannot be
    ///   listened on, such as a port already in use.
    public func run(report: @escaping @Sendable (PreviewEvent) async -> Void) async throws(HeraldError) {
        do {
            try await serve(report: report)
        } catch {
            throw HeraldError(
                Problem(
                    .cannotListen, message: "cannot serve on \(options.host):\(options.port): \(error)",
                    fix: "pass --port with another port (0 picks a free one), or stop what is using it"))
        }
    }

    private func serve(report: @escaping @Sendable (PreviewEvent) async -> Void) async throws {
        let options = options
        let liveSite = LiveSite(options: options)
        let channel = ReloadChannel()
        let (ports, portContinuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "herald.serve")
        // Hummingbird logs a stop by cancellation as an error; the preview reports its own failures.
        logger.logLevel = .critical
        let application = Application(
            responder: PreviewResponder(
                site: SiteDirectory(root: options.output), liveSite: liveSite, channel: channel,
                hosts: AllowedHosts(listeningOn: options.host)),
            configuration: ApplicationConfiguration(address: .hostname(options.host, port: options.port)),
            onServerRunning: { serverChannel in
                portContinuation.yield(serverChannel.localAddress?.port ?? options.port)
                portContinuation.finish()
            },
            logger: logger)
        try await withTaskCancellationHandler {
            try await withThrowingTaskGroup(of: Void.self) { group in
                group.addTask { try await application.run() }
                group.addTask {
                    var iterator = ports.makeAsyncIterator()
                    guard let port = await iterator.next() else { return }
                    let hostInURL = options.host.contains(":") ? "[\(options.host)]" : options.host
                    let baseURL = "http://\(hostInURL):\(port)"
                    let watcher = SiteWatcher.watching(options.folder)
                    let baseline = watcher.snapshot()
                    let first = await liveSite.rebuild(baseURL: baseURL)
                    await report(
                        .ready(url: baseURL, currentDraft: await liveSite.currentDraftPath(), firstBuild: first))
                    await watcher.watch(from: baseline, every: options.pollInterval, settle: options.settleDelay) {
                        let start = ContinuousClock.now
                        let outcome = await liveSite.rebuild(baseURL: baseURL)
                        await channel.announceRebuild()
                        await report(.rebuilt(outcome, duration: ContinuousClock.now - start))
                    }
                }
                try await group.next()
                group.cancelAll()
            }
        } onCancel: {
            Task { await channel.close() }
        }
    }
}
