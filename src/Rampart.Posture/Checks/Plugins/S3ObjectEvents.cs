using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>s3-object-events</c>: every bucket's object-level <c>access: write</c> (or <c>read</c>) events are recorded by a
/// logging trail of its account that covers its region — by basic selectors on <c>AWS::S3::Object</c> (all buckets, or
/// this one) with a matching read/write type, or by advanced selectors on the <c>Data</c> category and
/// <c>AWS::S3::Object</c> resources that do not narrow the events to the other kind or away from the bucket.
/// </summary>
internal sealed class S3ObjectEvents(bool write) : CheckPlugin
{
    private const string Bucket = "AWS::S3::Bucket";

    public override ImmutableArray<string> Reads { get; } = [TrailFacts.Type];

    /// <summary>Reads <c>{access: write | read}</c>.</summary>
    public static CheckPlugin? Create(JsonElement parameters, Action<string> problem)
    {
        switch (PluginFacts.Text(parameters, "access"))
        {
            case "write":
                return new S3ObjectEvents(write: true);
            case "read":
                return new S3ObjectEvents(write: false);
            default:
                problem("`parameters.access` must be `write` or `read`");
                return null;
        }
    }

    // A changed bucket changes only its own result; a trail, any bucket of its account (of every account for an
    // organization trail).
    public override JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory) =>
        Core.Guard.NotNull(resource).Type == Bucket ? JudgeScope.Only(resource.Key) : PluginFacts.AccountScope(resource, Core.Guard.NotNull(inventory));

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        // Each logging trail's selectors are read once per account, into a test of bucket names.
        var trails = new Dictionary<string, List<(TrailFacts Trail, Func<string, bool> Covers)>>(StringComparer.Ordinal);
        foreach (var bucket in PluginFacts.Subjects(inventory, Bucket, scope))
        {
            var region = Region(bucket);
            if (!trails.TryGetValue(bucket.Account, out var ofAccount))
            {
                trails[bucket.Account] = ofAccount = [.. TrailFacts.In(inventory, bucket.Account)
                    .Where(static t => t.Logging != false)
                    .Select(t => (t, Coverage(PluginFacts.Supplement(t.Resource, "EventSelectors"))))];
            }

            var trail = ofAccount
                .Where(t => t.Trail.MultiRegion || t.Trail.Resource.Region == region || region is null)
                .FirstOrDefault(t => t.Covers(bucket.Id)).Trail;
            yield return trail is not null
                ? new PluginJudgement(bucket, CheckStatus.Pass, PluginFacts.Evidence(("trail", trail.Resource.Key)))
                : new PluginJudgement(bucket, CheckStatus.Fail, PluginFacts.Evidence(
                    ("reason", $"no logging trail of the account records the bucket's object-level {(write ? "write" : "read")} events")));
        }
    }

    private static string? Region(CloudResource bucket) =>
        bucket.Region != ResourceKeys.Global ? bucket.Region : PluginFacts.Text(bucket.Configuration, "LocationConstraint") ?? PluginFacts.Text(bucket.Configuration, "BucketRegion");

    // The buckets whose object events of the wanted kind the selectors record.
    private Func<string, bool> Coverage(JsonElement selectors)
    {
        var wanted = write ? "WriteOnly" : "ReadOnly";
        var values = new List<string>();
        foreach (var selector in PluginFacts.Items(selectors, "EventSelectors"))
        {
            var kind = PluginFacts.Text(selector, "ReadWriteType") ?? "All";
            if (kind != "All" && kind != wanted)
                continue;
            values.AddRange(PluginFacts.Items(selector, "DataResources")
                .Where(static r => PluginFacts.Text(r, "Type") == "AWS::S3::Object")
                .SelectMany(static r => PluginFacts.Items(r, "Values"))
                .Where(static v => v.ValueKind == JsonValueKind.String)
                .Select(static v => v.GetString()!));
        }

        // Fields an advanced selector may narrow by that this reading does not follow: such a selector covers nothing.
        string[] understood = ["eventCategory", "resources.type", "readOnly", "resources.ARN"];
        var advanced = new List<(string[] Starts, bool Narrowed, string[] Excluded)>();
        foreach (var selector in PluginFacts.Items(selectors, "AdvancedEventSelectors"))
        {
            var fields = PluginFacts.Items(selector, "FieldSelectors").ToList();
            string[] Values(string field, string how) =>
                [.. fields.Where(f => PluginFacts.Text(f, "Field") == field).SelectMany(f => PluginFacts.Items(f, how)).Select(static v => v.ToString())];
            if (!Values("eventCategory", "Equals").Contains("Data") || !Values("resources.type", "Equals").Contains("AWS::S3::Object"))
                continue;
            if (fields.Any(f => !understood.Contains(PluginFacts.Text(f, "Field")))
                || fields.Any(static f => PluginFacts.Text(f, "Field") == "resources.ARN"
                    && (PluginFacts.Items(f, "EndsWith").Any() || PluginFacts.Items(f, "NotEndsWith").Any() || PluginFacts.Items(f, "NotEquals").Any())))
                continue;
            var readOnly = Values("readOnly", "Equals");
            if (readOnly.Length > 0 && !readOnly.Contains(write ? "false" : "true", StringComparer.OrdinalIgnoreCase))
                continue;
            var starts = Values("resources.ARN", "StartsWith");
            advanced.Add((starts, starts.Length > 0 || Values("resources.ARN", "Equals").Length > 0, Values("resources.ARN", "NotStartsWith")));
        }

        if (values.Any(static v => v is "arn:aws:s3" or "arn:aws:s3:::") || advanced.Any(static a => !a.Narrowed && a.Excluded.Length == 0))
            return static _ => true;
        return bucket =>
        {
            var arn = "arn:aws:s3:::" + bucket + "/";
            // A value names the whole bucket (`arn:aws:s3:::NAME/`); a longer one names only a prefix inside it.
            return values.Any(v => v == arn)
                || advanced.Any(a => (!a.Narrowed || a.Starts.Any(s => arn.StartsWith(s, StringComparison.Ordinal)))
                    && !a.Excluded.Any(s => arn.StartsWith(s, StringComparison.Ordinal)));
        };
    }
}
