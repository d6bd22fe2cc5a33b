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

    public override ImmutableArray<string> Reads { get; } = ["AWS::CloudTrail::Trail"];

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

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, IReadOnlySet<string>? accounts = null)
    {
        var trails = new Dictionary<string, List<TrailFacts>>(StringComparer.Ordinal);
        foreach (var bucket in PluginFacts.Subjects(inventory, Bucket, accounts))
        {
            var region = Region(bucket);
            if (!trails.TryGetValue(bucket.Account, out var ofAccount))
                trails[bucket.Account] = ofAccount = [.. TrailFacts.In(inventory, bucket.Account)];
            var trail = ofAccount
                .Where(t => t.Logging != false && (t.MultiRegion || t.Resource.Region == region || region is null))
                .FirstOrDefault(t => Covers(PluginFacts.Supplement(t.Resource, "EventSelectors"), bucket.Id));
            yield return trail is not null
                ? new PluginJudgement(bucket, CheckStatus.Pass, PluginFacts.Evidence(("trail", trail.Resource.Key)))
                : new PluginJudgement(bucket, CheckStatus.Fail, PluginFacts.Evidence(
                    ("reason", $"no logging trail of the account records the bucket's object-level {(write ? "write" : "read")} events")));
        }
    }

    private static string? Region(CloudResource bucket) =>
        bucket.Region != ResourceKeys.Global ? bucket.Region : PluginFacts.Text(bucket.Configuration, "LocationConstraint") ?? PluginFacts.Text(bucket.Configuration, "BucketRegion");

    private bool Covers(JsonElement selectors, string bucket)
    {
        var wanted = write ? "WriteOnly" : "ReadOnly";
        foreach (var selector in PluginFacts.Items(selectors, "EventSelectors"))
        {
            var kind = PluginFacts.Text(selector, "ReadWriteType") ?? "All";
            if (kind != "All" && kind != wanted)
                continue;
            foreach (var resource in PluginFacts.Items(selector, "DataResources").Where(static r => PluginFacts.Text(r, "Type") == "AWS::S3::Object"))
            {
                if (PluginFacts.Items(resource, "Values").Any(v => v.ValueKind == JsonValueKind.String && Names(v.GetString()!, bucket)))
                    return true;
            }
        }

        foreach (var selector in PluginFacts.Items(selectors, "AdvancedEventSelectors"))
        {
            var fields = PluginFacts.Items(selector, "FieldSelectors").ToList();
            string[] Values(string field, string how) =>
                [.. fields.Where(f => PluginFacts.Text(f, "Field") == field).SelectMany(f => PluginFacts.Items(f, how)).Select(static v => v.ToString())];
            if (!Values("eventCategory", "Equals").Contains("Data") || !Values("resources.type", "Equals").Contains("AWS::S3::Object"))
                continue;
            var readOnly = Values("readOnly", "Equals");
            if (readOnly.Length > 0 && !readOnly.Contains(write ? "false" : "true", StringComparer.OrdinalIgnoreCase))
                continue;
            var arn = "arn:aws:s3:::" + bucket + "/";
            var starts = Values("resources.ARN", "StartsWith");
            var equals = Values("resources.ARN", "Equals");
            if ((starts.Length > 0 || equals.Length > 0) && !starts.Any(s => arn.StartsWith(s, StringComparison.Ordinal)))
                continue;
            if (Values("resources.ARN", "NotStartsWith").Any(s => arn.StartsWith(s, StringComparison.Ordinal)))
                continue;
            return true;
        }

        return false;
    }

    // `arn:aws:s3` (every bucket), `arn:aws:s3:::` likewise, or `arn:aws:s3:::BUCKET/…`.
    private static bool Names(string value, string bucket) =>
        value is "arn:aws:s3" or "arn:aws:s3:::" || value.StartsWith("arn:aws:s3:::" + bucket + "/", StringComparison.Ordinal);
}
