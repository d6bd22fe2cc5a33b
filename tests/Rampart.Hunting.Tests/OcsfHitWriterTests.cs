using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Core;
using Rampart.Core.Events;
using Rampart.Hunting.Output;
using Rampart.Testing;

namespace Rampart.Hunting.Tests;

public sealed class OcsfHitWriterTests
{
    private static readonly HitRule Rule = new()
    {
        Id = "0b6d0c56-7a86-4c38-9f0e-2a4f6b7c9d10",
        Title = "Trail Stopped",
        Level = "high",
        Severity = Severity.High,
        Tags = ["attack.defense-evasion", "attack.t1562.008", "attack.s0001"],
        Author = "Jane Analyst",
        Engine = "sigma",
        Path = "rules/stop.yml",
    };

    private static readonly DetectionHit Hit = new(
        Rule,
        LogSourceTypes.CloudTrail,
        new EventSummary
        {
            Time = DateTimeOffset.Parse("2026-03-01T12:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
            EventId = "e-1",
            EventName = "StopLogging",
            Account = "111122223333",
            Region = "eu-west-1",
            Actor = "arn:aws:iam::111122223333:user/mallory",
            SourceIp = "203.0.113.7",
        },
        new EventOrigin("AWSLogs/x.json.gz", 1, 3),
        """{"eventName":"StopLogging"}"""u8.ToArray());

    [SkippableFact]
    public void EveryRecordIsAValidDetectionFindingUnderTheOcsfDefinitions()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "detection_finding");
        var record = WriteOne(Hit);

        Assert.Empty(schema.Problems(record, ["cloud"]));
        Assert.Empty(schema.ObjectProblems(record["finding_info"]!.AsObject(), "finding_info"));
        Assert.Equal((2 * 1000) + schema.Uid, record["class_uid"]!.GetValue<int>());
        Assert.Equal(200401, record["type_uid"]!.GetValue<int>());
    }

    [SkippableFact]
    public void ThreatIntelligenceMatchesBecomeValidEnrichments()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "detection_finding");
        var record = WriteOne(Hit with { Intel = [new Rampart.Detection.Intel.IntelMatch("threats", "203.0.113.0/24", "sourceIPAddress", "203.0.113.7")] });

        Assert.Empty(schema.Problems(record, ["cloud"]));
        // The enrichment object's definition is not in the dataset; its required name, value and data are checked here.
        var enrichment = Assert.Single(record["enrichments"]!.AsArray())!.AsObject();
        Assert.Equal("sourceIPAddress", enrichment["name"]!.GetValue<string>());
        Assert.Equal("threats", enrichment["provider"]!.GetValue<string>());
        Assert.Equal("203.0.113.7", enrichment["value"]!.GetValue<string>());
        Assert.Equal("203.0.113.0/24", enrichment["data"]!["indicator"]!.GetValue<string>());
    }

    [SkippableFact]
    public void TheValidatorRejectsARecordMissingARequiredAttribute()
    {
        var schema = new OcsfSchema(Datasets.Require("ocsf"), "detection_finding");
        var record = WriteOne(Hit);
        record.Remove("severity_id");
        record["not_ocsf"] = 1;

        var problems = schema.Problems(record, ["cloud"]).ToList();

        Assert.Contains("required attribute severity_id is missing", problems);
        Assert.Contains("attribute not_ocsf is not defined", problems);
    }

    [Fact]
    public void AttributionTechniquesAndTheRawEventTravelWithTheFinding()
    {
        var record = WriteOne(Hit);

        Assert.Equal("Jane Analyst", record["unmapped"]!["rule"]!["author"]!.GetValue<string>());
        Assert.Equal("T1562.008", record["finding_info"]!["attacks"]![0]!["technique"]!["uid"]!.GetValue<string>());
        Assert.Equal("defense-evasion", record["finding_info"]!["attacks"]![0]!["tactic"]!["name"]!.GetValue<string>());
        Assert.Single(record["finding_info"]!["attacks"]!.AsArray());
        Assert.Equal("""{"eventName":"StopLogging"}""", record["raw_data"]!.GetValue<string>());
        Assert.Equal(1772366400000, record["time"]!.GetValue<long>());
        Assert.Equal(4, record["severity_id"]!.GetValue<int>());
    }

    [Fact]
    public void TheSameHitAlwaysGetsTheSameFindingUid()
    {
        Assert.Equal(WriteOne(Hit)["finding_info"]!["uid"]!.GetValue<string>(), WriteOne(Hit with { }) ["finding_info"]!["uid"]!.GetValue<string>());
        Assert.NotEqual(OcsfHitWriter.Fingerprint(Hit), OcsfHitWriter.Fingerprint(Hit with { Summary = Hit.Summary with { EventId = "e-2" } }));
    }

    private static JsonObject WriteOne(DetectionHit hit)
    {
        using var stream = new MemoryStream();
        using (var writer = new OcsfHitWriter(stream, ownsStream: false))
        {
            writer.Write(hit);
            writer.Complete(new HuntSummary { Files = 1, FilesFiltered = 0, Events = 1, EventsFiltered = 0, RecordsSkipped = 0, Bytes = 1, Hits = 1, HitsByRule = ImmutableArray<RuleHitCount>.Empty, Elapsed = TimeSpan.Zero });
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        return JsonNode.Parse(Assert.Single(lines))!.AsObject();
    }
}
