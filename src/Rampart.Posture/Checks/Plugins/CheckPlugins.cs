using System.Collections.Frozen;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>The plugins a check file can name with <c>plugin:</c>, each with the one resource type it judges.</summary>
internal static class CheckPlugins
{
    public delegate CheckPlugin? Factory(JsonElement parameters, Action<string> problem);

    private static readonly FrozenDictionary<string, (string Subject, Factory Create)> All = new Dictionary<string, (string, Factory)>(StringComparer.Ordinal)
    {
        ["metric-alarm-chain"] = (ResourceTypes.Account, MetricAlarmChain.Create),
        ["account-trail"] = (ResourceTypes.Account, AccountTrail.Create),
        ["vpc-flow-logs"] = ("AWS::EC2::VPC", VpcFlowLogs.Create),
        ["trail-bucket"] = (TrailFacts.Type, TrailBucket.Create),
        ["root-hardware-mfa"] = (ResourceTypes.Account, RootHardwareMfa.Create),
        ["s3-object-events"] = ("AWS::S3::Bucket", S3ObjectEvents.Create),
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The plugins' names, ordered.</summary>
    public static IEnumerable<string> Names => All.Keys.Order(StringComparer.Ordinal);

    /// <summary>The resource type a plugin judges, or null for an unknown plugin.</summary>
    public static string? SubjectOf(string name) => All.TryGetValue(name, out var plugin) ? plugin.Subject : null;

    /// <summary>Creates a plugin from its parameters; null, with problems reported, when they are wrong.</summary>
    public static CheckPlugin? Create(string name, JsonElement parameters, Action<string> problem) =>
        All.TryGetValue(name, out var plugin) ? plugin.Create(parameters, problem) : null;
}
