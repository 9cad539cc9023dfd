import Testing

/// Pins the code, HTTP status and message text of every error row, through the real router
/// (`buildApplication` with HummingbirdTesting), against a fresh server per row.
@Suite struct ErrorTextTests {
    @Test(arguments: ErrorRow.all)
    func errorText(row: ErrorRow) async throws {
        let reply = try await TestPortless.withClient { client in ErrorReply(try await row.request(client)) }
        #expect(reply.code == row.code, "\(reply)")
        #expect(reply.status == row.status, "\(reply)")
        #expect(try row.matches(reply.message), "\(reply) — source: \(row.source)")
    }
}
