using System.Runtime.CompilerServices;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// The monitoring resources of one inventory, indexed for the fifteen monitoring-chain checks: metric filters by log
/// group, alarms by the metrics they watch, confirmed subscribers by topic. Built once per inventory (inventories never
/// change) on first use, and shared by every check and thread.
/// </summary>
internal sealed class MonitoringIndex
{
    private static readonly ConditionalWeakTable<ResourceInventory, MonitoringIndex> Indexes = [];

    private readonly Dictionary<(string Account, string Region, string Group), List<Filter>> _filters = [];
    private readonly Dictionary<(string Account, string Region, string Namespace, string Metric), List<CloudResource>> _alarms = [];
    private readonly Dictionary<string, int> _subscribers = new(StringComparer.Ordinal);

    private MonitoringIndex(ResourceInventory inventory)
    {
        foreach (var filter in inventory.OfType("AWS::Logs::MetricFilter"))
        {
            if (PluginFacts.Text(filter.Configuration, "logGroupName") is not { } group)
                continue;
            var key = (filter.Account, filter.Region, group);
            if (!_filters.TryGetValue(key, out var list))
                _filters[key] = list = [];
            list.Add(new Filter(filter, PluginFacts.Text(filter.Configuration, "filterName") ?? filter.Id, PluginFacts.Text(filter.Configuration, "filterPattern") ?? ""));
        }

        foreach (var alarm in inventory.OfType("AWS::CloudWatch::Alarm"))
        {
            // An alarm on the metric itself, or a metric-math alarm one of whose metrics is it.
            var metrics = PluginFacts.Items(alarm.Configuration, "Metrics")
                .Select(static m => m.TryGetProperty("MetricStat", out var stat) && stat.TryGetProperty("Metric", out var metric) ? metric : default)
                .Append(alarm.Configuration);
            foreach (var metric in metrics)
            {
                if (PluginFacts.Text(metric, "Namespace") is not { } space || PluginFacts.Text(metric, "MetricName") is not { } name)
                    continue;
                var key = (alarm.Account, alarm.Region, space, name);
                if (!_alarms.TryGetValue(key, out var list))
                    _alarms[key] = list = [];
                if (!list.Contains(alarm))
                    list.Add(alarm);
            }
        }

        // Confirmed subscriptions listed as resources, or else the count get-topic-attributes gives.
        foreach (var subscription in inventory.OfType("AWS::SNS::Subscription"))
        {
            if (PluginFacts.Text(subscription.Configuration, "TopicArn") is { } topic
                && PluginFacts.Text(subscription.Configuration, "SubscriptionArn") is { } arn && arn.StartsWith("arn:", StringComparison.Ordinal))
                _subscribers[topic] = _subscribers.GetValueOrDefault(topic) + 1;
        }

        foreach (var topic in inventory.OfType("AWS::SNS::Topic"))
        {
            if ((PluginFacts.Text(topic.Configuration, "TopicArn") ?? topic.Key) is { } arn && !_subscribers.ContainsKey(arn)
                && int.TryParse(PluginFacts.Text(topic.Configuration, "SubscriptionsConfirmed"), out var confirmed))
                _subscribers[arn] = confirmed;
        }
    }

    /// <summary>The index of <paramref name="inventory"/>.</summary>
    public static MonitoringIndex Of(ResourceInventory inventory) => Indexes.GetValue(inventory, static i => new MonitoringIndex(i));

    /// <summary>The metric filters on a log group.</summary>
    public IReadOnlyList<Filter> FiltersOn(string account, string region, string group) =>
        _filters.TryGetValue((account, region, group), out var list) ? list : [];

    /// <summary>The alarms watching a metric.</summary>
    public IReadOnlyList<CloudResource> AlarmsOn(string account, string region, string? space, string? metric) =>
        space is not null && metric is not null && _alarms.TryGetValue((account, region, space, metric), out var list) ? list : [];

    /// <summary>The confirmed subscribers of a topic.</summary>
    public int Subscribers(string topic) => _subscribers.GetValueOrDefault(topic);

    /// <summary>A metric filter with its name and pattern.</summary>
    public sealed record Filter(CloudResource Resource, string Name, string Pattern);
}
