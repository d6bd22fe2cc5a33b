using System.Text.Json;
using Rampart.Core.Events;
using Rampart.GameDays.Telemetry;
using Rampart.Testing;

namespace Rampart.GameDays.Tests;

/// <summary>Checks each attack's claim that named SigmaHQ rules fire on its records, against the real rule files.</summary>
[Collection(GeneratedTelemetryGroup.Name)]
public sealed class SigmaRuleTests(GeneratedTelemetry generated)
{
    // SigmaHQ's DNS rules use the generic field `query`; Resolver logs call it `query_name`.
    private static readonly Dictionary<string, string> DnsFields = new() { ["query"] = "query_name" };

    private static Dictionary<string, string> RuleFiles()
    {
        var files = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in new[] { "sigma/aws/rules", "sigma/network/rules" })
        {
            foreach (var path in Directory.EnumerateFiles(Datasets.Require(folder), "*.yml", SearchOption.AllDirectories))
            {
                var id = File.ReadLines(path).First(line => line.StartsWith("id:", StringComparison.Ordinal))[3..].Trim();
                files[id] = path;
            }
        }

        return files;
    }

    private List<JsonElement> Records(InjectedAttack attack) => attack.SourceType switch
    {
        LogSourceTypes.CloudTrail => attack.Records.Select(record => TelemetryFiles.CloudTrailRecords(generated.FullPath(record.Path))[record.Index]).ToList(),
        LogSourceTypes.Route53Resolver => attack.Records.Select(record => JsonDocument.Parse(TelemetryFiles.Lines(generated.FullPath(record.Path))[record.Index]).RootElement.Clone()).ToList(),
        _ => [],
    };

    [SkippableFact]
    public void EveryExpectedRuleExistsInSigmaHqWithTheTitleTheManifestGives()
    {
        var files = RuleFiles();
        var expected = generated.Manifest.Attacks.SelectMany(attack => attack.ExpectedRules).Distinct().ToList();
        Assert.True(expected.Count >= 15);
        foreach (var rule in expected)
        {
            Assert.True(files.TryGetValue(rule.Id, out var path), rule.Id + " " + rule.Title);
            Assert.Equal(rule.Title, SigmaSubset.Load(path).Title);
        }
    }

    [SkippableFact]
    public void EveryExpectedRuleMatchesAtLeastOneRecordOfItsAttack()
    {
        var files = RuleFiles();
        foreach (var attack in generated.Manifest.Attacks.Where(attack => attack.ExpectedRules.Length > 0))
        {
            var records = Records(attack);
            foreach (var expected in attack.ExpectedRules)
            {
                var rule = SigmaSubset.Load(files[expected.Id], attack.SourceType == LogSourceTypes.Route53Resolver ? DnsFields : null);
                Assert.True(records.Any(rule.Matches), attack.Name + " does not trigger " + expected.Title);
            }
        }
    }

    [SkippableFact]
    public void ExpectedRulesDoNotMatchTheReconnaissanceCallsAroundTheAttack()
    {
        // Guards the matcher itself: a rule for StopLogging must not fire on the DescribeTrails before it.
        var files = RuleFiles();
        var attack = Assert.Single(generated.Manifest.Attacks, attack => attack.Name == "cloudtrail-stop-logging");
        var rule = SigmaSubset.Load(files[attack.ExpectedRules[0].Id]);
        var records = Records(attack);
        Assert.False(rule.Matches(records.Single(record => record.GetProperty("eventName").GetString() == "DescribeTrails")));
        Assert.True(rule.Matches(records.Single(record => record.GetProperty("eventName").GetString() == "StopLogging")));
        var mfa = SigmaSubset.Load(files["77caf516-34e5-4df9-b4db-20744fea0a60"]);
        var logins = Records(Assert.Single(generated.Manifest.Attacks, attack => attack.Name == "console-login-without-mfa"));
        Assert.Equal(1, logins.Count(mfa.Matches));
    }

    [SkippableFact]
    public void BaselineConsoleLoginsUseMfaSoTheNoMfaRuleFiresOnlyOnTheAttack()
    {
        var files = RuleFiles();
        var rule = SigmaSubset.Load(files["77caf516-34e5-4df9-b4db-20744fea0a60"]);
        var attackIds = generated.Manifest.Attacks.SelectMany(attack => attack.Records).Select(record => record.EventId).ToHashSet();
        var hits = generated.FilesOf(LogSourceTypes.CloudTrail)
            .SelectMany(file => TelemetryFiles.CloudTrailRecords(generated.FullPath(file.Path)))
            .Where(rule.Matches)
            .Select(record => record.GetProperty("eventID").GetString())
            .ToList();
        Assert.Single(hits);
        Assert.Contains(hits[0], attackIds);
    }
}
