using Rampart.Core.Diagnostics;
using Rampart.Detection.Intel;
using Rampart.Detection.Sigma;

namespace Rampart.Cli;

/// <summary>
/// Loads the threat-intelligence lists named on the command line as <c>[NAME=]PATH|URL</c>. Sources given the
/// same name feed one list; without a name, a list is named after its file (<c>tor-exits.txt</c> is <c>tor-exits</c>).
/// </summary>
internal static class IntelSources
{
    /// <summary>Largest list fetched from a URL: 256 MiB.</summary>
    private const long MaxDownloadBytes = 256L * 1024 * 1024;

    private static readonly TimeSpan DownloadTimeout = TimeSpan.FromSeconds(60);

    /// <summary>Options with the lists of <paramref name="specs"/> added; problems go to <paramref name="diagnostics"/>.</summary>
    public static SigmaOptions AddTo(SigmaOptions options, IReadOnlyList<string> specs, IDiagnosticSink diagnostics, HttpMessageHandler? handler = null)
    {
        if (specs.Count == 0)
            return options;
        var builders = new Dictionary<string, (IntelList.Builder Builder, List<string> Sources)>(StringComparer.OrdinalIgnoreCase);
        foreach (var spec in specs)
        {
            var (name, source) = Parse(spec);
            if (!builders.TryGetValue(name, out var entry))
                builders[name] = entry = (new IntelList.Builder(), []);
            var read = IsUrl(source) ? Download(source, entry.Builder, diagnostics, handler) : IntelListReader.ReadFile(source, IntelFormat.Auto, entry.Builder, diagnostics);
            if (read)
                entry.Sources.Add(source);
        }

        var lists = builders
            .Where(pair => pair.Value.Sources.Count > 0)
            .Select(pair => IntelList.Create(pair.Key, string.Join(", ", pair.Value.Sources), pair.Value.Builder));
        return options.WithIntelLists(lists);
    }

    /// <summary>Splits <c>NAME=SOURCE</c>; a bare source is named after its file.</summary>
    internal static (string Name, string Source) Parse(string spec)
    {
        var equals = spec.IndexOf('=', StringComparison.Ordinal);
        if (equals > 0 && spec.AsSpan(0, equals).IndexOfAny(['/', '\\', ':', '.']) < 0)
            return (spec[..equals], spec[(equals + 1)..]);
        var path = IsUrl(spec) ? new Uri(spec).AbsolutePath : spec;
        var file = Path.GetFileName(path.TrimEnd('/', '\\'));
        var dot = file.IndexOf('.', StringComparison.Ordinal);
        var name = dot > 0 ? file[..dot] : file;
        return (name.Length > 0 ? name : "intel", spec);
    }

    private static bool IsUrl(string source) =>
        source.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || source.StartsWith("https://", StringComparison.OrdinalIgnoreCase);

    private static bool Download(string url, IntelList.Builder builder, IDiagnosticSink diagnostics, HttpMessageHandler? handler)
    {
        try
        {
            using var client = handler is null ? new HttpClient() : new HttpClient(handler, disposeHandler: false);
            client.Timeout = DownloadTimeout;
            client.MaxResponseContentBufferSize = MaxDownloadBytes;
            client.DefaultRequestHeaders.UserAgent.ParseAdd("rampart");
            var bytes = client.GetByteArrayAsync(new Uri(url)).GetAwaiter().GetResult();
            using var stream = new MemoryStream(bytes, writable: false);
            return IntelListReader.Read(stream, url, IntelFormat.Auto, builder, diagnostics);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException or IOException or InvalidOperationException)
        {
            var reason = e is TaskCanceledException ? $"no answer within {DownloadTimeout.TotalSeconds:0} s" : e.Message;
            diagnostics.Report(IntelDiagnostics.ListUnreadableError(new SourceLocation(url), "fetching it failed: " + reason));
            return false;
        }
    }
}
