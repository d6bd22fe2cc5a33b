using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The index never changes results; matching is thread-safe and allocation-free.</summary>
public sealed partial class SigmaMatchingTests
{
    private static readonly string[] SourceTypes = [LogSourceTypes.CloudTrail, LogSourceTypes.Route53Resolver, LogSourceTypes.VpcFlow];

    [SkippableFact]
    public void TheIndexMatchesExactlyWhatTryingEveryRuleMatchesOnAMixedEventSet()
    {
        var rules = LoadEverything(out var ruleTexts);
        var events = MixedEvents(ruleTexts);
        var indexed = new List<SigmaRule>();
        var reference = new List<SigmaRule>();
        var differences = new List<string>();
        var matchCount = 0;

        foreach (var logEvent in events)
        {
            indexed.Clear();
            reference.Clear();
            rules.Match(logEvent, indexed);
            rules.MatchWithoutIndex(logEvent, reference);
            matchCount += reference.Count;
            if (!indexed.SequenceEqual(reference))
                differences.Add($"{logEvent.SourceType} {logEvent.Origin}: index [{Titles(indexed)}], every rule [{Titles(reference)}]");
        }

        Assert.True(differences.Count == 0, string.Join('\n', differences.Take(20)));
        Assert.True(events.Count > 1000, $"only {events.Count} events");
        Assert.True(matchCount > 200, $"only {matchCount} matches: the comparison would prove little");
        var cloudTrailRules = rules.Rules.Count(rule => rule.SourceType == LogSourceTypes.CloudTrail);
        Assert.True(rules.UnindexedCount(LogSourceTypes.CloudTrail) < cloudTrailRules / 2, "most CloudTrail rules should be keyed by the index");
    }

    [Fact]
    public void ManyThreadsMatchingAtOnceGetTheSameResultsAsOneThread()
    {
        var rules = LoadCases(out var ruleTexts);
        var events = MixedEvents(ruleTexts);
        var expected = events.Select(e => Titles(MatchOne(rules, e))).ToArray();
        var actual = new ConcurrentDictionary<int, string>();

        Parallel.For(0, events.Count * 4, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % events.Count;
            var titles = Titles(MatchOne(rules, events[index]));
            actual.AddOrUpdate(index, titles, (_, previous) => previous == titles ? titles : "MISMATCH " + previous + " / " + titles);
        });

        Assert.All(Enumerable.Range(0, events.Count), i => Assert.Equal(expected[i], actual[i]));
    }

    [Fact]
    public void MatchingAllocatesNothingOnceWarmedUp()
    {
        var rules = SigmaRuleSet.Parse("""
            title: Trail tampering
            id: 5e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventSource: 'cloudtrail.amazonaws.com'
                    eventName:
                        - 'StopLogging'
                        - 'DeleteTrail'
                        - 'UpdateTrail'
                        - 'PutEventSelectors'
                filter:
                    - userAgent|contains: 'terraform'
                    - sourceIPAddress|cidr: '10.0.0.0/8'
                    - userIdentity.arn|re: ':assumed-role/Deploy'
                condition: selection and not 1 of filter
            level: high
            ---
            title: Keywords
            id: 6e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
            detection:
                keywords:
                    - 'mimikatz'
                condition: keywords
            level: high
            """, "alloc.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);
        var events = new[]
        {
            Prebuilt(("eventSource", "cloudtrail.amazonaws.com"), ("eventName", "StopLogging"), ("userAgent", "aws-cli/2"), ("sourceIPAddress", "203.0.113.9"), ("userIdentity.arn", "arn:aws:sts::1:assumed-role/Admin/x")),
            Prebuilt(("eventSource", "cloudtrail.amazonaws.com"), ("eventName", "DeleteTrail"), ("userAgent", "Terraform/1.7")),
            Prebuilt(("eventSource", "s3.amazonaws.com"), ("eventName", "GetObject"), ("userAgent", "mimikatz")),
        };
        var matches = new List<SigmaRule>(16);
        for (var i = 0; i < 100; i++)
            RunAll();

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
            RunAll();
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.Equal(0, allocated);
        RunAll();
        Assert.Equal(["Trail tampering", "Keywords"], matches.Select(rule => rule.Title));

        void RunAll()
        {
            matches.Clear();
            foreach (var logEvent in events)
                rules.Match(logEvent, matches);
        }
    }

    [Fact]
    public void ARuleWhoseMostSelectiveValueIsOnAFieldNoOtherRuleUsesIsKeyedOnItsServiceInstead()
    {
        // The Lambda rule's rarest exact value lies on requestParameters.principal, a field no other rule keys on:
        // the index falls back on its eventSource, which the S3 rule shares, instead of trying it on every event.
        var rules = SigmaRuleSet.Parse("""
            title: Public function
            id: 7e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventSource: lambda.amazonaws.com
                    eventName|startswith: AddPermission
                    requestParameters.principal: '\*'
                filter:
                    requestParameters.principalOrgID|startswith: 'o-'
                condition: selection and not filter
            level: high
            ---
            title: Bucket policy
            id: 8e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventSource: s3.amazonaws.com
                    eventName|startswith: PutBucketPolicy
                condition: selection
            level: high
            """, "fallback.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);

        Assert.Equal(0, rules.UnindexedCount(LogSourceTypes.CloudTrail));
        Assert.Equal(["Public function"], MatchOne(rules, Prebuilt(("eventSource", "lambda.amazonaws.com"), ("eventName", "AddPermission20150331v2"), ("requestParameters.principal", "*"))).Select(rule => rule.Title));
        Assert.Empty(MatchOne(rules, Prebuilt(("eventSource", "s3.amazonaws.com"), ("eventName", "AddPermission"), ("requestParameters.principal", "*"))));
    }

    [Theory]
    [InlineData("StopLogging", true)]
    [InlineData("stoplogging", true)]
    [InlineData("Stop\\u004cogging", true)]
    [InlineData("StopLogging\\u00e9", false)]
    [InlineData("StopLog", false)]
    public void IndexKeysAreFoundWhetherTheValueIsPlainAsciiEscapedOrNot(string eventName, bool matches)
    {
        var rules = SigmaRuleSet.Parse("""
            title: Trail stopped
            id: 9e0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName:
                        - StopLogging
                        - DeleteTrail
                condition: selection
            level: high
            ---
            title: Trail deleted
            id: 9f0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName: DeleteTrail
                condition: selection
            level: high
            """, "keys.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);
        var logEvent = JsonLogEvent.Parse("{\"eventName\":\"" + eventName + "\"}", LogSourceTypes.CloudTrail);

        Assert.Equal(0, rules.UnindexedCount(LogSourceTypes.CloudTrail));
        Assert.Equal(matches ? ["Trail stopped"] : [], MatchOne(rules, logEvent).Select(rule => rule.Title));
    }

    [Fact]
    public void RulesKeyedOnPrefixesAreTriedOnlyOnEventsWhoseValueStartsWithOne()
    {
        var rules = SigmaRuleSet.Parse("""
            title: Read-only call
            id: 1a0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName|startswith:
                        - List
                        - Describe
                filter:
                    userIdentity.type: AWSService
                condition: selection and not filter
            level: low
            ---
            title: Listing with a short prefix
            id: 1b0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName|startswith: Li
                condition: selection
            level: low
            ---
            title: Trail deleted
            id: 1c0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName: DeleteTrail
                condition: selection
            level: high
            """, "prefixes.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);

        // Two letters key nothing; three or more do.
        Assert.Equal(1, rules.UnindexedCount(LogSourceTypes.CloudTrail));
        Assert.Equal(["Read-only call", "Listing with a short prefix"], MatchOne(rules, JsonLogEvent.Parse("""{"eventName":"listBuckets"}""", LogSourceTypes.CloudTrail)).Select(rule => rule.Title));
        Assert.Equal(["Read-only call"], MatchOne(rules, JsonLogEvent.Parse("""{"eventName":"DescribeInstances"}""", LogSourceTypes.CloudTrail)).Select(rule => rule.Title));
        Assert.Empty(MatchOne(rules, JsonLogEvent.Parse("""{"eventName":"DescribeInstances","userIdentity":{"type":"AWSService"}}""", LogSourceTypes.CloudTrail)));
        Assert.Empty(MatchOne(rules, JsonLogEvent.Parse("""{"eventName":"GetObject"}""", LogSourceTypes.CloudTrail)));
    }

    [Theory]
    [InlineData("DeleteTrail", "Trail deleted, Trail deleted (cased), Trail deleted by a role")]
    [InlineData("deletetrail", "Trail deleted")]
    [InlineData("DeleteTrails", "")]
    public void ARuleChosenByItsIndexKeyStillTestsWhatTheKeyDoesNotSay(string eventName, string expected)
    {
        // The index's key stands for the item it came from only when that item tests nothing else: the cased item
        // and the role filter are still tested.
        var rules = SigmaRuleSet.Parse("""
            title: Trail deleted
            id: 2a0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName: DeleteTrail
                condition: selection
            level: high
            ---
            title: Trail deleted (cased)
            id: 2b0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName|cased: DeleteTrail
                condition: selection
            level: high
            ---
            title: Trail deleted by a role
            id: 2c0e4d1a-1d1c-4d54-9d0e-6f3a2b1c0d9e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    eventName: DeleteTrail
                    userIdentity.type: AssumedRole
                condition: selection
            level: high
            """, "residual.yml", SigmaOptions.Default, NullDiagnosticSink.Instance);
        var logEvent = JsonLogEvent.Parse("{\"eventName\":\"" + eventName + "\",\"userIdentity\":{\"type\":\"" + (eventName == "DeleteTrail" ? "AssumedRole" : "IAMUser") + "\"}}", LogSourceTypes.CloudTrail);

        Assert.Equal(0, rules.UnindexedCount(LogSourceTypes.CloudTrail));
        Assert.Equal(expected, Titles(MatchOne(rules, logEvent)));
    }

    [Fact]
    public void EventsOfASourceTypeNoRuleCoversMatchNothing()
    {
        var rules = LoadCases(out _);
        var matches = new List<SigmaRule>();

        rules.Match(JsonLogEvent.Parse("""{"eventName":"ConsoleLogin"}""", LogSourceTypes.GuardDuty), matches);

        Assert.Empty(matches);
    }

    private static List<SigmaRule> MatchOne(SigmaRuleSet rules, LogEvent logEvent)
    {
        var matches = new List<SigmaRule>();
        rules.Match(logEvent, matches);
        return matches;
    }

    private static string Titles(IEnumerable<SigmaRule> rules) => string.Join(", ", rules.Select(rule => rule.Title));

    private static PrebuiltLogEvent Prebuilt(params (string Field, string Value)[] fields) =>
        new(LogSourceTypes.CloudTrail, fields.ToDictionary(f => f.Field, f => new[] { FieldValue.FromString(f.Value) }));

    /// <summary>Every case rule, each case's placeholders merged.</summary>
    private static SigmaRuleSet LoadCases(out List<string> ruleTexts)
    {
        var files = SigmaCase.All().Select(name => Path.Combine(SigmaCase.Root, name, "rule.yml")).ToList();
        var options = SigmaOptions.Default;
        foreach (var placeholders in Directory.EnumerateFiles(SigmaCase.Root, "placeholders.yml", SearchOption.AllDirectories))
            options = options.WithPlaceholdersFrom(placeholders, NullDiagnosticSink.Instance);
        ruleTexts = [.. files.Select(File.ReadAllText)];
        return SigmaRuleSet.Load(files, options, NullDiagnosticSink.Instance);
    }

    /// <summary>The case rules and, when the datasets are present, every SigmaHQ rule they hold.</summary>
    private static SigmaRuleSet LoadEverything(out List<string> ruleTexts)
    {
        var paths = SigmaCase.All().Select(name => Path.Combine(SigmaCase.Root, name, "rule.yml")).ToList();
        var options = SigmaOptions.Default.WithPlaceholdersFrom(RepositoryPaths.Combine("tests", "Rampart.Detection.Tests", "Fixtures", "placeholders.yml"), NullDiagnosticSink.Instance);
        foreach (var placeholders in Directory.EnumerateFiles(SigmaCase.Root, "placeholders.yml", SearchOption.AllDirectories))
            options = options.WithPlaceholdersFrom(placeholders, NullDiagnosticSink.Instance);
        paths.Add(Datasets.Require("sigma/aws/rules"));
        paths.Add(Datasets.Require("sigma/aws/rules-placeholder"));
        paths.Add(Datasets.Require("sigma/network"));
        ruleTexts = [.. paths.SelectMany(path => Directory.Exists(path) ? Directory.EnumerateFiles(path, "*.yml", SearchOption.AllDirectories) : [path]).Select(File.ReadAllText)];
        return SigmaRuleSet.Load(paths, options, NullDiagnosticSink.Instance);
    }

    /// <summary>
    /// Every case event under every source type, plus seeded random events assembled from the names,
    /// services and values the rules mention, so that most rules see both hits and near misses.
    /// </summary>
    private static List<LogEvent> MixedEvents(List<string> ruleTexts)
    {
        var events = new List<LogEvent>();
        var line = 0;
        foreach (var name in SigmaCase.All())
        {
            foreach (var json in SigmaCase.Open(name).EventLines())
            {
                line++;
                foreach (var sourceType in SourceTypes)
                    events.Add(JsonLogEvent.Parse(json, sourceType, origin: new EventOrigin(name, line, line)));
            }
        }

        var text = string.Join('\n', ruleTexts);
        var names = EventNames().Matches(text).Select(m => m.Groups["name"].Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        var services = Services().Matches(text).Select(m => m.Value).Distinct().Order(StringComparer.Ordinal).ToArray();
        string[] agents = ["aws-cli/2.15", "TruffleHog", "S3 Browser 11", "Boto3/1.34", "Terraform/1.7"];
        string[] types = ["IAMUser", "AssumedRole", "Root", "AWSService"];
        string[] queries = ["api.telegram.org.", "x.duckdns.org.", "pool.minexmr.com.", "aaa.stage.123456.example.", "www.example.com."];
        var random = new Random(20250115);
        for (var i = 0; i < 3000; i++)
        {
            var name = names[random.Next(names.Length)];
            var service = services[random.Next(services.Length)];
            var errorCode = random.Next(4) switch { 0 => "\"errorCode\":\"AccessDenied\",", 1 => "\"errorCode\":null,", _ => string.Empty };
            var json = $$$"""{{{{errorCode}}}"eventName":"{{{(random.Next(5) == 0 ? name.ToUpperInvariant() : name)}}}","eventSource":"{{{service}}}","userAgent":"{{{agents[random.Next(agents.Length)]}}}","userIdentity":{"type":"{{{types[random.Next(types.Length)]}}}","arn":"arn:aws:sts::111122223333:assumed-role/aws:ec2-instance/i-1"},"requestParameters":{"attribute":"userData","enable":"false"},"responseElements":{"ConsoleLogin":"Success"},"additionalEventData":{"MFAUsed":"NO"}}""";
            events.Add(JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail, origin: new EventOrigin("random", i + 1, i + 1)));
        }

        for (var i = 0; i < 500; i++)
        {
            var dns = $$"""{"query_name":"{{queries[random.Next(queries.Length)]}}","query_type":"{{(random.Next(2) == 0 ? "TXT" : "A")}}","srcaddr":"10.0.{{random.Next(3)}}.5","answers":[{"Rdata":"IEX cmd.exe","Type":"TXT"}]}""";
            events.Add(JsonLogEvent.Parse(dns, LogSourceTypes.Route53Resolver, origin: new EventOrigin("random-dns", i + 1, i + 1)));
            var flow = $$"""{"srcaddr":"{{(random.Next(2) == 0 ? "10.0.0.5" : "203.0.113.9")}}","dstport":"{{new[] { "21", "22", "23", "443", "8080" }[random.Next(5)]}}","action":"{{(random.Next(2) == 0 ? "ACCEPT" : "REJECT")}}","log-status":"OK"}""";
            events.Add(JsonLogEvent.Parse(flow, LogSourceTypes.VpcFlow, origin: new EventOrigin("random-flow", i + 1, i + 1)));
        }

        return events;
    }

    [GeneratedRegex(@"(?<=[\s'])(?<name>[A-Z][A-Za-z0-9]{3,})(?=['\s])")]
    private static partial Regex EventNames();

    [GeneratedRegex(@"[a-z0-9-]+\.amazonaws\.com")]
    private static partial Regex Services();
}
