import Foundation

/// The report's charts as inline SVG (no script, no external asset). Every label is escaped.
enum ReportCharts {
    /// One bar of a bar chart.
    struct Bar {
        var label: String
        var value: Double
        var text: String
        var color: String
    }

    static func color(_ status: CheckStatus) -> String {
        switch status {
        case .pass: "#2e7d32"
        case .fail: "#c62828"
        case .notApplicable: "#9e9e9e"
        case .manual: "#ef8f00"
        case .error: "#6a1b9a"
        }
    }

    /// The color of a score: red below 60, amber below 80, green above.
    static func color(score: Double?) -> String {
        guard let score else { return "#9e9e9e" }
        return score < 60 ? "#c62828" : score < 80 ? "#ef8f00" : "#2e7d32"
    }

    /// A donut of the status counts with the pass rate in its middle, and a legend.
    static func donut(_ counts: StatusCounts, language: ReportLanguage, caption: String) -> String {
        var svg = ##"<svg class="chart donut" viewBox="0 0 220 120" width="330" height="180" role="img" aria-label="\##(HTMLText.escape(caption))">"##
        svg += "<title>\(HTMLText.escape(caption))</title>"
        svg += ##"<circle cx="60" cy="60" r="40" fill="none" stroke="#eceff1" stroke-width="18"/>"##
        let circumference = 2 * Double.pi * 40
        var offset = 0.0
        if counts.total > 0 {
            for status in CheckStatus.allCases where counts[status] > 0 {
                let length = circumference * Double(counts[status]) / Double(counts.total)
                svg += ##"<circle cx="60" cy="60" r="40" fill="none" stroke="\##(color(status))" stroke-width="18" "##
                    + ##"stroke-dasharray="\##(number(length)) \##(number(circumference - length))" stroke-dashoffset="\##(number(-offset))" "##
                    + ##"transform="rotate(-90 60 60)"/>"##
                offset += length
            }
        }
        svg += ##"<text x="60" y="58" text-anchor="middle" class="big">\##(language.percent(counts.passRate))</text>"##
        svg += ##"<text x="60" y="74" text-anchor="middle" class="small">\##(HTMLText.escape(language.text(.passRate)))</text>"##
        for (index, status) in CheckStatus.allCases.enumerated() {
            let y = 22 + index * 18
            svg += ##"<rect x="120" y="\##(y - 9)" width="10" height="10" fill="\##(color(status))"/>"##
            svg += ##"<text x="136" y="\##(y)" class="small">\##(HTMLText.escape(language.label(status))) \##(counts[status])</text>"##
        }
        return svg + "</svg>"
    }

    /// Horizontal bars scaled to `maximum`, a label on the left and a text on the right of each.
    static func bars(_ bars: [Bar], maximum: Double, caption: String) -> String {
        let rowHeight = 22, labelWidth = 200, barWidth = 300
        let height = max(bars.count, 1) * rowHeight + 8
        var svg = ##"<svg class="chart bars" viewBox="0 0 \##(labelWidth + barWidth + 60) \##(height)" width="\##(labelWidth + barWidth + 60)" height="\##(height)" role="img" aria-label="\##(HTMLText.escape(caption))">"##
        svg += "<title>\(HTMLText.escape(caption))</title>"
        for (index, bar) in bars.enumerated() {
            let y = 4 + index * rowHeight
            let width = maximum > 0 ? Double(barWidth) * min(bar.value, maximum) / maximum : 0
            svg += ##"<text x="\##(labelWidth - 6)" y="\##(y + 15)" text-anchor="end" class="small">\##(HTMLText.escape(clipped(bar.label, columns: 34)))</text>"##
            svg += ##"<rect x="\##(labelWidth)" y="\##(y + 3)" width="\##(barWidth)" height="15" fill="#eceff1"/>"##
            svg += ##"<rect x="\##(labelWidth)" y="\##(y + 3)" width="\##(number(width))" height="15" fill="\##(bar.color)"/>"##
            svg += ##"<text x="\##(labelWidth + barWidth + 6)" y="\##(y + 15)" class="small">\##(HTMLText.escape(bar.text))</text>"##
        }
        return svg + "</svg>"
    }

    /// The pass rate of each scan, oldest first, as a line over a 0–100 % grid.
    static func trend(_ points: [ScanReport.TrendPoint], language: ReportLanguage, caption: String) -> String {
        let left = 44.0, top = 12.0, width = 440.0, height = 150.0
        var svg = ##"<svg class="chart trend" viewBox="0 0 \##(Int(left + width + 44)) \##(Int(top + height + 40))" width="\##(Int(left + width + 44))" height="\##(Int(top + height + 40))" role="img" aria-label="\##(HTMLText.escape(caption))">"##
        svg += "<title>\(HTMLText.escape(caption))</title>"
        for percent in stride(from: 0, through: 100, by: 25) {
            let y = top + height * (1 - Double(percent) / 100)
            svg += ##"<line x1="\##(number(left))" y1="\##(number(y))" x2="\##(number(left + width))" y2="\##(number(y))" stroke="#cfd8dc" stroke-width="0.5"/>"##
            svg += ##"<text x="\##(number(left - 6))" y="\##(number(y + 4))" text-anchor="end" class="small">\##(percent)%</text>"##
        }
        let step = points.count > 1 ? width / Double(points.count - 1) : 0
        let placed = points.enumerated().compactMap { index, point in
            point.passRate.map { (x: left + (points.count > 1 ? step * Double(index) : width / 2), y: top + height * (1 - $0), point: point) }
        }
        if placed.count > 1 {
            let path = placed.map { "\(number($0.x)),\(number($0.y))" }.joined(separator: " ")
            svg += ##"<polyline points="\##(path)" fill="none" stroke="#1565c0" stroke-width="2"/>"##
        }
        for (index, spot) in placed.enumerated() {
            svg += ##"<circle cx="\##(number(spot.x))" cy="\##(number(spot.y))" r="3.5" fill="#1565c0"/>"##
            svg += ##"<text x="\##(number(spot.x))" y="\##(number(spot.y - 7))" text-anchor="middle" class="small">\##(language.percent(spot.point.passRate))</text>"##
            if placed.count <= 8 || index % max(placed.count / 6, 1) == 0 || index == placed.count - 1 {
                let date = String(language.time(spot.point.at).prefix(10))
                svg += ##"<text x="\##(number(spot.x))" y="\##(number(top + height + 16))" text-anchor="middle" class="small">\##(date)</text>"##
            }
        }
        return svg + "</svg>"
    }

    private static func number(_ value: Double) -> String { String(format: "%.2f", value) }

    /// `text` cut to fit `columns` (a Hangul or CJK character takes two), with an ellipsis when cut.
    private static func clipped(_ text: String, columns: Int) -> String {
        guard CheckResultTable.width(text) > columns else { return text }
        var kept = ""
        for character in text {
            guard CheckResultTable.width(kept + String(character)) < columns else { break }
            kept.append(character)
        }
        return kept + "…"
    }
}
