import Dispatch

/// Frees a large value on another thread, so that the work after it need not wait.
///
/// A 50 MB issue's syntax tree and model are millions of small allocations: freeing them when
/// `herald check` let go of its checked files took a tenth of its time on one core while the
/// other sat idle, and the report waited. Handed here, the value is freed beside the work that
/// follows, or not at all when the process ends first.
package enum BackgroundRelease {
    /// Frees `value` on a background thread. The caller keeps no reference that outlives the
    /// call, or its last release would free the value where it stands.
    package static func release<Value: Sendable>(_ value: consuming Value) {
        let holder = Holder(value)
        DispatchQueue.global(qos: .utility).async { holder.empty() }
    }

    /// Holds the value until the background thread drops it: whichever of the caller and the
    /// thread lets go of the holder last, the value itself is freed by the thread.
    private final class Holder<Value: Sendable>: @unchecked Sendable {
        private var value: Value?

        init(_ value: consuming Value) {
            self.value = value
        }

        /// Touched only by the background thread, once.
        func empty() {
            value = nil
        }
    }
}
