public import HeraldCore

extension ProblemCode {
    /// The preview server cannot listen on the address it was given (in use, not local, refused).
    public static let cannotListen = ProblemCode(rawValue: "cannot-listen")
}
