import Foundation
@testable import PortlessCore
import Testing

// `{{ name }}` substitution as SSM does it: a whole-string reference becomes the value itself
// (a StringList stays a list and expands inside lists), a reference inside a longer string
// inserts the text, unknown references are left alone, and values are never scanned again.

@Suite("Interpolator")
struct InterpolatorTests {
    private let values: [String: JSONValue] = [
        "commands": .array([.string("echo one"), .string("echo two")]),
        "dir": .string("/srv/app"),
        "empty": .array([]),
    ]

    @Test func wholeStringListReferenceBecomesAList() {
        #expect(Interpolator.interpolate(.string("{{ commands }}"), with: values)
            == .array([.string("echo one"), .string("echo two")]))
        #expect(Interpolator.interpolate(.string("{{commands}}"), with: values)
            == .array([.string("echo one"), .string("echo two")]))
    }

    @Test func listReferenceExpandsInsideArrays() {
        let input: JSONValue = .array([.string("set -e"), .string("{{ commands }}"), .string("echo done")])
        #expect(Interpolator.interpolate(input, with: values) == .array([
            .string("set -e"), .string("echo one"), .string("echo two"), .string("echo done"),
        ]))
    }

    @Test func emptyListExpandsToNothing() {
        let input: JSONValue = .array([.string("a"), .string("{{ empty }}"), .string("b")])
        #expect(Interpolator.interpolate(input, with: values) == .array([.string("a"), .string("b")]))
    }

    @Test func runCommandInsideInputsExpands() {
        let inputs: JSONValue = .object([
            "runCommand": .array([.string("{{ commands }}")]),
            "workingDirectory": .string("{{ dir }}"),
            "timeoutSeconds": .number(60),
            "flag": .bool(true),
            "none": .null,
        ])
        #expect(Interpolator.interpolate(inputs, with: values) == .object([
            "runCommand": .array([.string("echo one"), .string("echo two")]),
            "workingDirectory": .string("/srv/app"),
            "timeoutSeconds": .number(60),
            "flag": .bool(true),
            "none": .null,
        ]))
    }

    @Test func nestedArraysAreNotFlattenedIntoTheirParent() {
        let input: JSONValue = .array([.array([.string("{{ commands }}")]), .string("x")])
        #expect(Interpolator.interpolate(input, with: values) == .array([
            .array([.string("echo one"), .string("echo two")]), .string("x"),
        ]))
    }

    @Test func referenceInsideLongerStringInsertsText() {
        #expect(Interpolator.interpolate(.string("cd {{ dir }} && ls"), with: values) == .string("cd /srv/app && ls"))
        #expect(Interpolator.interpolate(.string(" {{ dir }}"), with: values) == .string(" /srv/app"))
        #expect(Interpolator.interpolate(.string("{{ dir }}/bin"), with: values) == .string("/srv/app/bin"))
    }

    @Test func severalReferencesInOneString() {
        #expect(Interpolator.interpolate(.string("{{ dir }}{{dir}}"), with: values) == .string("/srv/app/srv/app"))
        #expect(Interpolator.interpolate(.string("a {{ dir }} b {{ dir }} c"), with: values)
            == .string("a /srv/app b /srv/app c"))
    }

    @Test func stringParameterStaysAString() {
        #expect(Interpolator.interpolate(.string("{{ dir }}"), with: values) == .string("/srv/app"))
        // A whole-string reference to a String inside a list is one item, not expanded further.
        #expect(Interpolator.interpolate(.array([.string("{{ dir }}")]), with: values) == .array([.string("/srv/app")]))
    }

    @Test func unknownReferencesAreLeftAsIs() {
        for text in ["{{ nope }}", "echo {{ nope }}", "{{ nope }} {{ dir }}", "{{ssm:/app/key}}", "{{ }}", "{{ a b }}", "{{ dir"] {
            let expected = text.replacingOccurrences(of: "{{ dir }}", with: "/srv/app")
            #expect(Interpolator.interpolate(.string(text), with: values) == .string(expected), "\(text)")
        }
    }

    @Test func valuesAreSplicedRaw() {
        let raw: [String: JSONValue] = ["p": .string("x; rm -rf / #\"'$(id)")]
        #expect(Interpolator.interpolate(.string("echo {{ p }}"), with: raw) == .string("echo x; rm -rf / #\"'$(id)"))
    }

    @Test func noRecursiveSubstitution() {
        let tricky: [String: JSONValue] = [
            "a": .string("{{ b }}"),
            "b": .string("SECRET"),
            "list": .array([.string("{{ b }}"), .string("echo {{ b }}")]),
        ]
        #expect(Interpolator.interpolate(.string("{{ a }}"), with: tricky) == .string("{{ b }}"))
        #expect(Interpolator.interpolate(.string("x {{ a }} y"), with: tricky) == .string("x {{ b }} y"))
        #expect(Interpolator.interpolate(.string("{{ a }}{{ b }}"), with: tricky) == .string("{{ b }}SECRET"))
        #expect(Interpolator.interpolate(.array([.string("{{ list }}")]), with: tricky)
            == .array([.string("{{ b }}"), .string("echo {{ b }}")]))
    }

    @Test func plannedDocumentDoesNotRecurse() throws {
        let document = try DocumentValidator.validate(BuiltinDocuments.runShellScriptContent, format: .json).document
        let plan = try CommandPlanner.plan(document, parameters: [
            "commands": ["echo {{ workingDirectory }}", "{{ executionTimeout }}"],
            "workingDirectory": ["{{ commands }}"],
        ])
        let step = try #require(plan.steps.first)
        #expect(step.inputs["runCommand"] == .array([.string("echo {{ workingDirectory }}"), .string("{{ executionTimeout }}")]))
        #expect(step.inputs["workingDirectory"] == .string("{{ commands }}"))
    }
}
