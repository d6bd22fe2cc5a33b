using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>trail-bucket</c>: judges each trail by the bucket it delivers to. <c>require: access-logging</c> — the bucket logs
/// server access; <c>require: not-public</c> — neither its ACL nor its policy opens it to everyone, after the bucket's
/// and the account's public access blocks. A bucket the inventory does not hold (often another account's) is an ERROR
/// naming it.
/// </summary>
internal sealed class TrailBucket(bool logging) : CheckPlugin
{
    private const string Trail = TrailFacts.Type;
    private const string Bucket = "AWS::S3::Bucket";

    private static readonly string[] PublicGroups = ["http://acs.amazonaws.com/groups/global/AllUsers", "http://acs.amazonaws.com/groups/global/AuthenticatedUsers"];

    public override ImmutableArray<string> Reads { get; } = [Bucket, ResourceTypes.AccountPublicAccessBlock];

    /// <summary>Reads <c>{require: access-logging | not-public}</c>.</summary>
    public static CheckPlugin? Create(JsonElement parameters, Action<string> problem)
    {
        switch (PluginFacts.Text(parameters, "require"))
        {
            case "access-logging":
                return new TrailBucket(logging: true);
            case "not-public":
                return new TrailBucket(logging: false);
            default:
                problem("`parameters.require` must be `access-logging` or `not-public`");
                return null;
        }
    }

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        foreach (var trail in PluginFacts.Subjects(inventory, Trail, scope).Select(TrailFacts.Of))
        {
            if (trail.Bucket is null)
            {
                yield return new PluginJudgement(trail.Resource, CheckStatus.Error, [], "the trail names no S3 bucket");
                continue;
            }

            var bucket = inventory.Find(ResourceKeys.For(Bucket, trail.Resource.Account, ResourceKeys.Global, trail.Bucket));
            if (bucket is null)
            {
                yield return new PluginJudgement(trail.Resource, CheckStatus.Error, PluginFacts.Evidence(("bucket", trail.Bucket)),
                    $"bucket {trail.Bucket} is not in the inventory (it may belong to another account); collect it to judge it");
                continue;
            }

            yield return logging ? Logging(trail, bucket) : NotPublic(inventory, trail, bucket, now);
        }
    }

    // A changed trail changes only its own result. A trail often writes to a central bucket of another account: a change
    // to the bucket, or to its account's public access block, reaches the trails that write there, wherever they are.
    public override JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory)
    {
        Core.Guard.NotNull(resource);
        Core.Guard.NotNull(inventory);
        if (resource.Type == Trail)
            return JudgeScope.Only(resource.Key);
        Func<TrailFacts, bool> writesThere = resource.Type switch
        {
            Bucket => trail => trail.Bucket == resource.Id,
            _ => trail => trail.Bucket is not null
                && inventory.Find(ResourceKeys.For(Bucket, trail.Resource.Account, ResourceKeys.Global, trail.Bucket))?.Account == resource.Account,
        };
        return JudgeScope.Only(inventory.OfType(Trail).Select(TrailFacts.Of).Where(writesThere).Select(static t => t.Resource.Key));
    }

    private static PluginJudgement Logging(TrailFacts trail, CloudResource bucket)
    {
        var configuration = PluginFacts.Supplement(bucket, "BucketLoggingConfiguration");
        if (configuration.ValueKind != JsonValueKind.Object)
            return new PluginJudgement(trail.Resource, CheckStatus.Error, PluginFacts.Evidence(("bucket", bucket.Key)), $"the logging configuration of bucket {trail.Bucket} was not collected (s3api get-bucket-logging)");
        var target = configuration.TryGetProperty("LoggingEnabled", out var enabled) ? PluginFacts.Text(enabled, "TargetBucket") : null;
        return new PluginJudgement(trail.Resource, target is { Length: > 0 } ? CheckStatus.Pass : CheckStatus.Fail,
            PluginFacts.Evidence(("bucket", bucket.Key), ("loggingTo", target), ("reason", target is { Length: > 0 } ? null : "the trail's bucket does not log server access")));
    }

    private static PluginJudgement NotPublic(ResourceInventory inventory, TrailFacts trail, CloudResource bucket, DateTimeOffset now)
    {
        var block = PluginFacts.Supplement(bucket, "PublicAccessBlockConfiguration");
        var account = inventory.OfType(ResourceTypes.AccountPublicAccessBlock, bucket.Account, ResourceKeys.Global).FirstOrDefault()?.Configuration ?? default;
        bool Blocked(string setting) => PluginFacts.Flag(block, setting) == true || PluginFacts.Flag(account, setting) == true;

        var reasons = new List<string>();
        var acl = PluginFacts.Supplement(bucket, "AccessControlList");
        var grants = PluginFacts.Items(acl, "Grants")
            .Where(static g => g.TryGetProperty("Grantee", out var grantee) && PublicGroups.Contains(PluginFacts.Text(grantee, "URI")))
            .Select(static g => PluginFacts.Text(g, "Permission") + " to " + PluginFacts.Text(g.GetProperty("Grantee"), "URI"))
            .ToList();
        if (grants.Count > 0 && !Blocked("IgnorePublicAcls"))
            reasons.Add("its ACL grants " + string.Join(", ", grants));

        var status = PluginFacts.Supplement(bucket, "BucketPolicyStatus");
        var policy = PluginFacts.Supplement(bucket, "BucketPolicy");
        var publicPolicy = PluginFacts.Flag(status, "IsPublic");
        if (publicPolicy is null && policy.ValueKind is JsonValueKind.Object or JsonValueKind.String)
        {
            var view = new ResourceView(bucket, now);
            if (PolicyProbes.Read(view, PathValue.Of(policy)) is { } compiled)
                publicPolicy = PolicyProbes.AllowsPublic(view, compiled);
            else
                return new PluginJudgement(trail.Resource, CheckStatus.Error, PluginFacts.Evidence(("bucket", bucket.Key)), view.Error);
        }

        if (publicPolicy == true && !Blocked("RestrictPublicBuckets"))
            reasons.Add("its policy allows anyone");
        return new PluginJudgement(trail.Resource, reasons.Count == 0 ? CheckStatus.Pass : CheckStatus.Fail,
            PluginFacts.Evidence(("bucket", bucket.Key), ("reason", reasons.Count == 0 ? null : "the trail's bucket is public: " + string.Join("; ", reasons))));
    }
}
