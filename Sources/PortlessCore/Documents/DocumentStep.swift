/// One entry of a document's `mainSteps`.
public struct DocumentStep: Sendable, Hashable, Codable {
    public var action: String
    public var name: String
    public var inputs: JSONValue
    public var precondition: JSONValue?

    public init(action: String, name: String, inputs: JSONValue, precondition: JSONValue? = nil) {
        self.action = action
        self.name = name
        self.inputs = inputs
        self.precondition = precondition
    }
}
