/// One question for the evaluator: may the caller do `action` on each of `resources`?
struct AccessCheck: Sendable {
    /// `service:Action`, as IAM policies name it.
    var action: String
    var resources: [ResourceRef]
    var facts: CallFacts

    init(_ action: String, _ resources: [ResourceRef] = [.any], facts: CallFacts = CallFacts()) {
        self.action = action
        self.resources = resources
        self.facts = facts
    }
}
