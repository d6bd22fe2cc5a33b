using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>metric-alarm-chain</c>: the CIS monitoring chain, per account. The account passes when a trail that records every
/// region's management events delivers to a CloudWatch Logs log group, a metric filter on that group matches every event
/// of <c>matches</c> and none of <c>rejects</c>, an alarm with actions enabled watches the filter's metric, and one of
/// the alarm's actions is an SNS topic with a confirmed subscriber. Filter patterns are run, not compared as text, so
/// any pattern that catches the indicator's events counts. A failure names the link where the best chain breaks.
/// </summary>
internal sealed class MetricAlarmChain : CheckPlugin
{
    private const string MetricFilter = "AWS::Logs::MetricFilter";
    private const string Alarm = "AWS::CloudWatch::Alarm";
    private const string Topic = "AWS::SNS::Topic";
    private const string Subscription = "AWS::SNS::Subscription";

    // A failure lists the filters it found on the trail's log group, up to this many.
    private const int ListedFilters = 25;

    private readonly ImmutableArray<JsonElement> _matches;
    private readonly ImmutableArray<JsonElement> _rejects;
    private readonly ConcurrentDictionary<string, bool> _caught = new(StringComparer.Ordinal);

    private MetricAlarmChain(ImmutableArray<JsonElement> matches, ImmutableArray<JsonElement> rejects)
    {
        _matches = matches;
        _rejects = rejects;
    }

    public override ImmutableArray<string> Reads { get; } = [TrailFacts.Type, MetricFilter, Alarm, Topic, Subscription];

    /// <summary>Reads <c>{matches: [event…], rejects: [event…]}</c>; at least one event to match.</summary>
    public static CheckPlugin? Create(JsonElement parameters, Action<string> problem)
    {
        var matches = Events(parameters, "matches", problem);
        var rejects = Events(parameters, "rejects", problem);
        if (matches.IsEmpty)
        {
            problem("`parameters.matches` must list at least one log event (an object) the metric filter has to catch");
            return null;
        }

        return new MetricAlarmChain(matches, rejects);
    }

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        foreach (var account in PluginFacts.Accounts(inventory, scope))
            yield return PluginFacts.NoTrails(inventory, account) ?? Judge(inventory, account);
    }

    // A topic (or its subscription) may be another account's: the accounts whose alarms notify it are affected too.
    public override JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory)
    {
        Core.Guard.NotNull(resource);
        Core.Guard.NotNull(inventory);
        // An organization trail's log group serves every account: a change to its filters or alarms reaches them all.
        if (resource.Type is MetricFilter or Alarm && TrailFacts.AnyOrganizationTrail(inventory))
            return new JudgeScope(inventory.Accounts, []);
        if (resource.Type is not (Topic or Subscription) || PluginFacts.Text(resource.Configuration, "TopicArn") is not { } topic)
            return PluginFacts.AccountScope(resource, inventory);
        return new JudgeScope(
            inventory.OfType(Alarm)
                .Where(a => PluginFacts.Items(a.Configuration, "AlarmActions").Any(action => action.ValueEquals(topic)))
                .Select(static a => a.Account)
                .Append(resource.Account),
            []);
    }

    /// <summary>Whether a pattern catches every event to match and none to reject.</summary>
    public bool Catches(FilterPattern pattern) => _matches.All(pattern.Matches) && !_rejects.Any(pattern.Matches);

    private PluginJudgement Judge(ResourceInventory inventory, CloudResource account)
    {
        // The deepest link reached so far, and why the chain stops there; evidence is built only for a deeper link.
        var depth = 0;
        var evidence = PluginFacts.Evidence(("reason", "no trail records every region's management events to CloudWatch Logs"), ("account", account.Account));
        void Reached(int reached, Func<ImmutableArray<CheckEvidence>> why)
        {
            if (reached <= depth)
                return;
            depth = reached;
            evidence = why();
        }

        var index = MonitoringIndex.Of(inventory);
        var groups = new HashSet<LogGroup>();
        foreach (var trail in TrailFacts.In(inventory, account.Account).Where(static t => t.RecordsAccount && t.LogGroupArn is not null))
        {
            // Several trails may deliver to one group: its chain is followed once.
            if (LogGroup.Parse(trail.LogGroupArn!) is not { } group || !groups.Add(group))
                continue;
            var filters = index.FiltersOn(group.Account, group.Region, group.Name);
            Reached(1, () => PluginFacts.Evidence(
                ("reason", $"no metric filter on log group {group.Name} catches the indicator's events"),
                ("trail", trail.Resource.Key),
                ("logGroup", trail.LogGroupArn),
                ("filtersOnGroup", filters.Take(ListedFilters).Select(static f => f.Name + ": " + f.Pattern)
                    .Concat(filters.Count > ListedFilters ? [$"… and {filters.Count - ListedFilters} more"] : []).ToList())));
            foreach (var filter in filters.Where(f => Catches(f.Pattern)))
            {
                var filterName = filter.Name;
                var pattern = filter.Pattern;
                foreach (var metric in PluginFacts.Items(filter.Resource.Configuration, "metricTransformations"))
                {
                    var name = PluginFacts.Text(metric, "metricName");
                    var space = PluginFacts.Text(metric, "metricNamespace");
                    List<(string, object?)> Chain() => [("trail", trail.Resource.Key), ("logGroup", trail.LogGroupArn), ("metricFilter", filterName), ("filterPattern", pattern), ("metric", space + "/" + name)];
                    Reached(2, () => PluginFacts.Evidence([("reason", $"no alarm watches metric {space}/{name}"), .. Chain()]));
                    foreach (var alarm in index.AlarmsOn(group.Account, group.Region, space, name))
                    {
                        var alarmName = PluginFacts.Text(alarm.Configuration, "AlarmName") ?? alarm.Id;
                        if (PluginFacts.Flag(alarm.Configuration, "ActionsEnabled") == false)
                        {
                            Reached(3, () => PluginFacts.Evidence([("reason", $"alarm {alarmName} has its actions disabled"), .. Chain(), ("alarm", alarmName)]));
                            continue;
                        }

                        Reached(3, () => PluginFacts.Evidence([("reason", $"alarm {alarmName} notifies no SNS topic"), .. Chain(), ("alarm", alarmName)]));
                        var topics = PluginFacts.Items(alarm.Configuration, "AlarmActions")
                            .Select(static a => a.ValueKind == JsonValueKind.String ? a.GetString()! : "")
                            .Where(static a => a.Split(':') is [_, _, "sns", ..]);
                        foreach (var topic in topics)
                        {
                            var subscribers = index.Subscribers(topic);
                            if (subscribers > 0)
                                return new PluginJudgement(account, CheckStatus.Pass, PluginFacts.Evidence([.. Chain(), ("alarm", alarmName), ("topic", topic), ("subscribers", subscribers)]));
                            Reached(4, () => PluginFacts.Evidence([("reason", $"topic {topic} has no confirmed subscriber"), .. Chain(), ("alarm", alarmName), ("topic", topic)]));
                        }
                    }
                }
            }
        }

        return new PluginJudgement(account, CheckStatus.Fail, evidence);
    }

    // Whether the pattern, as written, catches the events: each distinct text is parsed and run once per check.
    private bool Catches(string pattern) =>
        _caught.GetOrAdd(pattern, text => FilterPattern.TryParse(text, out _) is { } parsed && Catches(parsed));

    private static ImmutableArray<JsonElement> Events(JsonElement parameters, string name, Action<string> problem)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty(name, out var list))
            return [];
        if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(static e => e.ValueKind != JsonValueKind.Object))
        {
            problem($"`parameters.{name}` must be a list of log events (objects)");
            return [];
        }

        return [.. list.EnumerateArray().Select(static e => e.Clone())];
    }

    // arn:aws:logs:REGION:ACCOUNT:log-group:NAME, with or without the `:*` describe-trails adds.
    private sealed record LogGroup(string Region, string Account, string Name)
    {
        public static LogGroup? Parse(string arn)
        {
            var parts = arn.Split(':');
            if (parts.Length < 7 || parts[0] != "arn" || parts[2] != "logs" || parts[5] != "log-group")
                return null;
            return new LogGroup(parts[3], parts[4], parts[6]);
        }
    }
}
