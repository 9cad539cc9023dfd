public import Crypto

/// Checks an audit log and its digests, and names each record changed, removed, reordered or inserted
/// and each digest missing or forged.
///
/// Each sequence number is given to the entry that fits the chain best (intact, and linked to the entry
/// before); any other entry with that number was inserted. A missing number is a removed record; an
/// intact entry that does not link to its predecessor means the predecessor was rewritten. Digests must
/// be numbered without gaps, signed by the published key, chained to each other, and still match the
/// entries they sealed. Entries after the last digest are not yet sealed and are checked only as a chain.
public struct AuditVerifier: Sendable {
    /// One line of the log as read: where it is, and the entry if the line is one.
    public struct Line: Sendable {
        public var location: String
        public var entry: AuditEntry?

        public init(location: String, entry: AuditEntry?) {
            self.location = location
            self.entry = entry
        }
    }

    /// One digest file as read.
    public struct DigestFile: Sendable {
        public var name: String
        public var digest: AuditDigest?

        public init(name: String, digest: AuditDigest?) {
            self.name = name
            self.digest = digest
        }
    }

    public let publicKey: Curve25519.Signing.PublicKey

    public init(publicKey: Curve25519.Signing.PublicKey) { self.publicKey = publicKey }

    /// Everything wrong with `lines` (in file order) and `digests`; empty when the log is whole.
    public func verify(lines: [Line], digests: [DigestFile]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for line in lines where line.entry == nil {
            findings.append(AuditFinding(.unreadable, line.location, "the line is not an audit entry"))
        }
        let positioned = lines.enumerated().compactMap { index, line in line.entry.map { (position: index, entry: $0) } }
        let chain = chooseChain(positioned, findings: &findings)
        findings += order(chain)
        findings += checkDigests(digests, chain: chain)
        return findings
    }

    /// The entry kept for each sequence number, by number; reports inserted, changed and removed entries.
    private func chooseChain(_ positioned: [(position: Int, entry: AuditEntry)], findings: inout [AuditFinding]) -> [Int: (position: Int, entry: AuditEntry)] {
        let bySequence = Dictionary(grouping: positioned, by: \.entry.sequence)
        guard let highest = bySequence.keys.max() else { return [:] }
        var chosen: [Int: (position: Int, entry: AuditEntry)] = [:]
        var previousHash: String? = nil
        var previousChanged = false
        for sequence in 1...max(highest, 1) {
            guard let candidates = bySequence[sequence] else {
                findings.append(AuditFinding(.removed, "record \(sequence)", "no entry with this sequence number is in the log"))
                previousHash = nil
                continue
            }
            let successors = Set(bySequence[sequence + 1]?.map(\.entry.previousHash) ?? [])
            let linksBack = { (entry: AuditEntry) in entry.isIntact && (previousHash == nil || entry.previousHash == previousHash) }
            let best = candidates.first { linksBack($0.entry) && successors.contains($0.entry.hash) }
                ?? candidates.first { linksBack($0.entry) } ?? candidates.first { $0.entry.isIntact } ?? candidates[0]
            for other in candidates where other.position != best.position {
                findings.append(AuditFinding(.inserted, name(other.entry), "a second entry claims sequence \(sequence); it does not fit the chain"))
            }
            let entry = best.entry
            if !entry.isIntact {
                findings.append(AuditFinding(.changed, name(entry), "its content does not match its hash"))
                previousChanged = true
            } else if let previousHash, entry.previousHash != previousHash, !previousChanged, let before = chosen[sequence - 1] {
                findings.append(AuditFinding(.changed, name(before.entry), "the chain was rewritten: the next record links to a different hash"))
                previousChanged = false
            } else {
                previousChanged = false
            }
            chosen[sequence] = best
            previousHash = entry.hash
        }
        return chosen
    }

    /// Entries whose place in the file does not follow their sequence.
    private func order(_ chain: [Int: (position: Int, entry: AuditEntry)]) -> [AuditFinding] {
        let inFileOrder = chain.values.sorted { $0.position < $1.position }.map(\.entry)
        var named: Set<Int> = []
        var findings: [AuditFinding] = []
        for (earlier, later) in zip(inFileOrder, inFileOrder.dropFirst()) where earlier.sequence > later.sequence {
            for (entry, other) in [(later, earlier), (earlier, later)] where named.insert(entry.sequence).inserted {
                findings.append(AuditFinding(.reordered, name(entry), "it is out of place next to record \(other.sequence)"))
            }
        }
        return findings
    }

    private func checkDigests(_ files: [DigestFile], chain: [Int: (position: Int, entry: AuditEntry)]) -> [AuditFinding] {
        var findings: [AuditFinding] = []
        for file in files where file.digest == nil {
            findings.append(AuditFinding(.digestForged, file.name, "the file is not a digest"))
        }
        let digests = Dictionary(files.compactMap(\.digest).map { ($0.digestNumber, $0) }, uniquingKeysWith: { first, _ in first })
        guard let highest = digests.keys.max() else { return findings }
        // The last digest that verified; nil after a missing or forged one (its successor is not blamed for it).
        var previous: AuditDigest? = nil
        for number in 1...highest {
            guard let digest = digests[number] else {
                findings.append(AuditFinding(.digestMissing, "digest \(number)", "the digests are numbered without gaps and this number is absent"))
                previous = nil
                continue
            }
            let subject = "digest \(number)"
            if digest.publicKeyFingerprint != AuditDigest.fingerprint(publicKey) || !digest.isSigned(by: publicKey) {
                findings.append(AuditFinding(.digestForged, subject, "its signature does not verify with the published audit key"))
                previous = nil
                continue
            }
            if number > 1, let previous, digest.previousDigestHash != previous.digestHash || digest.previousDigestSignature != previous.signature {
                findings.append(AuditFinding(.digestForged, subject, "it does not chain to digest \(previous.digestNumber)"))
            }
            findings += compare(digest, chain: chain)
            previous = digest
        }
        return findings
    }

    /// Whether the entries a digest sealed are still the ones in the log.
    private func compare(_ digest: AuditDigest, chain: [Int: (position: Int, entry: AuditEntry)]) -> [AuditFinding] {
        let subject = "digest \(digest.digestNumber)"
        let range = "records \(digest.firstSequence)–\(digest.lastSequence)"
        guard let last = chain[digest.lastSequence]?.entry else {
            return [AuditFinding(.digestMismatch, subject, "\(range) are sealed but record \(digest.lastSequence) is not in the log")]
        }
        guard last.hash == digest.lastRecordHash, chain[digest.firstSequence]?.entry.hash == digest.firstRecordHash else {
            return [AuditFinding(.digestMismatch, subject, "\(range) no longer hash to the sealed chain hash")]
        }
        return []
    }

    private func name(_ entry: AuditEntry) -> String {
        "record \(entry.sequence)" + (entry.eventID.map { " (eventID \($0))" } ?? "")
    }
}
