using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Tests.Support;
using Rampart.Testing;
using static Rampart.Logs.Tests.Support.CloudTrailSamples;

namespace Rampart.Logs.Tests;

public sealed class FormatDetectionTests
{
    private const string Shapeless = """{"who":"alice","what":"something"}""";

    [Fact]
    public void EachRecordOfAJsonLinesFileIsTakenForWhatItsShapeSays()
    {
        var text = ConsoleLogin + "\n"
            + """{"version":"1.100000","query_name":"a.example.","srcaddr":"10.0.0.1"}""" + "\n"
            + """{"schemaVersion":"2.0","type":"Recon:EC2/Portscan","service":{},"accountId":"111122223333"}""" + "\n"
            + """{"srcAddr":"10.0.0.1","dstPort":22}""" + "\n";

        var result = LogHarness.ReadText(text);

        Assert.Empty(result.Problems);
        Assert.Equal(
            [LogSourceTypes.CloudTrail, LogSourceTypes.Route53Resolver, LogSourceTypes.GuardDuty, LogSourceTypes.VpcFlow],
            result.Events.Select(e => e.SourceType));
    }

    [Fact]
    public void ARecordOfNoKnownShapeIsSkippedWithItsLocation()
    {
        var result = LogHarness.ReadText(ConsoleLogin + "\n" + Shapeless + "\n");

        Assert.Single(result.Events);
        Assert.Equal(
            ["input.log:2:1 record 2: LOG011: the JSON record is not a CloudTrail event, VPC flow record, Route 53 Resolver query or GuardDuty finding; it was skipped (give the format explicitly if the file holds one of them)"],
            result.Messages);
        Assert.Equal([Shapeless], result.Quarantine.Texts);
    }

    [Fact]
    public void TheFormatOptionDecidesWhatShapelessRecordsAre()
    {
        var result = LogHarness.ReadText(Shapeless, options: new LogReadOptions { Format = LogFormat.CloudTrail }, fields: ["who"]);

        Assert.Empty(result.Problems);
        Assert.Equal(LogSourceTypes.CloudTrail, result.Events.Single().SourceType);
        Assert.Equal("alice", result.Events.Single().Text("who"));
    }

    [Fact]
    public void TheFormatOptionAlsoAppliesToRecordsArrays()
    {
        var result = LogHarness.ReadText(RecordsFile(Shapeless), options: new LogReadOptions { Format = LogFormat.GuardDuty });

        Assert.Equal(LogSourceTypes.GuardDuty, result.Events.Single().SourceType);
    }

    [Fact]
    public void AFileNameSettlesRecordsWhoseShapeSaysNothing()
    {
        var result = LogHarness.ReadText(Shapeless, "AWSLogs/111122223333/CloudTrail/eu-west-1/2024/03/05/x.json");

        Assert.Empty(result.Problems);
        Assert.Equal(LogSourceTypes.CloudTrail, result.Events.Single().SourceType);
    }

    [Fact]
    public void ABinaryFileIsOneUnknownFormatDiagnosticAndNothingElse()
    {
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        bytes[0] = 0x50;
        bytes[1] = 0x4B;
        bytes[2] = 0x03;

        var result = LogHarness.ReadBytes(bytes, "archive.zip");

        Assert.Empty(result.Events);
        Assert.Equal(["archive.zip:1:1: LOG001: the file is not a log Rampart reads (binary data); nothing was read from it"], result.Messages);
        Assert.Equal(1, result.Statistics.FilesSkipped);
        Assert.Equal(0, result.Statistics.FilesRead);
        Assert.Empty(result.Quarantine.Records);
    }

    [Fact]
    public void TextThatIsNeitherJsonNorAFlowLogIsAnUnknownFormat()
    {
        var result = LogHarness.ReadText("# Notes\nThese are not logs.\n", "notes.md");

        Assert.Empty(result.Events);
        Assert.Equal([LogDiagnostics.UnknownFormatCode], result.Codes);
        Assert.Contains("text that is neither JSON nor a VPC flow log", result.Problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n\t ")]
    public void AnEmptyFileIsAWarningAndNothingIsRead(string text)
    {
        var result = LogHarness.ReadText(text, "empty.json");

        Assert.Empty(result.Events);
        var problem = Assert.Single(result.Problems);
        Assert.Equal("empty.json: LOG002: the file is empty; nothing was read from it", problem.ToString());
        Assert.Equal(DiagnosticSeverity.Warning, problem.Severity);
        Assert.Equal(1, result.Statistics.FilesSkipped);
    }

    [Fact]
    public void AnEmptyGzipIsAnEmptyFile()
    {
        var result = LogHarness.ReadBytes(LogHarness.Gzip(""), "empty.json.gz");

        Assert.Equal([LogDiagnostics.EmptyFileCode], result.Codes);
    }

    [Fact]
    public void ForcingAJsonFormatOnFlowLogTextIsAMismatch()
    {
        var result = LogHarness.ReadText("2 111122223333 eni-0a1b - - - - - - - 1 2 - NODATA\n", options: new LogReadOptions { Format = LogFormat.CloudTrail });

        Assert.Empty(result.Events);
        Assert.Equal(["input.log: LOG016: the file does not hold JSON, but CloudTrail logs are JSON; nothing was read from it"], result.Messages);
    }

    [Fact]
    public void AByteOrderMarkIsSkipped()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(RecordsFile(ConsoleLogin))).ToArray();

        var result = LogHarness.ReadBytes(bytes);

        Assert.Empty(result.Problems);
        Assert.Single(result.Events);
    }

    [Fact]
    public void ReadingADigestFileDirectlySkipsItWithAnInfo()
    {
        using var folder = new TempDirectory();
        var digest = folder.Write("111122223333_CloudTrail-Digest_eu-west-1_trail_eu-west-1_20240305T1015Z.json.gz", LogHarness.Gzip("{}"));

        var result = LogHarness.ReadFile(digest);

        Assert.Empty(result.Events);
        var info = Assert.Single(result.Problems);
        Assert.Equal(DiagnosticSeverity.Info, info.Severity);
        Assert.Equal(LogDiagnostics.SkippedFileCode, info.Code);
        Assert.Equal(1, result.Statistics.FilesSkipped);
    }
}
