using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class Route53FormatTests(GeneratedTelemetry generated)
{
    private static readonly string[] FieldOrder =
        ["version", "account_id", "region", "vpc_id", "query_timestamp", "query_name", "query_type", "query_class", "rcode", "answers", "srcaddr", "srcport", "transport", "srcids"];

    private List<(string Path, JsonElement Record)> Records() =>
        generated.FilesOf(LogSourceTypes.Route53Resolver)
            .SelectMany(file => TelemetryFiles.Lines(generated.FullPath(file.Path)).Select(line => (file.Path, JsonDocument.Parse(line).RootElement.Clone())))
            .ToList();

    [Fact]
    public void EveryLineIsAResolverRecordAsAwsWritesIt()
    {
        foreach (var (path, record) in Records())
        {
            Assert.Equal(FieldOrder, record.EnumerateObject().Select(property => property.Name));
            Assert.Equal("1.100000", record.GetProperty("version").GetString());
            Assert.Equal(path.Split('/')[1], record.GetProperty("account_id").GetString());
            Assert.Equal(path.Split('/')[3], record.GetProperty("vpc_id").GetString());
            Assert.EndsWith(".", record.GetProperty("query_name").GetString(), StringComparison.Ordinal);
            Assert.Equal(JsonValueKind.String, record.GetProperty("srcport").ValueKind);
            Assert.True(int.TryParse(record.GetProperty("srcport").GetString(), out _));
            Assert.Equal(JsonValueKind.Array, record.GetProperty("answers").ValueKind);
            Assert.Equal(JsonValueKind.Object, record.GetProperty("srcids").ValueKind);
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", record.GetProperty("query_timestamp").GetString());
        }
    }

    [Fact]
    public void QueriesVaryInTypeAnswerAndResponseCode()
    {
        var records = Records().Select(item => item.Record).ToList();
        Assert.Superset(new HashSet<string?> { "A", "AAAA", "PTR" }, records.Select(record => record.GetProperty("query_type").GetString()).ToHashSet());
        Assert.Superset(new HashSet<string?> { "NOERROR", "NXDOMAIN" }, records.Select(record => record.GetProperty("rcode").GetString()).ToHashSet());
        Assert.Contains(records, record => record.GetProperty("answers").EnumerateArray().Any(answer => answer.GetProperty("Type").GetString() == "CNAME"));
        Assert.Contains(records, record => record.GetProperty("srcids").TryGetProperty("instance", out _));
    }
}
