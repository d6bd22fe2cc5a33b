using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;

namespace Rampart.Logs.Tests;

/// <summary>Panther's labelled test events for AWS log types, read as parser inputs in place.</summary>
public sealed class PantherTestEventTests
{
    public static TheoryData<string> VpcFlowRules => Rules("aws_vpc_flow_rules");

    public static TheoryData<string> GuardDutyRules => Rules("aws_guardduty_rules");

    public static TheoryData<string> CloudTrailRules => Rules("aws_cloudtrail_rules");

    [SkippableTheory]
    [MemberData(nameof(VpcFlowRules))]
    public void VpcFlowAndDnsTestEventsAreReadWithAwsFieldNames(string rule)
    {
        var read = 0;
        foreach (var (name, json) in Events("aws_vpc_flow_rules", rule))
        {
            // Panther's OCSF variants are another log type; its own camelCase flow and DNS records are ours.
            if (json.Contains("\"p_log_type\":\"OCSF.", StringComparison.Ordinal))
                continue;
            var isDns = json.Contains("\"query_name\"", StringComparison.Ordinal);
            var options = new LogReadOptions { Format = isDns ? LogFormat.Route53Resolver : LogFormat.VpcFlow };
            var result = LogHarness.ReadText(json, rule, options, ["dstport", "srcaddr", "query_name"]);

            Assert.True(result.Problems.IsEmpty, $"{rule} / {name}: {string.Join("; ", result.Messages)}");
            var flow = Assert.Single(result.Events);
            Assert.Equal(isDns ? LogSourceTypes.Route53Resolver : LogSourceTypes.VpcFlow, flow.SourceType);
            if (isDns)
            {
                Assert.NotNull(flow.Text("query_name"));
            }
            else if (json.Contains("\"dstPort\":", StringComparison.Ordinal))
            {
                Assert.Equal(FieldValueKind.Number, flow.Value("dstport").Kind);
                Assert.Equal(FieldValueKind.String, flow.Value("srcaddr").Kind);
            }

            read++;
        }

        Assert.True(read > 0, rule + " has no AWS test events");
    }

    [SkippableFact]
    public void WithoutAFormatPanthersLogTypeTellsFlowFromDns()
    {
        Datasets.Require("panther/rules/aws_vpc_flow_rules");
        var sources = new List<string>();
        foreach (var rule in RuleNames("aws_vpc_flow_rules"))
        {
            foreach (var (_, json) in Events("aws_vpc_flow_rules", rule))
            {
                if (!json.Contains("\"p_log_type\":\"AWS.", StringComparison.Ordinal))
                    continue;
                var result = LogHarness.ReadText(json);
                Assert.Empty(result.Problems);
                sources.Add(Assert.Single(result.Events).SourceType);
            }
        }

        Assert.Contains(LogSourceTypes.VpcFlow, sources);
        Assert.Contains(LogSourceTypes.Route53Resolver, sources);
    }

    [SkippableFact]
    public void EveryTestEventOfAnAwsLogTypeWeReadIsRecognisedByItsShapeAlone()
    {
        var expected = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS.CloudTrail"] = LogSourceTypes.CloudTrail,
            ["AWS.VPCFlow"] = LogSourceTypes.VpcFlow,
            ["AWS.VPCDns"] = LogSourceTypes.Route53Resolver,
            ["AWS.GuardDuty"] = LogSourceTypes.GuardDuty,
        };
        var root = Datasets.Require(Path.Combine("panther", "rules"));
        var read = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var file in Directory.GetFiles(root, "*.yml", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var (name, json) in PantherTestEvents.Load(file))
            {
                using var document = System.Text.Json.JsonDocument.Parse(json);
                if (document.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object
                    || !document.RootElement.TryGetProperty("p_log_type", out var type)
                    || !expected.TryGetValue(type.GetString() ?? "", out var sourceType))
                {
                    continue;
                }

                var result = LogHarness.ReadText(json, Path.GetFileName(file));

                Assert.True(result.Problems.IsEmpty, $"{file} / {name}: {string.Join("; ", result.Messages)}");
                Assert.Equal(sourceType, Assert.Single(result.Events).SourceType);
                read[sourceType] = read.GetValueOrDefault(sourceType) + 1;
            }
        }

        Assert.True(read.GetValueOrDefault(LogSourceTypes.CloudTrail) > 50, "CloudTrail test events");
        Assert.True(read.GetValueOrDefault(LogSourceTypes.VpcFlow) > 10, "VPC flow test events");
        Assert.True(read.GetValueOrDefault(LogSourceTypes.Route53Resolver) > 10, "DNS test events");
    }

    [SkippableTheory]
    [MemberData(nameof(GuardDutyRules))]
    public void GuardDutyTestEventsAreFindings(string rule)
    {
        var tests = Events("aws_guardduty_rules", rule).ToList();
        Assert.NotEmpty(tests);
        foreach (var (name, json) in tests)
        {
            var result = LogHarness.ReadText(json, rule, fields: ["type"]);

            Assert.True(result.Problems.IsEmpty, $"{rule} / {name}: {string.Join("; ", result.Messages)}");
            var finding = Assert.Single(result.Events);
            Assert.Equal(LogSourceTypes.GuardDuty, finding.SourceType);
            Assert.Equal(finding.Text("type"), finding.Summary.EventName);
        }
    }

    [SkippableTheory]
    [MemberData(nameof(CloudTrailRules))]
    public void CloudTrailTestEventsAreReadAsEvents(string rule)
    {
        foreach (var (name, json) in Events("aws_cloudtrail_rules", rule))
        {
            var result = LogHarness.ReadText(json, rule, new LogReadOptions { Format = LogFormat.CloudTrail }, ["eventName"]);

            Assert.True(result.Problems.IsEmpty, $"{rule} / {name}: {string.Join("; ", result.Messages)}");
            var read = Assert.Single(result.Events);
            Assert.Equal(LogSourceTypes.CloudTrail, read.SourceType);
            var names = read.Values("eventName");
            Assert.Equal(names.Count > 0 ? names[0].Text : null, read.Summary.EventName);
        }
    }

    private static IEnumerable<(string Name, string Json)> Events(string folder, string rule) =>
        PantherTestEvents.Load(Datasets.Require(Path.Combine("panther", "rules", folder, rule)));

    // Listed at discovery time, when the datasets may be absent: then one placeholder row, which skips.
    private static TheoryData<string> Rules(string folder)
    {
        var names = RuleNames(folder);
        return names.Count > 0 ? [.. names] : ["(datasets absent)"];
    }

    private static List<string> RuleNames(string folder)
    {
        var root = Datasets.Directory is { } datasets ? Path.Combine(datasets, "panther", "rules", folder) : null;
        if (root is null || !Directory.Exists(root))
            return [];
        return [.. Directory.GetFiles(root, "*.yml").Order(StringComparer.Ordinal).Select(file => Path.GetFileName(file))];
    }
}
