import SQLKit

/// The numbered schema migrations, applied in order at start and recorded in `schema_migrations`.
enum Migrations {
    static let all: [(version: Int, statements: [String])] = [
        (1, [
            "CREATE TABLE accounts (id TEXT PRIMARY KEY, is_root INTEGER NOT NULL, created_at REAL NOT NULL)",
            "CREATE TABLE access_keys (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE activations (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, created_at REAL NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE nodes (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, registered_at REAL NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE tags (resource_type TEXT NOT NULL, resource_id TEXT NOT NULL, tag_key TEXT NOT NULL, tag_value TEXT NOT NULL, PRIMARY KEY (resource_type, resource_id, tag_key))",
            """
            CREATE TABLE commands (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, requested_at REAL NOT NULL,
                status TEXT NOT NULL, document_name TEXT NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX commands_by_time ON commands (account_id, requested_at)",
            """
            CREATE TABLE invocations (command_id TEXT NOT NULL, instance_id TEXT NOT NULL, account_id TEXT NOT NULL,
                requested_at REAL NOT NULL, delivery_deadline REAL NOT NULL, status TEXT NOT NULL,
                document_name TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (command_id, instance_id))
            """,
            "CREATE INDEX invocations_by_instance ON invocations (instance_id, status)",
            "CREATE INDEX invocations_by_status ON invocations (status, delivery_deadline)",
        ]),
        (2, [
            """
            CREATE TABLE documents (account_id TEXT NOT NULL, name TEXT NOT NULL, created_at REAL NOT NULL,
                body TEXT NOT NULL, PRIMARY KEY (account_id, name))
            """,
            """
            CREATE TABLE document_versions (account_id TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL,
                version_name TEXT, created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name, version))
            """,
            """
            CREATE TABLE document_shares (account_id TEXT NOT NULL, name TEXT NOT NULL, shared_with TEXT NOT NULL,
                body TEXT NOT NULL, PRIMARY KEY (account_id, name, shared_with))
            """,
            "CREATE INDEX document_shares_by_account ON document_shares (shared_with)",
        ]),
        (3, [
            """
            CREATE TABLE roles (account_id TEXT NOT NULL, name_key TEXT NOT NULL, path TEXT NOT NULL,
                created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name_key))
            """,
            "CREATE TABLE session_credentials (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, expires_at REAL NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX session_credentials_by_expiry ON session_credentials (expires_at)",
        ]),
        // SendCommand resolves targets through these instead of reading every node and tag.
        (4, [
            "CREATE INDEX nodes_by_account ON nodes (account_id, registered_at, id)",
            "CREATE INDEX tags_by_value ON tags (resource_type, tag_key, tag_value, resource_id)",
        ]),
        // IAM users, groups, managed policies and virtual MFA devices; users' access keys; the revision
        // that tells caches an entity or policy changed. Roles and keys gain the fields their records grew.
        (5, [
            "CREATE TABLE iam_revision (id INTEGER PRIMARY KEY, revision INTEGER NOT NULL)",
            "INSERT INTO iam_revision (id, revision) VALUES (1, 0)",
            """
            CREATE TABLE iam_users (account_id TEXT NOT NULL, name_key TEXT NOT NULL, path TEXT NOT NULL,
                created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name_key))
            """,
            """
            CREATE TABLE iam_groups (account_id TEXT NOT NULL, name_key TEXT NOT NULL, path TEXT NOT NULL,
                created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name_key))
            """,
            """
            CREATE TABLE iam_policies (account_id TEXT NOT NULL, name_key TEXT NOT NULL, path TEXT NOT NULL,
                created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name_key))
            """,
            """
            CREATE TABLE iam_mfa_devices (account_id TEXT NOT NULL, name_key TEXT NOT NULL, path TEXT NOT NULL,
                created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name_key))
            """,
            "ALTER TABLE access_keys ADD COLUMN user_key TEXT",
            "CREATE INDEX access_keys_by_user ON access_keys (account_id, user_key)",
            "UPDATE access_keys SET body = json_set(body, '$.status', 'Active')",
            "UPDATE roles SET body = json_set(body, '$.policies', json('{\"inline\":[],\"attached\":[]}'))",
        ]),
        // The organization: its accounts (a body on `accounts`), CreateAccount requests and SCPs.
        (6, [
            "ALTER TABLE accounts ADD COLUMN body TEXT",
            "CREATE TABLE organization (id TEXT PRIMARY KEY, body TEXT NOT NULL)",
            "CREATE TABLE create_account_requests (id TEXT PRIMARY KEY, requested_at REAL NOT NULL, body TEXT NOT NULL)",
            "CREATE TABLE organization_policies (id TEXT PRIMARY KEY, type TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL)",
            "CREATE UNIQUE INDEX organization_policies_by_name ON organization_policies (type, name)",
            "CREATE TABLE organization_policy_targets (policy_id TEXT NOT NULL, target_id TEXT NOT NULL, PRIMARY KEY (policy_id, target_id))",
            "CREATE INDEX organization_policy_targets_by_target ON organization_policy_targets (target_id)",
        ]),
        // Scans: bundle versions, scans, the commands that carry them, each node's outcome and each check's result.
        (7, [
            "CREATE TABLE scan_bundles (account_id TEXT NOT NULL, sha256 TEXT NOT NULL, pushed_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, sha256))",
            """
            CREATE TABLE scans (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, requested_at REAL NOT NULL, status TEXT NOT NULL,
                targets_key TEXT NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX scans_by_account ON scans (account_id, requested_at)",
            "CREATE INDEX scans_by_status ON scans (status)",
            "CREATE TABLE scan_commands (command_id TEXT PRIMARY KEY, scan_id TEXT NOT NULL)",
            """
            CREATE TABLE scan_nodes (scan_id TEXT NOT NULL, node_id TEXT NOT NULL, account_id TEXT NOT NULL, state TEXT NOT NULL,
                body TEXT NOT NULL, PRIMARY KEY (scan_id, node_id))
            """,
            """
            CREATE TABLE scan_check_results (scan_id TEXT NOT NULL, node_id TEXT NOT NULL, check_id TEXT NOT NULL, status TEXT NOT NULL,
                body TEXT NOT NULL, PRIMARY KEY (scan_id, node_id, check_id))
            """,
        ]),
        // State Manager associations: the current record (with when it runs next), every version, every execution.
        (8, [
            "CREATE TABLE associations (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, created_at REAL NOT NULL, next_run_at REAL, body TEXT NOT NULL)",
            "CREATE INDEX associations_by_account ON associations (account_id, created_at)",
            "CREATE INDEX associations_by_next_run ON associations (next_run_at)",
            """
            CREATE TABLE association_versions (association_id TEXT NOT NULL, version INTEGER NOT NULL, created_at REAL NOT NULL,
                body TEXT NOT NULL, PRIMARY KEY (association_id, version))
            """,
            """
            CREATE TABLE association_executions (id TEXT PRIMARY KEY, association_id TEXT NOT NULL, created_at REAL NOT NULL,
                output_source_id TEXT, body TEXT NOT NULL)
            """,
            "CREATE INDEX association_executions_by_association ON association_executions (association_id, created_at)",
            "CREATE INDEX association_executions_by_source ON association_executions (output_source_id)",
        ]),
        // Compliance: one row per resource and compliance type, its items in the body, its summary beside them
        // so that the summary lists never read items.
        (9, [
            """
            CREATE TABLE compliance (account_id TEXT NOT NULL, resource_id TEXT NOT NULL, compliance_type TEXT NOT NULL,
                status TEXT NOT NULL, overall_severity TEXT NOT NULL, summary TEXT NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (account_id, resource_id, compliance_type))
            """,
            "CREATE INDEX compliance_by_type ON compliance (account_id, compliance_type, status)",
        ]),
        // KMS: keys (material sealed in the body) by their global ID, and each account's aliases.
        (10, [
            "CREATE TABLE kms_keys (key_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, created_at REAL NOT NULL, body TEXT NOT NULL)",
            "CREATE INDEX kms_keys_by_account ON kms_keys (account_id, created_at)",
            "CREATE TABLE kms_aliases (account_id TEXT NOT NULL, name TEXT NOT NULL, key_id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name))",
            "CREATE INDEX kms_aliases_by_key ON kms_aliases (key_id)",
        ]),
        // Parameter Store: each parameter's current version, and every kept version (100 at most).
        (11, [
            "CREATE TABLE parameters (account_id TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name))",
            """
            CREATE TABLE parameter_versions (account_id TEXT NOT NULL, name TEXT NOT NULL, version INTEGER NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (account_id, name, version))
            """,
        ]),
        // CloudTrail trails: the settings and delivery state of each, in the body.
        (12, [
            "CREATE TABLE trails (account_id TEXT NOT NULL, name TEXT NOT NULL, is_logging INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name))",
        ]),
        // EventBridge: the rules of each account's default bus and their targets (both in EventBridge's shape).
        (14, [
            "CREATE TABLE event_rules (account_id TEXT NOT NULL, name TEXT NOT NULL, state TEXT NOT NULL, created_at REAL NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name))",
            "CREATE TABLE event_targets (account_id TEXT NOT NULL, rule_name TEXT NOT NULL, id TEXT NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, rule_name, id))",
        ]),
        // EventBridge deliveries: one row per matched event and target, pending until delivered, then deleted, or kept
        // as the rule's dead letter once its retries are spent.
        (15, [
            """
            CREATE TABLE event_deliveries (id TEXT PRIMARY KEY, account_id TEXT NOT NULL, rule_name TEXT NOT NULL, target_id TEXT NOT NULL,
                state TEXT NOT NULL, next_attempt_at REAL NOT NULL, created_at REAL NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX event_deliveries_due ON event_deliveries (state, next_attempt_at)",
            "CREATE INDEX event_deliveries_by_rule ON event_deliveries (account_id, rule_name, state, created_at)",
        ]),
        // CloudWatch Logs: groups and streams as bodies, one row per event (`sequence` is arrival order).
        (16, [
            "CREATE TABLE log_groups (account_id TEXT NOT NULL, name TEXT NOT NULL, created_at INTEGER NOT NULL, body TEXT NOT NULL, PRIMARY KEY (account_id, name))",
            """
            CREATE TABLE log_streams (account_id TEXT NOT NULL, group_name TEXT NOT NULL, name TEXT NOT NULL, body TEXT NOT NULL,
                PRIMARY KEY (account_id, group_name, name))
            """,
            """
            CREATE TABLE log_events (sequence INTEGER PRIMARY KEY, account_id TEXT NOT NULL, group_name TEXT NOT NULL,
                stream_name TEXT NOT NULL, event_time INTEGER NOT NULL, ingestion_time INTEGER NOT NULL, message TEXT NOT NULL)
            """,
            "CREATE INDEX log_events_by_time ON log_events (account_id, group_name, event_time, sequence)",
            "CREATE INDEX log_events_by_stream ON log_events (account_id, group_name, stream_name, event_time, sequence)",
        ]),
        // Log groups with a KMS key seal their events under a group data key, named beside each event.
        (17, [
            "ALTER TABLE log_events ADD COLUMN data_key TEXT",
        ]),
        // Session Manager sessions: the record as a body beside the columns DescribeSessions filters on.
        (18, [
            """
            CREATE TABLE sessions (session_id TEXT PRIMARY KEY, account_id TEXT NOT NULL, target TEXT NOT NULL, owner TEXT NOT NULL,
                status TEXT NOT NULL, active INTEGER NOT NULL, start_date REAL NOT NULL, body TEXT NOT NULL)
            """,
            "CREATE INDEX sessions_by_account ON sessions (account_id, active, start_date)",
        ]),
    ]

    /// Applies every migration newer than the recorded version.
    static func run(on database: any SQLDatabase) async throws {
        try await database.raw("CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at REAL NOT NULL)").run()
        let rows = try await database.raw("SELECT MAX(version) AS version FROM schema_migrations").all()
        let current = try rows.first?.decode(column: "version", as: Int?.self) ?? 0
        for migration in all where migration.version > current {
            try await database.raw("BEGIN").run()
            do {
                for statement in migration.statements {
                    try await database.raw(SQLQueryString(statement)).run()
                }
                try await database.raw("INSERT INTO schema_migrations (version, applied_at) VALUES (\(bind: migration.version), strftime('%s','now'))").run()
                try await database.raw("COMMIT").run()
            } catch {
                try? await database.raw("ROLLBACK").run()
                throw error
            }
        }
    }
}
