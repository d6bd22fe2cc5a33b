using System.Globalization;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Correlation;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Correlation;

public sealed class CorrelationEngineTests
{
    private const string FailedLogin = """
        title: Failed console login
        id: 1d0f6a38-0c1e-4c4e-9b1a-000000000001
        name: failed_login
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName: ConsoleLogin
                responseElements.ConsoleLogin: Failure
            condition: selection
        """;

    private const string SuccessfulLogin = """
        title: Successful console login
        id: 1d0f6a38-0c1e-4c4e-9b1a-000000000002
        name: successful_login
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName: ConsoleLogin
                responseElements.ConsoleLogin: Success
            condition: selection
        """;

    private const string AnyCall = """
        title: Any call
        id: 1d0f6a38-0c1e-4c4e-9b1a-000000000003
        name: any_call
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventSource|exists: true
            condition: selection
        """;

    [Fact]
    public void EventCountFiresOncePerGroupWhenEnoughMatchesFallInTheTimespan()
    {
        var rules = Load(FailedLogin, """
            title: Brute force
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [userIdentity.userName]
                timespan: 5m
                condition:
                    gte: 3
            level: high
            """);

        var matches = Run(rules, [
            Login("alice", "Failure", "10:00:00"), Login("bob", "Failure", "10:00:10"), Login("alice", "Failure", "10:01:00"),
            Login("bob", "Failure", "10:07:00"), Login("alice", "Failure", "10:04:59"), Login("alice", "Failure", "10:05:30"),
        ]);

        var match = Assert.Single(matches);
        Assert.Equal("alice", match.Group.Single().Value);
        Assert.Equal(3, match.Events);
        Assert.Equal(At("10:00:00"), match.WindowStart);
        Assert.Equal(At("10:04:59"), match.WindowEnd);
        Assert.Equal("1d0f6a38-0c1e-4c4e-9b1a-000000000001", Assert.Single(match.RuleIds));
    }

    [Fact]
    public void MatchesSpreadWiderThanTheTimespanDoNotFire()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 3"));

        Assert.Empty(Run(rules, [Login("alice", "Failure", "10:00:00"), Login("alice", "Failure", "10:04:00"), Login("alice", "Failure", "10:08:00")]));
    }

    [Fact]
    public void ValueCountCountsDistinctValues()
    {
        var rules = Load(AnyCall, """
            title: Discovery burst
            correlation:
                type: value_count
                rules: [any_call]
                group-by: [sourceIPAddress]
                timespan: 10m
                condition:
                    field: eventName
                    gte: 3
            """);

        var repeated = Run(rules, [Call("ListBuckets", "10:00"), Call("ListBuckets", "10:01"), Call("ListUsers", "10:02"), Call("ListUsers", "10:03")]);
        var varied = Run(rules, [Call("ListBuckets", "10:00"), Call("ListUsers", "10:01"), Call("ListRoles", "10:02")]);

        Assert.Empty(repeated);
        Assert.Equal(3, Assert.Single(varied).Measured);
    }

    [Fact]
    public void TemporalOrderedNeedsTheListedOrderAndTemporalDoesNot()
    {
        var ordered = Load(FailedLogin, SuccessfulLogin, Sequence("temporal_ordered"));
        var unordered = Load(FailedLogin, SuccessfulLogin, Sequence("temporal"));
        LogEvent[] successThenFailure = [Login("carol", "Success", "10:00:00"), Login("carol", "Failure", "10:01:00")];
        LogEvent[] failureThenSuccess = [Login("carol", "Failure", "10:00:00"), Login("carol", "Success", "10:01:00")];

        Assert.Empty(Run(ordered, successThenFailure));
        Assert.Single(Run(ordered, failureThenSuccess));
        Assert.Single(Run(unordered, successThenFailure));
    }

    [Fact]
    public void ChainedCorrelationsBuildOnEachOther()
    {
        // The specification's example: many failed logins, then a success, by the same user.
        var rules = Load(FailedLogin, SuccessfulLogin, """
            title: Many failed logins
            name: many_failed
            correlation:
                type: event_count
                rules: [failed_login]
                group-by: [userIdentity.userName]
                timespan: 10m
                condition:
                    gte: 3
            """, """
            title: Brute force then success
            correlation:
                type: temporal_ordered
                rules: [many_failed, successful_login]
                group-by: [userIdentity.userName]
                timespan: 10m
            level: critical
            """);

        var matches = Run(rules, [
            Login("dave", "Failure", "10:00"), Login("dave", "Failure", "10:01"), Login("dave", "Failure", "10:02"), Login("dave", "Success", "10:03"),
            Login("erin", "Success", "10:03"),
        ]);

        Assert.Equal(["Many failed logins", "Brute force then success"], matches.Select(match => match.Correlation.Title));
        Assert.Equal("dave", matches[1].Group.Single().Value);
    }

    [Fact]
    public void AliasesGroupDifferentFieldsOfDifferentRules()
    {
        var rules = Load(FailedLogin, SuccessfulLogin, """
            title: Same address
            correlation:
                type: temporal
                rules: [failed_login, successful_login]
                group-by: [address]
                timespan: 10m
                aliases:
                    address:
                        failed_login: sourceIPAddress
                        successful_login: additionalEventData.LoginFrom
            """);

        var matches = Run(rules, [Login("frank", "Failure", "10:00", ip: "198.51.100.7"), Login("grace", "Success", "10:02", loginFrom: "198.51.100.7")]);

        Assert.Equal("198.51.100.7", Assert.Single(matches).Group.Single().Value);
    }

    [Fact]
    public void UpperBoundsAreJudgedWhenTheWindowCloses()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 2\n        lte: 3"));
        LogEvent[] four = [Login("hank", "Failure", "10:00"), Login("hank", "Failure", "10:01"), Login("hank", "Failure", "10:02"), Login("hank", "Failure", "10:03")];
        LogEvent[] two = [Login("hank", "Failure", "10:00"), Login("hank", "Failure", "10:01")];

        Assert.Empty(Run(rules, four));
        Assert.Equal(2, Assert.Single(Run(rules, two)).Events);
    }

    [Theory]
    [InlineData("value_sum", "", 60.0)]
    [InlineData("value_avg", "", 20.0)]
    [InlineData("value_percentile", "\n        percentile: 50", 20.0)]
    public void NumericAggregatesMeasureTheField(string type, string extra, double expected)
    {
        var rules = Load(AnyCall, $$"""
            title: Volume
            correlation:
                type: {{type}}
                rules: [any_call]
                group-by: [sourceIPAddress]
                timespan: 1h
                condition:
                    field: bytes{{extra}}
                    gte: 1
            """);

        var matches = Run(rules, [Call("GetObject", "10:00", bytes: 10), Call("GetObject", "10:10", bytes: 20), Call("GetObject", "10:20", bytes: 30)]);

        Assert.Equal(expected, Assert.Single(matches).Measured);
    }

    [Fact]
    public void MatchesWithinTheLatenessGiveTheSameResultsAsOrderedInput()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 3"));
        LogEvent[] ordered = [Login("ivy", "Failure", "10:00"), Login("ivy", "Failure", "10:02"), Login("ivy", "Failure", "10:04"), Login("jack", "Failure", "10:05")];
        LogEvent[] shuffled = [ordered[1], ordered[3], ordered[0], ordered[2]];

        var inOrder = Run(rules, ordered).Select(Describe);
        var outOfOrder = Run(rules, shuffled).Select(Describe);

        Assert.Equal(inOrder, outOfOrder);
        Assert.Single(inOrder);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void ManyGroupsShuffledWithinTheLatenessGiveTheSameResultsAsSortedInput(int seed)
    {
        const string Addresses = """
            title: Several addresses
            correlation:
                type: value_count
                rules: [failed_login, successful_login]
                group-by: [userIdentity.userName]
                timespan: 10m
                condition:
                    field: sourceIPAddress
                    gte: 3
            """;
        var rules = Load(FailedLogin, SuccessfulLogin, BruteForce("gte: 3"), Addresses, Sequence("temporal_ordered"), Sequence("temporal").Replace("Failure and success", "Both in any order", StringComparison.Ordinal));
        var random = new Random(seed);
        // Distinct seconds: among records of the same time, arrival order decides, and that is what shuffling changes.
        var seconds = Enumerable.Range(0, 6 * 3600).OrderBy(_ => random.Next()).Take(3000).ToList();
        var sorted = seconds
            .Select((second, i) => (Time: TimeSpan.FromSeconds(second), User: "user" + random.Next(25), Result: random.Next(3) == 0 ? "Success" : "Failure", Ip: "198.51.100." + random.Next(6), Id: i))
            .OrderBy(e => e.Time)
            .ToList();

        // Each record arrives at most ten minutes after records that are later in event time: within the lateness.
        var shuffled = sorted.OrderBy(e => e.Time + TimeSpan.FromSeconds(random.Next(600))).ThenBy(e => e.Id).ToList();
        LogEvent ToEvent((TimeSpan Time, string User, string Result, string Ip, int Id) e) =>
            Login(e.User, e.Result, (DateTimeOffset.Parse("2026-11-29T00:00:00Z", CultureInfo.InvariantCulture) + e.Time).ToString("HH:mm:ss", CultureInfo.InvariantCulture), e.Ip);

        var expected = Run(rules, sorted.Select(ToEvent)).Select(Describe).Order(StringComparer.Ordinal).ToList();
        var actual = Run(rules, shuffled.Select(ToEvent)).Select(Describe).Order(StringComparer.Ordinal).ToList();

        Assert.True(expected.Count > 50, $"only {expected.Count} correlations fired: the comparison would prove little");
        Assert.Equal(4, expected.Select(match => match.Split(' ')[0]).Distinct().Count());
        Assert.True(expected.SequenceEqual(actual), "only sorted: " + string.Join("\n", expected.Except(actual).Take(5)) + "\nonly shuffled: " + string.Join("\n", actual.Except(expected).Take(5)));
    }

    [Fact]
    public void MatchesBehindTheWatermarkAreCountedNotPlaced()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 2"));
        var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(1));

        var matches = Feed(rules, engine, [Login("kim", "Failure", "11:00"), Login("kim", "Failure", "10:00")]);

        Assert.Empty(matches);
        Assert.Equal(1, engine.LateMatches);
    }

    [Fact]
    public void EachAccountAndRegionKeepsItsOwnWatermark()
    {
        // Logs come account by account: the second account's morning follows the first account's afternoon.
        var rules = Load(FailedLogin, BruteForce("gte: 3"));
        var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(1));

        var matches = Feed(rules, engine, [
            Login("ann", "Failure", "15:00", account: "111111111111"), Login("ann", "Failure", "15:01", account: "111111111111"), Login("ann", "Failure", "15:02", account: "111111111111"),
            Login("ben", "Failure", "09:00", account: "222222222222"), Login("ben", "Failure", "09:01", account: "222222222222"), Login("ben", "Failure", "09:02", account: "222222222222"),
        ]);

        Assert.Equal(["ann", "ben"], matches.Select(match => match.Group.Single().Value));
        Assert.Equal(0, engine.LateMatches);
    }

    [Fact]
    public void StreamsFollowTheS3LayoutOfTheFilesTheEventsCameFrom()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 2"));
        const string East = "AWSLogs/1/CloudTrail/us-east-1/2026/11/29/1_CloudTrail_us-east-1_20261129T1500Z_a.json.gz";
        const string West = "AWSLogs/1/CloudTrail/eu-west-1/2026/11/29/1_CloudTrail_eu-west-1_20261129T0900Z_b.json.gz";
        const string EastEarlier = "AWSLogs/1/CloudTrail/us-east-1/2026/11/29/1_CloudTrail_us-east-1_20261129T0900Z_c.json.gz";

        // The same account's other region is its own stream; the same region's earlier file is not.
        var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(1));
        var matches = Feed(rules, engine, [
            Login("cat", "Failure", "15:00", origin: East), Login("cat", "Failure", "15:01", origin: East),
            Login("dan", "Failure", "09:00", origin: West), Login("dan", "Failure", "09:01", origin: West),
            Login("eve", "Failure", "09:00", origin: EastEarlier), Login("eve", "Failure", "09:01", origin: EastEarlier),
        ]);

        Assert.Equal(["cat", "dan"], matches.Select(match => match.Group.Single().Value));
        Assert.Equal(2, engine.LateMatches);
    }

    [Fact]
    public void ReferencedRulesReportTheirOwnMatchesOnlyWhenACorrelationSaysGenerate()
    {
        var silent = Load(FailedLogin, AnyCall, BruteForce("gte: 3"));
        var loud = Load(FailedLogin, BruteForce("gte: 3") + "\ngenerate: true");
        var silentEngine = new CorrelationEngine(silent, TimeSpan.Zero);

        Assert.False(silentEngine.Generates(silent.Rules.Single(rule => rule.Name == "failed_login")));
        Assert.True(silentEngine.Generates(silent.Rules.Single(rule => rule.Name == "any_call")));
        Assert.True(new CorrelationEngine(loud, TimeSpan.Zero).Generates(loud.Rules.Single()));
    }

    [Fact]
    public void MemoryIsBoundedByOpenGroups()
    {
        var rules = Load(FailedLogin, BruteForce("gte: 1000"));
        var engine = new CorrelationEngine(rules, TimeSpan.FromMinutes(1));
        var start = At("00:00");
        var matches = new List<CorrelationMatch>();
        for (var i = 0; i < 20_000; i++)
        {
            // A new user every second for five and a half hours: each group sees one failure and falls behind the watermark.
            var logEvent = Login("user" + i.ToString(CultureInfo.InvariantCulture), "Failure", start.AddSeconds(i).ToString("HH:mm:ss", CultureInfo.InvariantCulture));
            Feed(rules, engine, [logEvent], matches, complete: false);
        }

        Assert.Empty(matches);
        Assert.InRange(engine.OpenGroups, 1, 4096 + 360);
    }

    [Fact]
    public void BrokenCorrelationsAreReportedWithTheirLocation()
    {
        var diagnostics = new DiagnosticBag();
        SigmaRuleSet.Parse(string.Join("\n---\n", FailedLogin, """
            title: Unknown type
            correlation:
                type: sometimes
                rules: [failed_login]
                timespan: 5m
            """, """
            title: Dangling
            correlation:
                type: event_count
                rules: [no_such_rule]
                timespan: 5m
                condition:
                    gte: 2
            """, """
            title: Loop A
            name: loop_a
            correlation:
                type: temporal
                rules: [loop_b]
                timespan: 5m
            ---
            title: Loop B
            name: loop_b
            correlation:
                type: temporal
                rules: [loop_a]
                timespan: 5m
            """, """
            title: Bad timespan
            correlation:
                type: event_count
                rules: [failed_login]
                timespan: soon
                condition:
                    gte: 2
            """), "rules.yml", SigmaOptions.Default, diagnostics);

        var codes = diagnostics.ToImmutableArray().Select(d => d.Code).ToList();
        Assert.Contains(SigmaDiagnostics.InvalidCorrelation, codes);
        Assert.Contains(SigmaDiagnostics.UnresolvedCorrelationReference, codes);
        Assert.Contains(SigmaDiagnostics.CorrelationCycle, codes);
        Assert.Equal(2, codes.Count(code => code == SigmaDiagnostics.InvalidCorrelation));
        Assert.All(diagnostics.ToImmutableArray(), d => Assert.Equal("rules.yml", d.Location.Path));
    }

    private static string BruteForce(string condition) => $"""
        title: Brute force
        correlation:
            type: event_count
            rules: [failed_login]
            group-by: [userIdentity.userName]
            timespan: 5m
            condition:
                {condition}
        """;

    private static string Sequence(string type) => $"""
        title: Failure and success
        correlation:
            type: {type}
            rules: [failed_login, successful_login]
            group-by: [userIdentity.userName]
            timespan: 10m
        """;

    private static SigmaRuleSet Load(params string[] documents)
    {
        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(string.Join("\n---\n", documents), "rules.yml", SigmaOptions.Default, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutableArray()));
        return rules;
    }

    private static List<CorrelationMatch> Run(SigmaRuleSet rules, IEnumerable<LogEvent> events) =>
        Feed(rules, new CorrelationEngine(rules, TimeSpan.FromMinutes(15)), events);

    private static List<CorrelationMatch> Feed(SigmaRuleSet rules, CorrelationEngine engine, IEnumerable<LogEvent> events, List<CorrelationMatch>? matches = null, bool complete = true)
    {
        matches ??= [];
        var matched = new List<SigmaRule>();
        foreach (var logEvent in events)
        {
            matched.Clear();
            rules.Match(logEvent, matched);
            foreach (var rule in matched.Where(engine.IsCorrelated))
                engine.Add(engine.Observe(rule, logEvent, logEvent.Summarize()), matches);
        }

        if (complete)
            engine.Complete(matches);
        return matches;
    }

    private static string Describe(CorrelationMatch match) =>
        $"{match.Correlation.Title} {string.Join(",", match.Group)} {match.WindowStart:o} {match.WindowEnd:o} {match.Events}";

    private static DateTimeOffset At(string time) =>
        DateTimeOffset.Parse("2026-11-29T" + (time.Length == 5 ? time + ":00" : time) + "Z", CultureInfo.InvariantCulture);

    private static LogEvent Login(string user, string result, string time, string ip = "203.0.113.9", string loginFrom = "", string account = "123456789012", string? origin = null) => Event(origin, $$$"""
        {"eventTime":"{{{At(time):yyyy-MM-ddTHH:mm:ssZ}}}","recipientAccountId":"{{{account}}}","eventSource":"signin.amazonaws.com","eventName":"ConsoleLogin","eventID":"{{{user}}}-{{{time}}}",
         "sourceIPAddress":"{{{ip}}}","userIdentity":{"type":"IAMUser","userName":"{{{user}}}"},
         "responseElements":{"ConsoleLogin":"{{{result}}}"},"additionalEventData":{"LoginFrom":"{{{loginFrom}}}"}}
        """);

    private static LogEvent Call(string name, string time, int bytes = 0) => Event(null, $$$"""
        {"eventTime":"{{{At(time):yyyy-MM-ddTHH:mm:ssZ}}}","eventSource":"s3.amazonaws.com","eventName":"{{{name}}}","eventID":"{{{name}}}-{{{time}}}",
         "sourceIPAddress":"192.0.2.44","bytes":{{{bytes}}}}
        """);

    private static LogEvent Event(string? origin, string json) =>
        JsonLogEvent.Parse(json, LogSourceTypes.CloudTrail, Summarize, origin is null ? default : new EventOrigin(origin, 1, 1));

    private static EventSummary Summarize(JsonLogEvent logEvent) => new()
    {
        Time = logEvent.TryGetText("eventTime"u8, out var time) ? DateTimeOffset.Parse(time, CultureInfo.InvariantCulture) : null,
        EventId = logEvent.TryGetText("eventID"u8, out var id) ? id : null,
        Account = logEvent.TryGetText("recipientAccountId"u8, out var account) ? account : null,
    };
}
