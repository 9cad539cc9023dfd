/// A scan report as one self-contained HTML page: no script, no external asset (a Content-Security-Policy says so
/// too), charts as inline SVG, a print style sheet with page breaks, every server-supplied text escaped. The summary
/// and charts come first, then the tables, then each node's findings with their evidence, review lists and remedies.
public enum ScanReportHTML {
    public static func render(_ report: ScanReport, language: ReportLanguage) -> String {
        var page = Page(report: report, language: language)
        page.write()
        return page.html
    }
}

private struct Page {
    let report: ScanReport
    let language: ReportLanguage
    var html = ""

    init(report: ScanReport, language: ReportLanguage) {
        self.report = report
        self.language = language
    }

    private func t(_ phrase: ReportPhrase) -> String { HTMLText.escape(language.text(phrase)) }
    private func e(_ text: String) -> String { HTMLText.escape(text) }

    mutating func write() {
        html += #"<!DOCTYPE html><html lang="\#(language.rawValue)"><head><meta charset="utf-8">"#
        html += #"<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">"#
        html += #"<meta name="viewport" content="width=device-width, initial-scale=1">"#
        html += "<title>\(t(.reportTitle)) — \(e(report.subject.name))</title><style>\(Self.style)</style></head><body>"
        header()
        summary()
        charts()
        checksTable()
        changes()
        unscanned()
        hygiene()
        nodes()
        html += "</body></html>\n"
    }

    private mutating func header() {
        let subject = report.subject
        html += "<header><h1>\(t(.reportTitle))</h1><p class=\"subtitle\">\(e(subject.name))</p><dl class=\"meta\">"
        func item(_ phrase: ReportPhrase, _ value: String?) {
            if let value { html += "<div><dt>\(t(phrase))</dt><dd>\(e(value))</dd></div>" }
        }
        item(.scan, subject.scanId ?? language.text(.localScan))
        item(.account, subject.accountId)
        item(.bundle, subject.bundleSha256.map { String($0.prefix(12)) })
        item(.started, subject.startedAt.map(language.time))
        item(.finished, subject.finishedAt.map(language.time))
        item(.generated, language.time(report.generatedAt))
        html += "</dl></header>"
    }

    private mutating func summary() {
        html += "<section class=\"summary\"><h2>\(t(.summary))</h2><div class=\"cards\">"
        func card(_ phrase: ReportPhrase, _ value: String, _ tone: String = "") {
            html += "<div class=\"card \(tone)\"><div class=\"value\">\(e(value))</div><div class=\"label\">\(t(phrase))</div></div>"
        }
        card(.nodesScanned, "\(report.scannedNodes.count) / \(report.nodes.count)")
        card(.passRate, language.percent(report.fleetCounts.passRate), "pass")
        card(.failures, "\(report.fleetCounts.fail)", report.fleetCounts.fail > 0 ? "fail" : "")
        card(.nodesNotScanned, "\(report.unscannedNodes.count)", report.unscannedNodes.isEmpty ? "" : "warn")
        card(.newFailures, report.newFailures.map { "\($0.count)" } ?? "-", (report.newFailures?.isEmpty ?? true) ? "" : "fail")
        card(.fixed, report.fixed.map { "\($0.count)" } ?? "-", (report.fixed?.isEmpty ?? true) ? "" : "pass")
        html += "</div><p class=\"note\">\(t(.scoreFormula))</p></section>"
    }

    private mutating func charts() {
        html += "<section class=\"charts\">"
        html += "<figure><figcaption>\(t(.fleetResults))</figcaption>"
        html += ReportCharts.donut(report.fleetCounts, language: language, caption: language.text(.fleetResults)) + "</figure>"
        let failing = report.checks.filter { $0.counts.fail > 0 }.sorted { ($1.counts.fail, $0.id) < ($0.counts.fail, $1.id) }.prefix(15)
        let scanned = Double(report.scannedNodes.count)
        html += "<figure><figcaption>\(t(.failuresByCheck))</figcaption>"
        if failing.isEmpty {
            html += "<p class=\"empty\">\(t(.noneFound))</p>"
        } else {
            let bars = failing.map {
                ReportCharts.Bar(label: "\($0.id) \(language.text($0.title))", value: Double($0.counts.fail),
                                 text: "\($0.counts.fail)/\(Int(scanned))", color: ReportCharts.color(.fail))
            }
            html += ReportCharts.bars(bars, maximum: scanned, caption: language.text(.failuresByCheck))
        }
        html += "</figure><figure><figcaption>\(t(.worstNodes))</figcaption>"
        if report.worstNodes.isEmpty {
            html += "<p class=\"empty\">\(t(.noneFound))</p>"
        } else {
            let bars = report.worstNodes.map {
                ReportCharts.Bar(label: $0.node.hostname, value: $0.score ?? 0, text: language.score($0.score),
                                 color: ReportCharts.color(score: $0.score))
            }
            html += ReportCharts.bars(bars, maximum: 100, caption: language.text(.worstNodes))
        }
        html += "</figure><figure><figcaption>\(t(.trend))</figcaption>"
        html += ReportCharts.trend(report.trend, language: language, caption: language.text(.trend)) + "</figure></section>"
    }

    private func badge(_ status: CheckStatus) -> String {
        "<span class=\"badge \(status.rawValue.lowercased())\">\(e(language.label(status)))</span>"
    }

    private func severity(_ severity: CheckSeverity) -> String {
        "<span class=\"sev \(severity.rawValue.lowercased())\">\(e(language.label(severity)))</span>"
    }

    private mutating func checksTable() {
        html += "<section><h2>\(t(.resultsByCheck))</h2>"
        guard !report.checks.isEmpty else {
            html += "<p class=\"empty\">\(t(.noneFound))</p></section>"
            return
        }
        html += "<table class=\"checks\"><thead><tr><th>\(t(.check))</th><th>2026</th><th>\(t(.severity))</th><th>\(t(.title))</th>"
        for status in CheckStatus.allCases { html += "<th class=\"num\">\(e(language.label(status)))</th>" }
        html += "<th>\(t(.failingNodes))</th></tr></thead><tbody>"
        for check in report.checks {
            let hosts = check.failingNodes.prefix(10).map(\.hostname).joined(separator: ", ")
                + (check.failingNodes.count > 10 ? " … (+\(check.failingNodes.count - 10))" : "")
            html += "<tr><td class=\"id\">\(e(check.id))</td><td class=\"id\">\(e(check.id2026))</td><td>\(severity(check.severity))</td>"
            html += "<td>\(e(language.text(check.title)))</td>"
            for status in CheckStatus.allCases {
                let count = check.counts[status]
                html += "<td class=\"num\(count > 0 && status == .fail ? " failcount" : "")\">\(count)</td>"
            }
            html += "<td class=\"hosts\">\(e(hosts))</td></tr>"
        }
        html += "</tbody></table></section>"
    }

    private mutating func changes() {
        for (phrase, list) in [(ReportPhrase.newFailures, report.newFailures), (.fixed, report.fixed)] {
            html += "<section><h2>\(t(phrase))</h2>"
            guard let list else {
                html += "<p class=\"empty\">\(t(.noPreviousScan))</p></section>"
                continue
            }
            guard !list.isEmpty else {
                html += "<p class=\"empty\">\(t(.noneFound))</p></section>"
                continue
            }
            html += "<table><thead><tr><th>\(t(.node))</th><th>\(t(.check))</th><th>\(t(.severity))</th><th>\(t(.title))</th>"
            html += "<th>\(t(.previous))</th><th>\(t(.current))</th></tr></thead><tbody>"
            for change in list {
                html += "<tr><td>\(e(change.node.hostname))<br><span class=\"id\">\(e(change.node.nodeId))</span></td>"
                html += "<td class=\"id\">\(e(change.checkId))</td><td>\(severity(change.severity))</td>"
                html += "<td>\(e(language.text(change.title)))</td><td>\(badge(change.previous))</td><td>\(badge(change.current))</td></tr>"
            }
            html += "</tbody></table></section>"
        }
    }

    private mutating func unscanned() {
        let nodes = report.unscannedNodes
        guard !nodes.isEmpty else { return }
        html += "<section><h2>\(t(.unscanned))</h2><table><thead><tr><th>\(t(.hostname))</th><th>\(t(.node))</th>"
        html += "<th>\(t(.account))</th><th>\(t(.status))</th><th>\(t(.reason))</th></tr></thead><tbody>"
        for node in nodes {
            html += "<tr><td>\(e(node.node.hostname))</td><td class=\"id\">\(e(node.node.nodeId))</td><td class=\"id\">\(e(node.node.accountId))</td>"
            html += "<td>\(e(language.label(node.state)))</td><td>\(e(node.reason ?? ""))</td></tr>"
        }
        html += "</tbody></table></section>"
    }

    private mutating func hygiene() {
        guard !report.hygiene.isEmpty else { return }
        html += "<section><h2>\(t(.hygiene))</h2><table><thead><tr><th>\(t(.node))</th><th>\(t(.account))</th><th>\(t(.kind))</th>"
        html += "<th>\(t(.detail))</th><th>\(t(.since))</th></tr></thead><tbody>"
        for finding in report.hygiene {
            html += "<tr><td class=\"id\">\(e(finding.nodeId))</td><td class=\"id\">\(e(finding.accountId))</td>"
            html += "<td>\(e(language.label(finding.kind)))</td><td>\(e(finding.detail))</td><td>\(e(finding.since.map(language.time) ?? "-"))</td></tr>"
        }
        html += "</tbody></table></section>"
    }

    private mutating func nodes() {
        let scanned = report.scannedNodes
        guard !scanned.isEmpty else { return }
        html += "<section class=\"findings\"><h2>\(t(.findingsByNode))</h2>"
        for node in scanned {
            html += "<article class=\"node\"><h3>\(e(node.node.hostname)) <span class=\"id\">\(e(node.node.nodeId))</span></h3>"
            html += "<p class=\"nodemeta\">\(t(.score)) <strong style=\"color:\(ReportCharts.color(score: node.score))\">\(language.score(node.score))</strong>"
            for status in CheckStatus.allCases where node.counts[status] > 0 { html += " · \(e(language.label(status))) \(node.counts[status])" }
            if !node.node.accountId.isEmpty { html += " · \(t(.account)) \(e(node.node.accountId))" }
            if let at = node.scannedAt { html += " · \(e(language.time(at)))" }
            html += "</p>"
            for result in node.results { finding(result) }
            html += "</article>"
        }
        html += "</section>"
    }

    private mutating func finding(_ result: CheckResult) {
        html += "<div class=\"finding \(result.status.rawValue.lowercased())\"><div class=\"head\"><span class=\"id\">\(e(result.id))</span> "
        html += "\(badge(result.status)) \(severity(result.severity)) <span class=\"title\">\(e(language.text(result.title)))</span></div>"
        if !result.evidence.isEmpty { evidence(result.evidence) }
        if !result.review.isEmpty {
            html += "<div class=\"label\">\(t(.review)) (\(result.review.count))</div><ul class=\"review\">"
            for item in result.review { html += "<li>\(e(item))</li>" }
            html += "</ul>"
        }
        if result.status == .fail || result.status == .manual {
            html += "<div class=\"remedy\"><span class=\"label\">\(t(.remedy))</span> \(e(language.text(result.remedy)))</div>"
        }
        html += "</div>"
    }

    private mutating func evidence(_ items: [CheckEvidence]) {
        let columns: [(ReportPhrase, (CheckEvidence) -> String?)] = [
            (.file, \.file), (.line, { $0.line.map(String.init) }), (.mode, \.mode),
            (.owner, { item in item.owner.map { owner in item.group.map { "\(owner):\($0)" } ?? owner } ?? item.group }),
            (.value, \.value), (.expected, \.expected), (.note, \.note),
        ]
        let used = columns.filter { column in items.contains { column.1($0) != nil } }
        html += "<div class=\"label\">\(t(.evidence))</div><table class=\"evidence\"><thead><tr>"
        for column in used { html += "<th>\(t(column.0))</th>" }
        html += "</tr></thead><tbody>"
        for item in items {
            html += "<tr>"
            for column in used { html += "<td>\(e(column.1(item) ?? ""))</td>" }
            html += "</tr>"
        }
        html += "</tbody></table>"
    }

    static let style = """
        :root{--pass:#2e7d32;--fail:#c62828;--na:#9e9e9e;--manual:#ef8f00;--error:#6a1b9a;--line:#cfd8dc;--muted:#546e7a}
        *{box-sizing:border-box}
        body{font-family:"Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",system-ui,sans-serif;
        color:#263238;margin:24px auto;max-width:1180px;padding:0 20px;font-size:14px;line-height:1.45;
        -webkit-print-color-adjust:exact;print-color-adjust:exact}
        h1{font-size:24px;margin:0 0 4px}h2{font-size:18px;border-bottom:2px solid #263238;padding-bottom:4px;margin-top:28px}
        h3{font-size:16px;margin:0 0 4px}.subtitle{margin:0 0 10px;color:var(--muted)}
        .meta{display:flex;flex-wrap:wrap;gap:4px 24px;margin:0}.meta div{display:flex;gap:6px}.meta dt{color:var(--muted)}.meta dd{margin:0}
        .cards{display:grid;grid-template-columns:repeat(6,1fr);gap:10px}
        .card{border:1px solid var(--line);border-radius:6px;padding:10px;text-align:center}
        .card .value{font-size:24px;font-weight:700}.card .label{color:var(--muted);font-size:12px}
        .card.pass .value{color:var(--pass)}.card.fail .value{color:var(--fail)}.card.warn .value{color:var(--manual)}
        .note{color:var(--muted);font-size:12px}
        .charts{display:grid;grid-template-columns:1fr 1fr;gap:16px;margin-top:20px}
        figure{margin:0;border:1px solid var(--line);border-radius:6px;padding:10px;break-inside:avoid}
        figcaption{font-weight:700;margin-bottom:6px}
        svg.chart{max-width:100%;height:auto}svg .small{font-size:11px;fill:#37474f}svg .big{font-size:20px;font-weight:700;fill:#263238}
        table{border-collapse:collapse;width:100%;margin:6px 0}
        th,td{border:1px solid var(--line);padding:4px 6px;text-align:left;vertical-align:top;overflow-wrap:anywhere}
        th{background:#eceff1;font-weight:600}td.num,th.num{text-align:right;white-space:nowrap}td.failcount{color:var(--fail);font-weight:700}
        .id{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;white-space:nowrap}.hosts{font-size:12px}
        .badge{display:inline-block;padding:1px 7px;border-radius:10px;color:#fff;font-size:12px;white-space:nowrap}
        .badge.pass{background:var(--pass)}.badge.fail{background:var(--fail)}.badge.na{background:var(--na)}
        .badge.manual{background:var(--manual)}.badge.error{background:var(--error)}
        .sev{display:inline-block;padding:0 6px;border:1px solid var(--line);border-radius:4px;font-size:12px}
        .sev.high{border-color:var(--fail);color:var(--fail)}.sev.medium{border-color:var(--manual);color:#b26a00}
        .empty{color:var(--muted)}.node{margin-top:22px}.nodemeta{color:var(--muted);margin:0 0 8px}
        .finding{border-left:4px solid var(--line);padding:4px 10px;margin:8px 0;break-inside:avoid}
        .finding.pass{border-color:var(--pass)}.finding.fail{border-color:var(--fail)}.finding.na{border-color:var(--na)}
        .finding.manual{border-color:var(--manual)}.finding.error{border-color:var(--error)}
        .finding .title{font-weight:600}.evidence{font-size:12px}.evidence td{font-family:ui-monospace,"DejaVu Sans Mono",monospace}
        .label{color:var(--muted);font-size:12px;font-weight:600}
        .review{columns:2;font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;margin:2px 0 6px}
        .remedy{background:#fff8e1;padding:4px 8px;border-radius:4px;margin:4px 0}
        @page{size:A4;margin:14mm}
        @media print{body{margin:0;max-width:none;padding:0;font-size:11px}.cards{grid-template-columns:repeat(3,1fr)}
        .charts{grid-template-columns:1fr 1fr}h2{break-after:avoid}tr{break-inside:avoid}thead{display:table-header-group}
        .findings{break-before:page}.node{break-before:page}.node:first-of-type{break-before:auto}}
        @media (max-width:800px){.cards{grid-template-columns:repeat(2,1fr)}.charts{grid-template-columns:1fr}}
        """
}
