using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Content;

/// <summary>Every CIS AWS Foundations monitoring indicator has a rule in our pack that catches the calls its filter names.</summary>
public sealed partial class CisMonitoringTests
{
    [SkippableFact]
    public void EveryIndicatorHasARuleThatCatchesEveryCallItsFilterNames()
    {
        var controls = Datasets.Require("monitoring/cis-aws-monitoring-metric-filters.json");
        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Load([RepositoryPaths.Combine("content", "detections")], SigmaOptions.Default, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutableArray()));

        using var document = JsonDocument.Parse(File.ReadAllText(controls));
        var checkedCalls = 0;
        foreach (var control in document.RootElement.GetProperty("controls").EnumerateArray())
        {
            var number = control.GetProperty("cis_v1_4_to_v5_0").GetString()!;
            var pattern = control.GetProperty("filter_pattern").GetString()!;
            var rule = Assert.Single(rules.Rules, rule => rule.Tags.Contains("cis." + number));
            var source = EventSource().Match(pattern) is { Success: true } sourceMatch ? sourceMatch.Groups[1].Value : "example.amazonaws.com";
            foreach (Match name in EventName().Matches(pattern))
            {
                var call = JsonLogEvent.Parse(
                    $$$"""{"eventSource":"{{{source}}}","eventName":"{{{name.Groups[1].Value}}}","errorMessage":"Failed authentication","additionalEventData":{"MFAUsed":"No"},"userIdentity":{"type":"IAMUser"}}""",
                    LogSourceTypes.CloudTrail);
                var matched = new List<SigmaRule>();
                rules.Match(call, matched);
                Assert.True(matched.Contains(rule), $"CIS {number} '{rule.Title}' misses {name.Groups[1].Value}");
                checkedCalls++;
            }
        }

        Assert.True(checkedCalls >= 80, $"only {checkedCalls} calls checked");
    }

    [GeneratedRegex("""eventName\s*=\s*"?([A-Za-z0-9]+)"?""")]
    private static partial Regex EventName();

    [GeneratedRegex("""eventSource\s*=\s*"?([a-z0-9.]+)"?""")]
    private static partial Regex EventSource();
}
