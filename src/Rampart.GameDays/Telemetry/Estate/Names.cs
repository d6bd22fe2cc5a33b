namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>Word lists the estate is named from. Invented for the generator; any likeness is chance.</summary>
internal static class Names
{
    public const string Company = "acme";

    public static readonly string[] AccountPurposes = ["prod", "staging", "security", "dev", "data", "shared-services", "sandbox", "log-archive"];

    public static readonly string[] FirstNames =
    [
        "alice", "bruno", "chen", "dana", "emeka", "farah", "goran", "hana", "ivan", "jules", "kofi", "lena", "marco", "nadia",
        "oscar", "priya", "quentin", "rosa", "sven", "tomas", "uma", "viktor", "wen", "yusuf", "zara", "aiko", "bram", "carla",
    ];

    public static readonly string[] LastNames =
    [
        "alvarez", "becker", "costa", "dubois", "eriksen", "fischer", "garcia", "haddad", "ito", "jensen", "kowalski", "lindqvist",
        "moreau", "novak", "okafor", "petrov", "quinn", "rossi", "santos", "tanaka", "umarov", "varga", "weber", "xu", "yilmaz", "zhou",
    ];

    public static readonly string[] Workloads =
    [
        "orders-api", "payments", "checkout", "catalog", "search-indexer", "ingest", "reporting", "notifications", "auth-service",
        "image-resizer", "billing-export", "etl-nightly", "fraud-scoring", "inventory-sync", "webhooks", "recommendations",
    ];

    public static readonly string[] AutomationUsers = ["ci-deployer", "terraform", "backup-agent", "legacy-sftp", "monitoring-export", "jenkins"];

    public static readonly string[] SsoPermissionSets = ["AdministratorAccess", "PowerUserAccess", "ReadOnlyAccess", "SecurityAudit", "DataEngineer", "BillingViewer"];

    public static readonly string[] CostCenters = ["cc-1042", "cc-2210", "cc-3307", "cc-4100", "cc-5521"];

    public static readonly string[] BucketPurposes = ["data-lake", "static-assets", "uploads", "backups", "athena-results", "terraform-state", "exports", "artifacts"];

    public static readonly string[] ParameterPaths = ["db-host", "db-port", "feature-flags", "api-base-url", "queue-url", "log-level", "cache-endpoint"];

    public static readonly string[] Tables = ["orders", "sessions", "customers", "inventory", "idempotency-keys", "audit-events", "carts"];

    public static readonly string[] Repositories = ["orders-api", "payments", "checkout-web", "base-images/python", "base-images/node", "ingest-worker"];

    public static readonly string[] Clusters = ["prod-apps", "batch", "internal-tools"];

    public static readonly string[] Alarms = ["HighCPU-orders-api", "5xx-rate-checkout", "QueueDepth-ingest", "DBConnections-high", "Lambda-errors-payments"];

    public static readonly string[] Metrics = ["CPUUtilization", "NetworkIn", "NetworkOut", "StatusCheckFailed", "DiskReadOps"];

    public static readonly string[] Stacks = ["network-baseline", "orders-api", "payments", "observability", "security-baseline", "data-pipeline"];

    public static readonly string[] Queues = ["orders-events", "ingest-jobs", "notifications", "dead-letter"];

    /// <summary>SaaS and package hosts workloads resolve besides AWS endpoints.</summary>
    public static readonly string[] ExternalHosts =
    [
        "api.github.com.", "github.com.", "registry.npmjs.org.", "pypi.org.", "files.pythonhosted.org.", "hooks.slack.com.",
        "api.stripe.com.", "api.datadoghq.com.", "http-intake.logs.datadoghq.com.", "sentry.io.", "o123456.ingest.sentry.io.",
        "repo.maven.apache.org.", "deb.debian.org.", "security.ubuntu.com.", "ntp.ubuntu.com.", "login.microsoftonline.com.",
        "oauth2.googleapis.com.", "api.twilio.com.", "cdn.jsdelivr.net.", "auth.docker.io.", "registry-1.docker.io.",
        "production.cloudflare.docker.com.", "objects.githubusercontent.com.", "api.segment.io.", "events.pagerduty.com.",
    ];
}
