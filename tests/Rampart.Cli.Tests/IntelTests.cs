using System.IO.Compression;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using Rampart.Testing;

namespace Rampart.Cli.Tests;

/// <summary>Threat-intelligence lists from files and from a real HTTP server on loopback, used by hunt.</summary>
public sealed class IntelTests : IDisposable
{
    private const string Rule = """
        title: Call From a Listed Address
        id: 4a6e2c1d-9b3f-4e7a-8c5d-0f1e2d3c4b5a
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                sourceIPAddress|intel: threats
            condition: selection
        level: high
        """;

    private readonly TempDirectory _temp = new();
    private readonly string _rules;
    private readonly string _logs;

    public IntelTests()
    {
        _rules = _temp.Write("rules/listed.yml", Rule);
        _logs = _temp.Combine("logs");
        var records = string.Join(",\n", new[] { "203.0.113.7", "198.51.100.20", "192.0.2.1" }.Select((ip, i) =>
            $$"""{"eventTime":"2026-03-01T12:0{{i}}:00Z","eventSource":"s3.amazonaws.com","eventName":"ListBuckets","awsRegion":"eu-west-1","sourceIPAddress":"{{ip}}","eventID":"e-{{i}}","recipientAccountId":"111122223333"}"""));
        var path = _temp.Combine("logs/AWSLogs/111122223333/CloudTrail/eu-west-1/2026/03/01/a.json.gz");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var gzip = new GZipStream(File.Create(path), CompressionLevel.Fastest);
        gzip.Write(Encoding.UTF8.GetBytes("{\"Records\":[" + records + "]}"));
    }

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task HitsNameTheListAndTheEntryThatMatched()
    {
        var list = _temp.Write("feeds/threats.txt", "203.0.113.7\n198.51.100.0/24\n");

        var (exit, output, error) = await CliRunner.Run("hunt", _logs, "--rules", _rules, "--intel", list, "--output", "jsonl");

        Assert.True(exit == 0, error);
        var hits = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonNode.Parse(line)!).ToList();
        Assert.Equal(2, hits.Count);
        Assert.Equal("203.0.113.7", hits[0]["intel"]![0]!["indicator"]!.GetValue<string>());
        Assert.Equal("threats", hits[0]["intel"]![0]!["list"]!.GetValue<string>());
        Assert.Equal("198.51.100.0/24", hits[1]["intel"]![0]!["indicator"]!.GetValue<string>());
        Assert.Equal("198.51.100.20", hits[1]["intel"]![0]!["value"]!.GetValue<string>());
        Assert.Equal("sourceIPAddress", hits[1]["intel"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task ListsAreFetchedFromUrlsAndSourcesOfOneNameMerge()
    {
        using var server = new OneFileServer("indicator,kind\n198.51.100.20,scanner\n", "text/csv");
        var file = _temp.Write("feeds/local.txt", "192.0.2.1\n");

        var (exit, output, error) = await CliRunner.Run(
            "hunt", _logs, "--rules", _rules, "--intel", "threats=" + server.Url + "feed.csv", "--intel", "threats=" + file, "--output", "csv");

        Assert.True(exit == 0, error);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, rows.Length);
        Assert.EndsWith("threats:198.51.100.20", rows[1].TrimEnd('\r'));
        Assert.EndsWith("threats:192.0.2.1", rows[2].TrimEnd('\r'));
        Assert.Equal(1, server.Requests);
    }

    [Fact]
    public async Task AListThatCannotBeFetchedIsAnInputErrorAndTheRestStillRuns()
    {
        using var server = new OneFileServer(null, "text/plain");
        var other = _temp.Write("rules/other.yml", Rule.Replace("sourceIPAddress|intel: threats", "eventName: ListBuckets", StringComparison.Ordinal).Replace("4a6e2c1d", "5b7f3d2e", StringComparison.Ordinal));

        var (exit, output, error) = await CliRunner.Run("hunt", _logs, "--rules", _rules, other, "--intel", "threats=" + server.Url + "missing.txt", "--output", "jsonl");

        Assert.Equal(2, exit);
        Assert.Contains("INTEL002", error);
        Assert.Contains("404", error);
        Assert.Contains("RULE044", error);
        Assert.Equal(3, output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [Fact]
    public async Task RulesTestLoadsTheExampleListsKeptBesideTheRules()
    {
        _temp.Write("rules/threats.intel.txt", "# examples\n203.0.113.7\n");
        _temp.Write("rules/listed.match.jsonl", """{"eventSource":"s3.amazonaws.com","eventName":"ListBuckets","sourceIPAddress":"203.0.113.7"}""" + "\n");
        _temp.Write("rules/listed.nomatch.jsonl", """{"eventSource":"s3.amazonaws.com","eventName":"ListBuckets","sourceIPAddress":"203.0.113.8"}""" + "\n");

        var (exit, output, error) = await CliRunner.Run("rules", "test", _temp.Combine("rules"));

        Assert.True(exit == 0, error + output);
        Assert.StartsWith("1 rule files tested with 2 example events: 0 failures", output);
    }

    /// <summary>An HTTP server on loopback that serves one body for every path ending like the first request, or 404 when the body is null.</summary>
    private sealed class OneFileServer : IDisposable
    {
        private readonly HttpListener _listener = new();
        private readonly Task _loop;
        private int _requests;

        public OneFileServer(string? body, string contentType)
        {
            var port = FreePort();
            Url = $"http://127.0.0.1:{port}/";
            _listener.Prefixes.Add(Url);
            _listener.Start();
            _loop = Task.Run(async () =>
            {
                while (_listener.IsListening)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await _listener.GetContextAsync();
                    }
                    catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
                    {
                        return;
                    }

                    Interlocked.Increment(ref _requests);
                    if (body is null)
                    {
                        context.Response.StatusCode = 404;
                    }
                    else
                    {
                        context.Response.ContentType = contentType;
                        var bytes = Encoding.UTF8.GetBytes(body);
                        await context.Response.OutputStream.WriteAsync(bytes);
                    }

                    context.Response.Close();
                }
            });
        }

        public string Url { get; }

        public int Requests => Volatile.Read(ref _requests);

        public void Dispose()
        {
            _listener.Stop();
            _listener.Close();
            _loop.Wait(TimeSpan.FromSeconds(5));
        }

        private static int FreePort()
        {
            using var socket = new TcpListener(IPAddress.Loopback, 0);
            socket.Start();
            return ((IPEndPoint)socket.LocalEndpoint).Port;
        }
    }
}
