/// An error with a stable, AWS-shaped code, a message for people and the field at fault.
///
/// Core raises these; the server maps them to HTTP statuses and wire shapes. Where AWS has its own
/// text for an error, the error carries it word for word (``init(aws:_:field:)``) and it is sent as
/// is; otherwise the message is Portless's and the wire message names the field (``wireMessage``).
public struct PortlessError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The AWS error code, e.g. `InvalidParameters`, sent as `__type`.
    public var code: Code
    /// A message naming what is wrong.
    public var message: String
    /// The request field at fault, if one is.
    public var field: String?
    /// Whether `message` is AWS's own text for this error, which scripts compare whole.
    public var isAWSText: Bool

    /// An error in Portless's wording (AWS has no text for it); the wire message names `field`.
    public init(_ code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.isAWSText = false
    }

    /// An error with AWS's text, sent word for word.
    public init(aws code: Code, _ message: String, field: String? = nil) {
        self.code = code
        self.message = message
        self.field = field
        self.isAWSText = true
    }

    /// The message as sent: AWS's text unchanged; Portless's wording with ` (field: X)` added when it
    /// does not already name the field.
    public var wireMessage: String {
        guard !isAWSText, let field, !message.contains(field) else { return message }
        return message + " (field: \(field))"
    }

    public var description: String { "\(code.rawValue): \(message)" }

    /// A stable error code. New codes can be added without breaking callers.
    public struct Code: Sendable, Hashable, CustomStringConvertible {
        public let rawValue: String
        /// The HTTP status this code is sent with.
        public let httpStatus: Int

        public init(_ rawValue: String, httpStatus: Int = 400) {
            self.rawValue = rawValue
            self.httpStatus = httpStatus
        }

        public var description: String { rawValue }
    }
}

extension PortlessError.Code {
    // Authentication (SigV4), as JSON 1.1 services send it: HTTP 400 for all four (SDK logs quoting
    // `status code: 400` for UnrecognizedClientException from SSM, InvalidSignatureException from
    // Kinesis/DynamoDB/Rekognition, IncompleteSignatureException from Cloud9; dynalite's recordings of
    // DynamoDB for MissingAuthenticationTokenException). The Query protocol's names are in `+Identity`.
    public static let missingAuthenticationToken = Self("MissingAuthenticationTokenException", httpStatus: 400)
    public static let incompleteSignature = Self("IncompleteSignatureException", httpStatus: 400)
    public static let invalidSignature = Self("InvalidSignatureException", httpStatus: 400)
    public static let signatureDoesNotMatch = Self("SignatureDoesNotMatch", httpStatus: 403)
    public static let unrecognizedClient = Self("UnrecognizedClientException", httpStatus: 400)
    public static let invalidClientTokenId = Self("InvalidClientTokenId", httpStatus: 403)
    // JSON 1.1 services send AccessDeniedException with 400, their models give it no other status.
    public static let accessDenied = Self("AccessDeniedException", httpStatus: 400)

    // Request shape.
    public static let serialization = Self("SerializationException")
    public static let validation = Self("ValidationException")
    public static let unknownOperation = Self("UnknownOperationException")
    public static let requestTooLarge = Self("RequestEntityTooLargeException", httpStatus: 413)
    public static let internalServerError = Self("InternalServerError", httpStatus: 500)

    // SSM.
    public static let invalidParameters = Self("InvalidParameters")
    public static let invalidInstanceId = Self("InvalidInstanceId")
    public static let invalidResourceId = Self("InvalidResourceId")
    public static let invalidResourceType = Self("InvalidResourceType")
    public static let invalidTarget = Self("InvalidTarget")
    public static let invalidCommandId = Self("InvalidCommandId")
    public static let invalidDocument = Self("InvalidDocument")
    public static let invalidDocumentVersion = Self("InvalidDocumentVersion")
    public static let invalidFilterKey = Self("InvalidFilterKey")
    public static let invalidFilter = Self("InvalidFilter")
    public static let invalidFilterValue = Self("InvalidFilterValue")
    public static let invalidNextToken = Self("InvalidNextToken")
    public static let invalidActivation = Self("InvalidActivation")
    public static let invalidActivationId = Self("InvalidActivationId")
    public static let invocationDoesNotExist = Self("InvocationDoesNotExist")
    public static let duplicateInstanceId = Self("DuplicateInstanceId")
    public static let tooManyTagsError = Self("TooManyTagsError")
    public static let invalidPluginName = Self("InvalidPluginName")
}
