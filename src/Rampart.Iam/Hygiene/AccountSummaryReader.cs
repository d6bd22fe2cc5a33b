using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>Reads <c>aws iam get-account-summary</c> output (<c>{"SummaryMap": {…}}</c>), bare or as placebo records it.</summary>
/// <remarks>Never throws on bad input: problems are reported (codes in <see cref="HygieneDiagnostics"/>) and entries that are not integers are skipped.</remarks>
public static class AccountSummaryReader
{
    /// <summary>The name an unnamed stream is given in diagnostics.</summary>
    public const string UnnamedSource = "<stream>";

    private static readonly JsonInputReader.Reading<AccountSummary> Reading = new()
    {
        Command = "aws iam get-account-summary",
        Member = "SummaryMap",
        Body = ReadSummary,
    };

    /// <summary>Reads the file at <paramref name="path"/>; null, with a diagnostic, when nothing usable was in it.</summary>
    public static AccountSummary? Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(path, diagnostics, Reading);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics.</summary>
    public static AccountSummary? Read(Stream stream, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(stream, source, diagnostics, Reading);
    }

    /// <summary>Reads JSON text held in a string; <paramref name="source"/> names it in diagnostics.</summary>
    public static AccountSummary? Parse(string json, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(json);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(Encoding.UTF8.GetBytes(json), source, new LimitedSink(diagnostics), Reading);
    }

    private static AccountSummary ReadSummary(JsonResponse response, JsonElement map, string path, IDiagnosticSink diagnostics)
    {
        var values = ImmutableDictionary.CreateBuilder<string, long>(StringComparer.Ordinal);
        var locations = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var entry in map.EnumerateObject())
        {
            var at = path + "." + entry.Name;
            if (JsonInputReader.Integer(response, entry.Value, at, diagnostics) is { } value)
            {
                values[entry.Name] = value;
                locations[entry.Name] = response.At(at);
            }
        }

        return new AccountSummary(response.Source, values.ToImmutable(), locations.ToImmutable());
    }
}
