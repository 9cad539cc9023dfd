/// A small XML element tree for Query-protocol replies, rendered with every text and attribute escaped.
public struct XMLTag: Sendable, Equatable {
    public var name: String
    public var attributes: [String: String]
    public var text: String?
    public var children: [XMLTag]

    /// An element holding text.
    public init(_ name: String, _ text: String) {
        self.name = name
        self.attributes = [:]
        self.text = text
        self.children = []
    }

    /// An element holding other elements.
    public init(_ name: String, attributes: [String: String] = [:], children: [XMLTag] = []) {
        self.name = name
        self.attributes = attributes
        self.text = nil
        self.children = children
    }

    /// The element as XML text (no declaration).
    public func render() -> String {
        var out = ""
        write(to: &out)
        return out
    }

    /// `<?xml version="1.0" encoding="UTF-8"?>` and the element.
    public func document() -> String { "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + render() }

    private func write(to out: inout String) {
        out += "<\(name)"
        for (key, value) in attributes.sorted(by: { $0.key < $1.key }) {
            out += " \(key)=\"\(Self.escape(value))\""
        }
        if text == nil && children.isEmpty {
            out += "/>"
            return
        }
        out += ">"
        if let text { out += Self.escape(text) }
        for child in children { child.write(to: &out) }
        out += "</\(name)>"
    }

    /// Escapes `& < > " '` and carriage returns (which XML parsers would otherwise fold into line feeds).
    /// Other control characters, which XML 1.0 cannot carry, become U+FFFD.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\r": out += "&#13;"
            case "\t", "\n": out.unicodeScalars.append(scalar)
            default:
                if scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF {
                    out += "\u{FFFD}"
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
