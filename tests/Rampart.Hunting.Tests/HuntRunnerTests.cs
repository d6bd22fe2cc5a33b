using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma;
using Rampart.Hunting.Output;
using Rampart.Testing;
using static Rampart.Hunting.Tests.CloudTrailFixtures;

namespace Rampart.Hunting.Tests;

public sealed class HuntRunnerTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void HitsComeOutInInputOrderWhateverTheNumberOfThreads()
    {
        for (var file = 0; file < 12; file++)
        {
            var events = Enumerable.Range(0, 5)
                .Select(i => Event(i % 2 == 0 ? "StopLogging" : "DescribeTrails", $"2026-03-01T10:{file:00}:{i:00}Z", id: $"evt-{file:00}-{i}"))
                .ToArray();
            _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", $"20260301T10{file:00}Z_{file:x16}"), RecordsFile(events));
        }

        var single = Hunt(threads: 1);
        var parallel = Hunt(threads: 2);

        Assert.Equal(36, single.Hits.Count);
        Assert.Equal(single.Hits.Select(hit => hit.Summary.EventId), parallel.Hits.Select(hit => hit.Summary.EventId));
        Assert.Equal("evt-00-0", single.Hits[0].Summary.EventId);

        // Written hits borrow the reader's buffer and held ones copy it: either way each carries its own event.
        Assert.Equal(single.Hits.Select(hit => hit.EventText), parallel.Hits.Select(hit => hit.EventText));
        Assert.All(parallel.Hits, hit => Assert.Contains($"\"{hit.Summary.EventId}\"", hit.EventText, StringComparison.Ordinal));
        Assert.Equal(60, single.Summary!.Events);
    }

    [Fact]
    public void FilesOfUnevenSizesKeepTheirOrderUnderManyThreads()
    {
        // Small and large files interleaved, so that threads take turns at the head of the order.
        var random = new Random(7);
        for (var file = 0; file < 40; file++)
        {
            var count = random.Next(0, 3) == 0 ? 200 : random.Next(1, 6);
            var events = Enumerable.Range(0, count)
                .Select(i => Event(i % 3 == 0 ? "StopLogging" : "DescribeTrails", $"2026-03-01T11:{file:00}:{i % 60:00}Z", id: $"evt-{file:00}-{i:000}"))
                .ToArray();
            _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", $"20260301T11{file:00}Z_{file:x16}"), RecordsFile(events));
        }

        var single = Hunt(threads: 1);
        for (var round = 0; round < 3; round++)
        {
            var parallel = Hunt(threads: 4);
            Assert.Equal(single.Hits.Select(hit => hit.EventText), parallel.Hits.Select(hit => hit.EventText));
        }

        Assert.Equal(single.Hits.Select(hit => hit.Summary.EventId).Order(StringComparer.Ordinal), single.Hits.Select(hit => hit.Summary.EventId));
    }

    [Fact]
    public void HeldHitsKeepEveryEventWhole()
    {
        // Hits of files waiting for an earlier one hold copies of their events in shared chunks: many events filling
        // several chunks, events too large to share one, and two rules matching one event must all come out whole.
        var random = new Random(11);
        for (var file = 0; file < 24; file++)
        {
            var events = Enumerable.Range(0, file % 4 == 0 ? 300 : 40)
                .Select(i =>
                {
                    var text = Event(i % 2 == 0 ? "StopLogging" : "DescribeTrails", $"2026-03-01T12:{file:00}:{i % 60:00}Z", id: $"evt-{file:00}-{i:000}");
                    return random.Next(10) == 0 ? text.Replace("\"main-trail\"", "\"" + new string('x', random.Next(10_000, 70_000)) + "\"", StringComparison.Ordinal) : text;
                })
                .ToArray();
            _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", $"20260301T12{file:00}Z_{file:x16}"), RecordsFile(events));
        }

        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(StopLoggingRule + "\n---\n" + AnyTrailCallRule, "rules.yml", SigmaOptions.Default, diagnostics);
        Assert.Equal(2, rules.Rules.Length);
        List<DetectionHit> Run(int threads)
        {
            var writer = new CollectingHitWriter();
            new HuntRunner(rules).Run(new HuntOptions { Inputs = [_temp.Path], Threads = threads }, writer, diagnostics);
            return writer.Hits;
        }

        var single = Run(1);
        Assert.Equal(24 * 40 + (6 * 260) + (24 * 40 + (6 * 260)) / 2, single.Count);
        for (var round = 0; round < 2; round++)
        {
            var parallel = Run(4);
            Assert.Equal(single.Select(hit => hit.Rule.Title + "\n" + hit.EventText), parallel.Select(hit => hit.Rule.Title + "\n" + hit.EventText));
        }

        Assert.All(single, hit => Assert.Contains($"\"{hit.Summary.EventId}\"", hit.EventText, StringComparison.Ordinal));
        Assert.Contains(single, hit => hit.EventJson.Length > 16 * 1024);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableArray()));
    }

    [Fact]
    public void CorrelationsFireAlikeOnOneThreadOnManyAndFedOneMatchAtATime()
    {
        // On the head file, matches that only feed correlations go to them straight from the event, summaries made
        // only for what a window keeps; on other files they are observed and held. Both must agree with each other
        // and with the engine fed one observation at a time.
        var random = new Random(5);
        string[] users = ["alice", "bob", "carol"];
        string[] regions = ["eu-west-1", "us-east-1", "ap-south-1", "sa-east-1"];
        string[] calls = ["DescribeTrails", "DescribeInstances", "DescribeVpcs", "ListBuckets", "DescribeKeyPairs", "PutObject"];
        for (var file = 0; file < 30; file++)
        {
            var events = Enumerable.Range(0, 25).Select(i =>
            {
                var user = users[random.Next(users.Length)];
                var region = file < 10 ? "eu-west-1" : regions[random.Next(regions.Length)];
                var text = Event(calls[random.Next(calls.Length)], $"2026-03-{1 + (file / 10):00}T{file % 10:00}:{i * 2:00}:00Z", region: region, id: $"evt-{file:00}-{i:00}");
                return text.Replace("user/mallory", "user/" + user, StringComparison.Ordinal);
            }).ToArray();
            _temp.Write(Key("111122223333", "eu-west-1", $"2026/03/{1 + (file / 10):00}", $"202603{1 + (file / 10):00}T{file % 10:00}00Z_{file:x16}"), RecordsFile(events));
        }

        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(CorrelatedRules, "correlated.yml", SigmaOptions.Default, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join('\n', diagnostics.ToImmutableArray()));
        string Fired(IEnumerable<DetectionHit> hits) => string.Join('\n', hits.Select(hit =>
            hit.Rule.Title + " " + string.Join(',', hit.Correlation!.Group.Select(pair => pair.Value)) + " " + hit.Correlation.WindowStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture)
            + " " + (hit.Correlation.NewValue ?? hit.Correlation.Measured.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " " + hit.Summary.EventId + " " + string.Join(',', hit.Correlation.EventIds)));

        var single = new CollectingHitWriter();
        new HuntRunner(rules).Run(new HuntOptions { Inputs = [_temp.Path], Threads = 1 }, single, diagnostics);
        var expected = Fired(single.Hits);
        Assert.Contains("Many Different Reads", expected, StringComparison.Ordinal);
        Assert.Contains("Region New to the Principal", expected, StringComparison.Ordinal);
        Assert.DoesNotContain(single.Hits, hit => hit.Correlation is null);

        for (var round = 0; round < 2; round++)
        {
            var parallel = new CollectingHitWriter();
            new HuntRunner(rules).Run(new HuntOptions { Inputs = [_temp.Path], Threads = 4 }, parallel, diagnostics);
            Assert.Equal(expected, Fired(parallel.Hits));
        }

        // The reference: every observation made eagerly and added in input order.
        var engine = new Rampart.Detection.Correlation.CorrelationEngine(rules, new HuntOptions { Inputs = [] }.Lateness);
        var fired = new List<Rampart.Detection.Correlation.CorrelationMatch>();
        var matches = new List<SigmaRule>();
        foreach (var file in Directory.EnumerateFiles(_temp.Path, "*.json.gz", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            foreach (var logEvent in Rampart.Logs.LogReader.ReadFile(file, Rampart.Logs.LogReadOptions.Default, new Rampart.Logs.LogReadContext(diagnostics)))
            {
                matches.Clear();
                rules.Match(logEvent, matches);
                foreach (var rule in matches)
                    engine.Add(engine.Observe(rule, logEvent, logEvent.Summarize()), fired);
            }
        }

        engine.Complete(fired);
        Assert.Equal(single.Hits.Select(hit => hit.Correlation!.Correlation.Id + " " + hit.Correlation.WindowStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " " + hit.Summary.EventId),
            fired.Select(match => match.Correlation.Id + " " + match.WindowStart.ToString("O", System.Globalization.CultureInfo.InvariantCulture) + " " + match.Last.EventId));
    }

    [Fact]
    public void TimeAccountAndRegionFiltersKeepOnlyTheWantedEvents()
    {
        _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", "a"), RecordsFile(
            Event("StopLogging", "2026-03-01T08:00:00Z", id: "early"),
            Event("StopLogging", "2026-03-01T12:00:00Z", id: "wanted"),
            Event("StopLogging", "2026-03-01T12:30:00Z", region: "us-east-1", id: "other-region")));
        _temp.Write(Key("444455556666", "eu-west-1", "2026/03/01", "b"), RecordsFile(
            Event("StopLogging", "2026-03-01T12:00:00Z", account: "444455556666", id: "other-account")));
        _temp.Write(Key("111122223333", "eu-west-1", "2026/01/01", "c"), RecordsFile(
            Event("StopLogging", "2026-01-01T12:00:00Z", id: "old-file")));

        var result = Hunt(threads: 2, options => options with
        {
            Since = DateTimeOffset.Parse("2026-03-01T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Until = DateTimeOffset.Parse("2026-03-02T00:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            Accounts = ["111122223333"],
            Regions = ["eu-west-1"],
        });

        Assert.Equal(["wanted"], result.Hits.Select(hit => hit.Summary.EventId));
        Assert.Equal(2, result.Summary!.FilesFiltered);
        Assert.Equal(2, result.Summary.EventsFiltered);
    }

    [Fact]
    public void ABrokenFileIsReportedAndTheOtherFilesAreStillHunted()
    {
        _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", "good"), RecordsFile(Event("StopLogging", "2026-03-01T12:00:00Z", id: "found")));
        var truncated = RecordsFile(Enumerable.Range(0, 50).Select(i => Event("DescribeTrails", "2026-03-01T12:00:00Z")).ToArray());
        _temp.Write(Key("111122223333", "eu-west-1", "2026/03/01", "truncated"), truncated[..(truncated.Length / 2)]);
        _temp.Write("notes/garbage.json", [0x00, 0xFF, 0x13, 0x37, 0x00, 0x01]);

        var diagnostics = new DiagnosticBag();
        var result = Hunt(threads: 2, diagnostics: diagnostics);

        Assert.Equal(["found"], result.Hits.Select(hit => hit.Summary.EventId));
        Assert.True(diagnostics.HasErrors);
        Assert.Contains(diagnostics.ToImmutableArray(), d => d.Location.Path.EndsWith("garbage.json", StringComparison.Ordinal));
        Assert.Contains(diagnostics.ToImmutableArray(), d => d.Location.Path.Contains("truncated", StringComparison.Ordinal));
    }

    [Fact]
    public void GuardDutyFindingsArePassedThroughWithTheirSeverity()
    {
        _temp.Write("guardduty/findings.json", """
            {"findings":[{"schemaVersion":"2.0","accountId":"111122223333","region":"eu-west-1","id":"gd-1","type":"Recon:EC2/PortProbeUnprotectedPort","title":"Unprotected port on EC2 instance i-0abc is being probed.","description":"A port is being probed.","severity":8.0,"createdAt":"2026-03-01T12:00:00.000Z","updatedAt":"2026-03-01T12:05:00.000Z","resource":{"resourceType":"Instance","instanceDetails":{"instanceId":"i-0abc"}},"service":{"serviceName":"guardduty"}}]}
            """);

        var result = Hunt(threads: 1);

        var hit = Assert.Single(result.Hits);
        Assert.Equal("guardduty:Recon:EC2/PortProbeUnprotectedPort", hit.Rule.Id);
        Assert.Equal(Core.Severity.High, hit.Rule.Severity);
        Assert.Equal("gd-1", hit.Summary.EventId);
    }

    [Theory]
    [InlineData(9.5, Core.Severity.Critical)]
    [InlineData(7.0, Core.Severity.High)]
    [InlineData(5.0, Core.Severity.Medium)]
    [InlineData(2.0, Core.Severity.Low)]
    [InlineData(0.5, Core.Severity.Informational)]
    public void GuardDutyScoresMapToTheDocumentedBands(double score, Core.Severity expected) =>
        Assert.Equal(expected, HuntRunner.GuardDutySeverity(score));

    private (List<DetectionHit> Hits, HuntSummary? Summary) Hunt(int threads, Func<HuntOptions, HuntOptions>? configure = null, DiagnosticBag? diagnostics = null)
    {
        diagnostics ??= new DiagnosticBag();
        var rules = SigmaRuleSet.Parse(StopLoggingRule, "stop.yml", SigmaOptions.Default, diagnostics);
        Assert.Single(rules.Rules);
        var options = new HuntOptions { Inputs = [_temp.Path], Threads = threads };
        options = configure?.Invoke(options) ?? options;
        var writer = new CollectingHitWriter();
        new HuntRunner(rules).Run(options, writer, diagnostics);
        return (writer.Hits, writer.Summary);
    }
}
