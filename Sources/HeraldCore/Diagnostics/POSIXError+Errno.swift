package import Foundation

extension POSIXError {
    /// The error the last failed system call left in `errno`, to be thrown: the one reading of it
    /// for every file call (`EIO` for a number Foundation does not name).
    package static var fromErrno: POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
}
