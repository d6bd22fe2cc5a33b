using System.Collections.Immutable;
using System.Globalization;
using System.IO.Enumeration;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Posture.Inventory;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Rampart.Posture.Muting;

/// <summary>
/// One decision to accept a failing check on some resources: which checks and resources (globs), which accounts, regions
/// and tags, why, and until when. Kept apart from results: a muted result stays in the output with status MUTED and the
/// reason.
/// </summary>
/// <param name="Check">Glob over check ids (<c>*</c>, <c>?</c>); <c>*</c> when not given.</param>
/// <param name="Resource">Glob over resource keys (ARNs); <c>*</c> when not given.</param>
/// <param name="Account">The account, or null for any.</param>
/// <param name="Region">The region, or null for any.</param>
/// <param name="Tags">Tags the resource must all carry with these values.</param>
/// <param name="Reason">Why, for the people who read the results; required.</param>
/// <param name="Expires">The last day the mute applies (through its end, UTC), or null for no expiry.</param>
/// <param name="Location">Where the mute is written.</param>
public sealed record MuteRule(
    string Check,
    string Resource,
    string? Account,
    string? Region,
    ImmutableSortedDictionary<string, string> Tags,
    string Reason,
    DateOnly? Expires,
    SourceLocation Location)
{
    /// <summary>Whether the mute applies to <paramref name="checkId"/> on <paramref name="resource"/> at <paramref name="now"/>.</summary>
    public bool Matches(string checkId, CloudResource resource, DateTimeOffset now)
    {
        Guard.NotNull(checkId);
        Guard.NotNull(resource);
        if (Expires is { } last && DateOnly.FromDateTime(now.UtcDateTime) > last)
            return false;
        if (Account is not null && Account != resource.Account)
            return false;
        if (Region is not null && !string.Equals(Region, resource.Region, StringComparison.Ordinal))
            return false;
        foreach (var (key, value) in Tags)
        {
            if (!resource.Tags.TryGetValue(key, out var actual) || actual != value)
                return false;
        }

        return FileSystemName.MatchesSimpleExpression(Check, checkId, ignoreCase: false)
            && FileSystemName.MatchesSimpleExpression(Resource, resource.Key, ignoreCase: false);
    }
}

/// <summary>The mutes of a file (<c>mutes: [...]</c>), read with every problem reported where it is.</summary>
public sealed class MuteList
{
    private static readonly string[] Known = ["check", "resource", "account", "region", "tags", "reason", "expires"];

    private MuteList(ImmutableArray<MuteRule> rules) => Rules = rules;

    /// <summary>No mutes.</summary>
    public static MuteList Empty { get; } = new([]);

    /// <summary>The mutes, in file order.</summary>
    public ImmutableArray<MuteRule> Rules { get; }

    /// <summary>The first mute that applies, or null.</summary>
    public MuteRule? Find(string checkId, CloudResource resource, DateTimeOffset now)
    {
        foreach (var rule in Rules)
        {
            if (rule.Matches(checkId, resource, now))
                return rule;
        }

        return null;
    }

    /// <summary>
    /// Reads <paramref name="path"/>. Mutes with errors are left out (and reported); mutes past their expiry at
    /// <paramref name="now"/> are kept but reported, so that they are renewed or removed.
    /// </summary>
    public static MuteList Read(string path, DateTimeOffset now, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE001", $"the mute file cannot be read: {e.Message}", new SourceLocation(path)));
            return Empty;
        }

        return Parse(text, path, now, diagnostics);
    }

    /// <summary>Reads mutes from YAML text named <paramref name="path"/> in diagnostics.</summary>
    public static MuteList Parse(string text, string path, DateTimeOffset now, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(text);
        Guard.NotNull(diagnostics);
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE002", $"invalid YAML: {e.Message}", new SourceLocation(path, e.Start.Line, e.Start.Column)));
            return Empty;
        }

        if (stream.Documents.Count == 0)
            return Empty;
        var root = stream.Documents[0].RootNode;
        if (root is not YamlMappingNode mapping || !mapping.Children.TryGetValue(new YamlScalarNode("mutes"), out var list) || list is not YamlSequenceNode items)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE003", "a mute file is a mapping with a `mutes` list", At(path, root.Start)));
            return Empty;
        }

        var rules = ImmutableArray.CreateBuilder<MuteRule>();
        foreach (var item in items)
        {
            if (Rule(item, path, now, diagnostics) is { } rule)
                rules.Add(rule);
        }

        return new MuteList(rules.ToImmutable());
    }

    private static MuteRule? Rule(YamlNode node, string path, DateTimeOffset now, IDiagnosticSink diagnostics)
    {
        if (node is not YamlMappingNode mapping)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE003", "a mute is a mapping", At(path, node.Start)));
            return null;
        }

        var ok = true;
        string? Scalar(string key)
        {
            if (!mapping.Children.TryGetValue(new YamlScalarNode(key), out var value))
                return null;
            if (value is YamlScalarNode { Value: { Length: > 0 } text })
                return text;
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE004", $"`{key}` takes a non-empty text", At(path, value.Start)));
            ok = false;
            return null;
        }

        foreach (var (key, _) in mapping.Children)
        {
            if (key is YamlScalarNode { Value: { } name } && !Known.Contains(name))
            {
                diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE005", $"unknown key `{name}`; a mute has {string.Join(", ", Known)}", At(path, key.Start)));
                ok = false;
            }
        }

        var reason = Scalar("reason");
        if (reason is null && ok)
        {
            diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE006", "a mute needs a `reason`", At(path, mapping.Start)));
            ok = false;
        }

        DateOnly? expires = null;
        if (Scalar("expires") is { } date)
        {
            if (DateOnly.TryParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed))
            {
                expires = parsed;
                if (DateOnly.FromDateTime(now.UtcDateTime) > parsed)
                    diagnostics.Report(new Diagnostic(DiagnosticSeverity.Warning, "MUTE007", $"the mute expired on {parsed:yyyy-MM-dd} and no longer applies; renew or remove it", At(path, mapping.Start)));
            }
            else
            {
                diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE004", $"`expires` takes a date such as 2027-01-31, not '{date}'", At(path, mapping.Children[new YamlScalarNode("expires")].Start)));
                ok = false;
            }
        }

        var tags = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        if (mapping.Children.TryGetValue(new YamlScalarNode("tags"), out var tagNode))
        {
            if (tagNode is YamlMappingNode tagMap)
            {
                foreach (var (key, value) in tagMap.Children)
                    tags[((YamlScalarNode)key).Value ?? ""] = (value as YamlScalarNode)?.Value ?? "";
            }
            else
            {
                diagnostics.Report(new Diagnostic(DiagnosticSeverity.Error, "MUTE004", "`tags` takes a mapping of tag keys to values", At(path, tagNode.Start)));
                ok = false;
            }
        }

        var (check, resource, account, region) = (Scalar("check") ?? "*", Scalar("resource") ?? "*", Scalar("account"), Scalar("region"));
        return ok ? new MuteRule(check, resource, account, region, tags.ToImmutable(), reason!, expires, At(path, mapping.Start)) : null;
    }

    private static SourceLocation At(string path, Mark mark) => new(path, (int)mark.Line, (int)mark.Column);
}
