/// The Session documents Portless ships, owned by `Amazon` with the content AWS publishes for them.
public enum SessionBuiltinDocuments {
    public static let sshSessionName = "AWS-StartSSHSession"
    public static let portForwardingName = "AWS-StartPortForwardingSession"
    public static let remoteHostPortForwardingName = "AWS-StartPortForwardingSessionToRemoteHost"
    public static let interactiveCommandName = "AWS-StartInteractiveCommand"
    public static let nonInteractiveCommandName = "AWS-StartNonInteractiveCommand"
    /// The account's preferences document, also the document StartSession uses when none is named.
    public static let defaultShellName = "SSM-SessionManagerRunShell"

    /// The names of the built-in Session documents.
    public static let names = [sshSessionName, portForwardingName, remoteHostPortForwardingName, interactiveCommandName, nonInteractiveCommandName]

    /// The content of the built-in Session document `name`, if there is one.
    public static func content(named name: String) -> String? {
        switch name {
        case sshSessionName: sshSession
        case portForwardingName: portForwarding
        case remoteHostPortForwardingName: remoteHostPortForwarding
        case interactiveCommandName: command(.interactiveCommands, description: "Document to run single interactive command on an instance")
        case nonInteractiveCommandName: command(.nonInteractiveCommands, description: "Document to run single non-interactive command on an instance")
        default: nil
        }
    }

    /// A TCP port, 1 to 65535.
    static let portPattern = "^([1-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$"
    /// A local port, 0 (any free port) to 65535.
    static let localPortPattern = "^([0-9]|[1-9][0-9]{1,3}|[1-5][0-9]{4}|6[0-4][0-9]{3}|65[0-4][0-9]{2}|655[0-2][0-9]|6553[0-5])$"

    static let sshSession = #"""
    {
      "schemaVersion": "1.0",
      "description": "Document to start SSH session",
      "sessionType": "Port",
      "parameters": {
        "portNumber": {
          "type": "String",
          "description": "(Optional) Port number of SSH server on the instance",
          "allowedPattern": "\#(portPattern)",
          "default": "22"
        }
      },
      "properties": {
        "portNumber": "{{ portNumber }}"
      }
    }
    """#

    static let portForwarding = #"""
    {
      "schemaVersion": "1.0",
      "description": "Document to start port forwarding session over Session Manager",
      "sessionType": "Port",
      "parameters": {
        "portNumber": {
          "type": "String",
          "description": "(Optional) Port number of the server on the instance",
          "allowedPattern": "\#(portPattern)",
          "default": "80"
        },
        "localPortNumber": {
          "type": "String",
          "description": "(Optional) Port number on local machine to forward traffic to. An open port is chosen at run-time if not provided",
          "allowedPattern": "\#(localPortPattern)",
          "default": "0"
        }
      },
      "properties": {
        "portNumber": "{{ portNumber }}",
        "type": "LocalPortForwarding",
        "localPortNumber": "{{ localPortNumber }}"
      }
    }
    """#

    static let remoteHostPortForwarding = #"""
    {
      "schemaVersion": "1.0",
      "description": "Document to start port forwarding session over Session Manager to a remote host",
      "sessionType": "Port",
      "parameters": {
        "host": {
          "type": "String",
          "description": "(Required) The hostname or IP address of the destination server",
          "allowedPattern": "^[^,$^&\\(\\)!;'\"<>\\`{}\\[\\]\\|#=]{3,}$"
        },
        "portNumber": {
          "type": "String",
          "description": "(Optional) Port number of the server on the instance",
          "allowedPattern": "\#(portPattern)",
          "default": "80"
        },
        "localPortNumber": {
          "type": "String",
          "description": "(Optional) Port number on local machine to forward traffic to. An open port is chosen at run-time if not provided",
          "allowedPattern": "\#(localPortPattern)",
          "default": "0"
        }
      },
      "properties": {
        "portNumber": "{{ portNumber }}",
        "type": "LocalPortForwarding",
        "localPortNumber": "{{ localPortNumber }}",
        "host": "{{ host }}"
      }
    }
    """#

    /// AWS-StartInteractiveCommand and AWS-StartNonInteractiveCommand: one `command` parameter run on each platform.
    static func command(_ type: SessionType, description: String) -> String {
        #"""
        {
          "schemaVersion": "1.0",
          "description": "\#(description)",
          "sessionType": "\#(type.rawValue)",
          "parameters": {
            "command": {
              "type": "String",
              "description": "The command to run on the instance"
            }
          },
          "properties": {
            "windows": {
              "commands": "{{command}}",
              "runAsElevated": false
            },
            "linux": {
              "commands": "{{command}}",
              "runAsElevated": false
            },
            "macos": {
              "commands": "{{command}}",
              "runAsElevated": false
            }
          }
        }
        """#
    }
}
