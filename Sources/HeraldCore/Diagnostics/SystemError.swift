#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What the system calls an error number (`strerror`): the one way a message names the reason a
/// system call failed, as in `cannot lock the folder (Permission denied)`.
package enum SystemError {
    package static func description(of code: Int32) -> String {
        String(cString: strerror(code))
    }
}
