using Rampart.Core.Events;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class VpcFlowFormatTests(GeneratedTelemetry generated)
{
    private const string DefaultHeader = "version account-id interface-id srcaddr dstaddr srcport dstport protocol packets bytes start end action log-status";

    private List<(string Path, string[] Lines)> Files() =>
        generated.FilesOf(LogSourceTypes.VpcFlow).Select(file => (file.Path, TelemetryFiles.Lines(generated.FullPath(file.Path)))).ToList();

    [Fact]
    public void EveryFileStartsWithAHeaderAndEveryRowHasItsFieldCount()
    {
        foreach (var (path, lines) in Files())
        {
            var header = lines[0].Split(' ');
            Assert.Equal("version", header[0]);
            Assert.Equal(header.Length, header.Distinct().Count());
            foreach (var row in lines.Skip(1))
                Assert.True(row.Split(' ').Length == header.Length, path + ": " + row);
        }
    }

    [Fact]
    public void SomeFlowLogsUseTheDefaultFormatAndOthersACustomVersionFiveFormat()
    {
        var headers = Files().Select(file => file.Lines[0]).ToHashSet();
        Assert.Contains(DefaultHeader, headers);
        var custom = Assert.Single(headers, header => header != DefaultHeader).Split(' ');
        foreach (var field in new[] { "vpc-id", "tcp-flags", "flow-direction", "traffic-path", "pkt-src-aws-service" })
            Assert.Contains(field, custom);
        Assert.NotEqual(DefaultHeader.Split(' '), custom.Take(14));
    }

    [Fact]
    public void RowsCarryTheirFormatsVersionAndTheFilesAccountAndInterface()
    {
        foreach (var (path, lines) in Files())
        {
            var header = lines[0].Split(' ');
            var version = header.Contains("vpc-id") ? "5" : "2";
            var account = path.Split('/')[1];
            var accountField = Array.IndexOf(header, "account-id");
            var interfaceField = Array.IndexOf(header, "interface-id");
            foreach (var row in lines.Skip(1).Select(line => line.Split(' ')))
            {
                Assert.Equal(version, row[0]);
                Assert.Equal(account, row[accountField]);
                Assert.StartsWith("eni-", row[interfaceField], StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void AcceptRejectNoDataAndSkipDataAllAppear()
    {
        var rows = Files().SelectMany(file => file.Lines.Skip(1).Select(line => (Header: file.Lines[0].Split(' '), Fields: line.Split(' ')))).ToList();
        string Field((string[] Header, string[] Fields) row, string name) => row.Fields[Array.IndexOf(row.Header, name)];
        var actions = rows.Select(row => Field(row, "action")).ToHashSet();
        var statuses = rows.Select(row => Field(row, "log-status")).ToHashSet();
        Assert.Superset(new HashSet<string> { "ACCEPT", "REJECT", "-" }, actions);
        Assert.Superset(new HashSet<string> { "OK", "NODATA", "SKIPDATA" }, statuses);
        foreach (var row in rows.Where(row => Field(row, "log-status") != "OK"))
        {
            Assert.Equal("-", Field(row, "srcaddr"));
            Assert.Equal("-", Field(row, "action"));
        }
    }

    [Fact]
    public void FlowTimesAreOrderedAndInsideThePeriod()
    {
        var start = generated.Manifest.Start.ToUnixTimeSeconds() - 60;
        var end = generated.Manifest.End.ToUnixTimeSeconds();
        foreach (var (_, lines) in Files())
        {
            var header = lines[0].Split(' ');
            var startField = Array.IndexOf(header, "start");
            var endField = Array.IndexOf(header, "end");
            foreach (var row in lines.Skip(1).Select(line => line.Split(' ')))
            {
                var first = long.Parse(row[startField], System.Globalization.CultureInfo.InvariantCulture);
                var last = long.Parse(row[endField], System.Globalization.CultureInfo.InvariantCulture);
                Assert.True(first <= last);
                Assert.InRange(last, start, end);
            }
        }
    }
}
