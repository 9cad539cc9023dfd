/// The built-in command document a scan runs on each node, in the three steps security teams run on
/// SSM: download the bundle from an allowed URL, run it, upload the result with a presigned PUT.
///
/// Its URL parameters accept only this server's own object store (the scan buckets), its working
/// directory only the fixed scan prefix; the download step refuses a bundle whose SHA-256 differs
/// from `bundleSha256`. Each node's upload URL reaches it as `SSM_uploadUrl`, set per node.
public enum ScanDocument {
    public static let name = "Portless-KISAUnixScan"

    /// Query characters a presigned URL carries.
    static let queryPattern = "\\?[A-Za-z0-9%&=._~-]+"

    /// The document for a server whose object store is at `endpoint` (e.g. `https://10.0.0.5:8443`).
    public static func content(endpoint: String) -> String {
        let base = jsonEscaped(regexEscaped(endpoint))
        let bundle = "^(|\(base)/portless-scans-[0-9]{12}/bundles/[0-9a-f]{64}\\\\.tar\\\\.gz\(jsonEscaped(queryPattern)))$"
        let upload = "^(|\(base)/portless-scans-[0-9]{12}/results/scan-[0-9a-f]{17}/[0-9]{12}/mi-[0-9a-f]{17}\\\\.ndjson\(jsonEscaped(queryPattern)))$"
        return """
        {
          "schemaVersion": "2.2",
          "description": "Runs the KISA Unix check bundle and uploads the result through a presigned URL (a Portless scan).",
          "parameters": {
            "bundleUrl": {
              "type": "String",
              "default": "",
              "description": "A presigned URL of the bundle version in this server's object store (a scan sets it).",
              "allowedPattern": "\(bundle)"
            },
            "bundleSha256": {
              "type": "String",
              "description": "The SHA-256 the bundle must have; another bundle is refused.",
              "default": "",
              "allowedPattern": "^(|[0-9a-f]{64})$"
            },
            "uploadUrl": {
              "type": "String",
              "default": "",
              "description": "The presigned PUT URL of this node's result (a scan sets one per node).",
              "allowedPattern": "\(upload)"
            },
            "scanId": {
              "type": "String",
              "description": "The scan this run belongs to.",
              "default": "",
              "allowedPattern": "^(|scan-[0-9a-f]{17})$"
            },
            "accountId": {
              "type": "String",
              "description": "The account of the nodes this command runs on.",
              "default": "",
              "allowedPattern": "^(|[0-9]{12})$"
            },
            "workingDirectory": {
              "type": "String",
              "description": "Where the bundle is unpacked and run.",
              "default": "",
              "allowedPattern": "^(|/var/tmp/portless-scan/scan-[0-9a-f]{17})$"
            },
            "checkTimeout": {
              "type": "String",
              "default": "60",
              "description": "Seconds each check may run before it is stopped and reported as ERROR.",
              "allowedPattern": "^[1-9][0-9]{0,3}$"
            },
            "executionTimeout": {
              "type": "String",
              "default": "1800",
              "description": "Seconds each step may run.",
              "allowedPattern": "^[1-9][0-9]{0,4}$"
            }
          },
          "mainSteps": [
            \(step("DownloadBundle", downloadScript, onFailure: "exit")),
            \(step("RunChecks", runScript, onFailure: "exit")),
            \(step("UploadResult", uploadScript))
          ]
        }
        """
    }

    /// A shell step; with `onFailure: "exit"` a failure ends the document there (a bundle that fails its digest is not run).
    private static func step(_ name: String, _ lines: [String], onFailure: String? = nil) -> String {
        let commands = lines.map { "\"\(jsonEscaped($0))\"" }.joined(separator: ",\n            ")
        return """
        {
              "action": "aws:runShellScript",
              "name": "\(name)",
              "precondition": { "StringEquals": ["platformType", "Linux"] },
              "inputs": {\(onFailure.map { "\n        \"onFailure\": \"\($0)\"," } ?? "")
                "timeoutSeconds": "{{ executionTimeout }}",
                "runCommand": [
                    \(commands)
                ]
              }
            }
        """
    }

    /// Each node works in its own directory below the scan's (nodes may share a host, e.g. containers).
    static let nodeDirectory = "dir=\"$SSM_workingDirectory/${AWS_SSM_INSTANCE_ID:-node}\""

    static let certificateOption = "${PORTLESS_SERVER_CA:+--cacert \"$PORTLESS_SERVER_CA\"}"

    static let downloadScript = [
        "#!/bin/sh",
        "set -eu",
        "umask 077",
        "if [ -z \"$SSM_bundleUrl\" ] || [ -z \"$SSM_scanId\" ]; then echo 'this document is run by Portless scans: portless scan start, or an association' >&2; exit 1; fi",
        "case \"$SSM_workingDirectory\" in /var/tmp/portless-scan/scan-*) ;; *) echo \"refusing working directory $SSM_workingDirectory\" >&2; exit 1 ;; esac",
        nodeDirectory,
        "rm -rf \"$dir\"",
        "mkdir -p \"$dir/bundle\"",
        "cd \"$dir\"",
        "# shellcheck disable=SC2086",
        "curl -fsS --retry 2 \(certificateOption) -o bundle.tar.gz \"$SSM_bundleUrl\"",
        "actual=$(sha256sum bundle.tar.gz | cut -d' ' -f1)",
        "if [ \"$actual\" != \"$SSM_bundleSha256\" ]; then",
        "  echo \"bundle SHA-256 $actual does not match $SSM_bundleSha256: refusing to run it\" >&2",
        "  exit 1",
        "fi",
        "tar -xzf bundle.tar.gz -C bundle --no-same-owner --no-same-permissions",
        "echo \"bundle $SSM_bundleSha256 verified\"",
    ]

    static let runScript = [
        "#!/bin/sh",
        "set -eu",
        nodeDirectory,
        "cd \"$dir\"",
        "started=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
        "sh bundle/run.sh -t \"$SSM_checkTimeout\" > checks.ndjson",
        "finished=$(date -u +%Y-%m-%dT%H:%M:%SZ)",
        "host=$(hostname 2>/dev/null | tr -cd 'A-Za-z0-9._-')",
        "host=${host:-unknown}",
        "printf '{\"portlessScan\":{\"scanId\":\"%s\",\"nodeId\":\"%s\",\"accountId\":\"%s\",\"bundleSha256\":\"%s\",\"hostname\":\"%s\",\"startedAt\":\"%s\",\"finishedAt\":\"%s\"}}\\n' \"$SSM_scanId\" \"${AWS_SSM_INSTANCE_ID:-}\" \"$SSM_accountId\" \"$SSM_bundleSha256\" \"$host\" \"$started\" \"$finished\" > result.ndjson",
        "cat checks.ndjson >> result.ndjson",
        "echo \"$(wc -l < checks.ndjson) checks run:\"",
        "grep -o '\"status\":\"[A-Z]*\"' checks.ndjson | sort | uniq -c",
    ]

    static let uploadScript = [
        "#!/bin/sh",
        "set -eu",
        nodeDirectory,
        "cd \"$dir\"",
        "if [ -z \"${SSM_uploadUrl:-}\" ]; then echo 'no upload URL was given' >&2; exit 1; fi",
        "# shellcheck disable=SC2086",
        "code=$(curl -sS \(certificateOption) -o response.txt -w '%{http_code}' -X PUT -T result.ndjson \"$SSM_uploadUrl\")",
        "reply=$(cat response.txt 2>/dev/null || true)",
        "cd / && rm -rf \"$dir\"",
        "if [ \"$code\" != 200 ]; then echo \"upload refused with HTTP $code: $reply\" >&2; exit 1; fi",
        "echo 'result uploaded'",
    ]

    /// `text` with regular-expression metacharacters escaped.
    static func regexEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            if "\\^$.|?*+()[]{}".contains(character) { out.append("\\") }
            out.append(character)
        }
        return out
    }

    /// `text` escaped for a JSON string literal.
    static func jsonEscaped(_ text: String) -> String {
        var out = ""
        for character in text {
            switch character {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default: out.append(character)
            }
        }
        return out
    }
}
