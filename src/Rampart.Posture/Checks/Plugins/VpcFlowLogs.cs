using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>vpc-flow-logs</c>: every VPC has an active flow log whose traffic type is one of <c>traffic</c> (default
/// <c>[ALL, REJECT]</c>: rejected traffic at least).
/// </summary>
internal sealed class VpcFlowLogs(ImmutableArray<string> traffic) : CheckPlugin
{
    private const string Vpc = "AWS::EC2::VPC";
    private const string FlowLog = "AWS::EC2::FlowLog";

    private static readonly string[] TrafficTypes = ["ALL", "REJECT", "ACCEPT"];

    public override ImmutableArray<string> Reads { get; } = [FlowLog];

    /// <summary>Reads <c>{traffic: [ALL, REJECT]}</c> (optional).</summary>
    public static CheckPlugin? Create(JsonElement parameters, Action<string> problem)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("traffic", out var list))
            return new VpcFlowLogs(["ALL", "REJECT"]);
        if (list.ValueKind != JsonValueKind.Array || list.GetArrayLength() == 0
            || list.EnumerateArray().Any(static t => t.ValueKind != JsonValueKind.String || !TrafficTypes.Contains(t.GetString())))
        {
            problem("`parameters.traffic` must be a non-empty list of ALL, REJECT, ACCEPT");
            return null;
        }

        return new VpcFlowLogs([.. list.EnumerateArray().Select(static t => t.GetString()!)]);
    }

    // A changed VPC changes only its own result; a flow log, any VPC of its account.
    public override JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory) =>
        Core.Guard.NotNull(resource).Type == Vpc ? JudgeScope.Only(resource.Key) : JudgeScope.Account(resource.Account);

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        var vpcs = PluginFacts.Subjects(inventory, Vpc, scope).ToList();
        var byVpc = vpcs.Select(static v => v.Account).Distinct(StringComparer.Ordinal).SelectMany(account => inventory.OfType(FlowLog, account))
            .Where(static f => PluginFacts.Text(f.Configuration, "ResourceId") is not null)
            .ToLookup(static f => (f.Region, PluginFacts.Text(f.Configuration, "ResourceId")!));
        foreach (var vpc in vpcs)
        {
            var id = PluginFacts.Text(vpc.Configuration, "VpcId") ?? vpc.Id;
            var logs = byVpc[(vpc.Region, id)]
                .Select(static f => (Id: PluginFacts.Text(f.Configuration, "FlowLogId") ?? f.Id, Status: PluginFacts.Text(f.Configuration, "FlowLogStatus") ?? "ACTIVE", Traffic: PluginFacts.Text(f.Configuration, "TrafficType") ?? "?"))
                .ToList();
            var described = logs.Select(static l => $"{l.Id}: {l.Traffic}, {l.Status}").ToList();
            var good = logs.FirstOrDefault(l => l.Status == "ACTIVE" && traffic.Contains(l.Traffic));
            yield return good.Id is not null
                ? new PluginJudgement(vpc, CheckStatus.Pass, PluginFacts.Evidence(("vpc", id), ("flowLogs", described)))
                : new PluginJudgement(vpc, CheckStatus.Fail, PluginFacts.Evidence(
                    ("reason", logs.Count == 0 ? "the VPC has no flow log" : $"no active flow log records {string.Join(" or ", traffic)} traffic"),
                    ("vpc", id),
                    ("flowLogs", described)));
        }
    }
}
