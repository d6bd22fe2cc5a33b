using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.SigmaHQ;

/// <summary>
/// The known quirks of the SigmaHQ AWS rules: an engine that runs them unmodified must keep their
/// behaviour, mistakes included. Each test starts from a fixture event and changes the one field the
/// quirk is about, which shows both that the rule misbehaves and that the engine is not the cause.
/// </summary>
public sealed partial class SigmaHqQuirkTests
{
    [SkippableFact]
    public void TheSamlProviderDeletionRuleNeverFiresBecauseCloudTrailRecordsHaveNoStatusField()
    {
        var corpus = SigmaHqCorpus.Require();
        var deletion = SigmaHqFixtures.Get(SigmaHqQuirks.DeleteSamlProvider, 1);

        Assert.False(corpus.Fires(SigmaHqQuirks.DeleteSamlProvider, deletion.ToEvent()));
        Assert.True(corpus.Fires(SigmaHqQuirks.DeleteSamlProvider, With(deletion, e => e["status"] = "success")));
    }

    [SkippableTheory]
    [InlineData(SigmaHqQuirks.Route53TransferLockDisabled)]
    [InlineData(SigmaHqQuirks.Route53TransferredToAnotherAccount)]
    public void TheRoute53DomainRulesNeverFireBecauseDomainCallsAreRecordedByRoute53Domains(string ruleId)
    {
        var corpus = SigmaHqCorpus.Require();
        var domainCall = SigmaHqFixtures.Get(ruleId, 1);

        Assert.Equal("route53domains.amazonaws.com", JsonNode.Parse(domainCall.EventJson)!["eventSource"]!.GetValue<string>());
        Assert.False(corpus.Fires(ruleId, domainCall.ToEvent()));
        Assert.True(corpus.Fires(ruleId, With(domainCall, e => e["eventSource"] = "route53.amazonaws.com")));
    }

    [SkippableFact]
    public void TheBackdoorKeysRuleFiresWhenAUserCreatesTheirOwnKeyBecauseItsFilterComparesWithALiteral()
    {
        var corpus = SigmaHqCorpus.Require();
        var ownKey = SigmaHqFixtures.Get(SigmaHqQuirks.BackdoorUsersKeys, 2);
        var ownName = JsonNode.Parse(ownKey.EventJson)!["userIdentity"]!["userName"]!.GetValue<string>();
        Assert.Equal(ownName, JsonNode.Parse(ownKey.EventJson)!["responseElements"]!["accessKey"]!["userName"]!.GetValue<string>());

        Assert.True(corpus.Fires(SigmaHqQuirks.BackdoorUsersKeys, ownKey.ToEvent()));
        // Only an ARN that contains the field's name as text would be filtered.
        Assert.False(corpus.Fires(SigmaHqQuirks.BackdoorUsersKeys,
            With(ownKey, e => e["userIdentity"]!["arn"] = "arn:aws:iam::111122223333:user/responseElements.accessKey.userName")));
    }

    [SkippableFact]
    public void TheLoginProfileRuleFiresWhenAUserUpdatesTheirOwnProfileBecauseAnArnNeverEqualsAUserName()
    {
        var corpus = SigmaHqCorpus.Require();
        var ownProfile = SigmaHqFixtures.Get(SigmaHqQuirks.UpdateLoginProfile, 2);
        var identity = JsonNode.Parse(ownProfile.EventJson)!["userIdentity"]!;
        Assert.Equal(identity["userName"]!.GetValue<string>(), JsonNode.Parse(ownProfile.EventJson)!["requestParameters"]!["userName"]!.GetValue<string>());

        Assert.True(corpus.Fires(SigmaHqQuirks.UpdateLoginProfile, ownProfile.ToEvent()));
        // fieldref is equality: the filter only applies when the request names the caller by full ARN.
        var arn = identity["arn"]!.GetValue<string>();
        Assert.False(corpus.Fires(SigmaHqQuirks.UpdateLoginProfile, With(ownProfile, e => e["requestParameters"]!["userName"] = arn)));
    }

    [SkippableFact]
    public void ExactlyFourDatasetRulesUseErrorCodeNullToMeanSuccess()
    {
        var corpus = SigmaHqCorpus.Require();

        var users = corpus.RuleFiles.Where(pair => ErrorCodeNull().IsMatch(File.ReadAllText(pair.Value))).Select(pair => pair.Key).Order(StringComparer.Ordinal);

        Assert.Equal(SigmaHqQuirks.ErrorCodeNullMeansSuccess.Order(StringComparer.Ordinal), users);
    }

    public static TheoryData<string> ErrorCodeNullRules() => [.. SigmaHqQuirks.ErrorCodeNullMeansSuccess];

    [SkippableTheory]
    [MemberData(nameof(ErrorCodeNullRules))]
    public void AnErrorCodeNullRuleFiresWhenCloudTrailOmitsErrorCode(string ruleId)
    {
        var corpus = SigmaHqCorpus.Require();
        var success = SigmaHqFixtures.For(ruleId).First(f => f.ShouldMatch);
        Assert.Null(JsonNode.Parse(success.EventJson)!["errorCode"]);

        Assert.True(corpus.Fires(ruleId, success.ToEvent()));
        Assert.True(corpus.Fires(ruleId, With(success, e => e["errorCode"] = null)));
    }

    [SkippableTheory]
    [MemberData(nameof(ErrorCodeNullRules))]
    public void AnErrorCodeNullRuleStaysQuietWhenTheCallWasDenied(string ruleId)
    {
        var corpus = SigmaHqCorpus.Require();
        var success = SigmaHqFixtures.For(ruleId).First(f => f.ShouldMatch);

        var denied = With(success, e =>
        {
            e["errorCode"] = "AccessDenied";
            e["errorMessage"] = "Access Denied";
            e["responseElements"] = null;
        });

        Assert.False(corpus.Fires(ruleId, denied));
    }

    [SkippableFact]
    public void TheAssumeRoleMisuseRuleFiresOnEveryCallMadeWithRoleCredentialsWhateverTheCall()
    {
        var corpus = SigmaHqCorpus.Require();
        var wrong = new List<string>();
        var roleCalls = 0;

        foreach (var fixture in SigmaHqFixtures.All.Where(f => f.SourceType == LogSourceTypes.CloudTrail))
        {
            var identity = JsonNode.Parse(fixture.EventJson)!["userIdentity"];
            var byRole = identity?["type"]?.GetValue<string>() == "AssumedRole" && identity["sessionContext"]?["sessionIssuer"]?["type"]?.GetValue<string>() == "Role";
            roleCalls += byRole ? 1 : 0;
            if (corpus.Fires(SigmaHqQuirks.AssumeRoleMisuse, fixture.ToEvent()) != byRole)
                wrong.Add(fixture.ToString());
        }

        Assert.True(roleCalls > 50, $"only {roleCalls} fixture events use role credentials");
        Assert.True(wrong.Count == 0, "the rule should fire exactly on the role-credential events:\n" + string.Join('\n', wrong));
    }

    [SkippableFact]
    public void TheVmExportFailureRuleFiresOnSuccessfulExportsAndNeverOnFailedOnes()
    {
        var corpus = SigmaHqCorpus.Require();
        var success = SigmaHqFixtures.Get(SigmaHqQuirks.VmExportFailure, 1);
        var failure = SigmaHqFixtures.Get(SigmaHqQuirks.VmExportFailure, 2);

        Assert.True(corpus.Fires(SigmaHqQuirks.VmExportFailure, success.ToEvent()));
        Assert.False(corpus.Fires(SigmaHqQuirks.VmExportFailure, failure.ToEvent()));
        Assert.False(corpus.Fires(SigmaHqQuirks.VmExportFailure, With(success, e => e["errorMessage"] = "The instance could not be exported.")));
    }

    [SkippableFact]
    public void WithoutPlaceholderValuesTheConsoleLoginLocationRuleIsSkippedWithAWarning()
    {
        var folder = Datasets.Require("sigma/aws/rules-placeholder");
        var bag = new DiagnosticBag();

        var rules = SigmaRuleSet.Load([folder], SigmaOptions.Default, bag);

        Assert.DoesNotContain(rules.Rules, r => r.Id == SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces);
        Assert.Contains(bag.ToImmutableArray(), d => d.Severity == DiagnosticSeverity.Warning && d.Location.Path.EndsWith("aws_cloudtrail_console_login_success_from_susp_locations.yml", StringComparison.Ordinal));
        Assert.False(bag.HasErrors, string.Join('\n', bag.ToImmutableArray()));
    }

    [SkippableFact]
    public void WithOurPlaceholderFileTheConsoleLoginLocationRuleLoads()
    {
        var corpus = SigmaHqCorpus.Require();

        var rule = corpus.Rule(SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces);

        Assert.Equal(LogSourceTypes.CloudTrail, rule.SourceType);
        Assert.DoesNotContain(corpus.Diagnostics, d => d.Location.Path == SigmaHqFixtures.PlaceholderFile);
    }

    [SkippableFact]
    public void TheConsoleLoginLocationRuleFiresEvenFromAnAllowListedAddressBecauseCloudTrailHasNoSrcIpField()
    {
        var corpus = SigmaHqCorpus.Require();
        var allowListed = SigmaHqFixtures.Get(SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces, 2);
        Assert.Equal("203.0.113.54", JsonNode.Parse(allowListed.EventJson)!["sourceIPAddress"]!.GetValue<string>());

        Assert.True(corpus.Fires(SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces, allowListed.ToEvent()));
        // The placeholder values do reach the rule: a record that had the field would be excluded.
        Assert.False(corpus.Fires(SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces, With(allowListed, e => e["src_ip"] = "203.0.113.54")));
        Assert.False(corpus.Fires(SigmaHqQuirks.ConsoleLoginFromUnexpectedPlaces, With(allowListed, e => e["src_country"] = "NL")));
    }

    private static JsonLogEvent With(EventFixture fixture, Action<JsonObject> change)
    {
        var root = JsonNode.Parse(fixture.EventJson)!.AsObject();
        change(root);
        return JsonLogEvent.Parse(root.ToJsonString(), fixture.SourceType);
    }

    [GeneratedRegex(@"^\s+errorCode:\s*null\s*$", RegexOptions.Multiline)]
    private static partial Regex ErrorCodeNull();
}
