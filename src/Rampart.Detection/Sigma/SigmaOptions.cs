using System.Collections.Immutable;
using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Detection.Sigma.Loading;

namespace Rampart.Detection.Sigma;

/// <summary>
/// Settings for loading and compiling Sigma rules: the values of placeholders and the limits that keep
/// hostile rules from exhausting the machine. Immutable; derive variants with <c>with</c>.
/// </summary>
public sealed record SigmaOptions
{
    /// <summary>Default <see cref="MaxFileBytes"/>: 4 MiB, far above any real rule file.</summary>
    public const int DefaultMaxFileBytes = 4 * 1024 * 1024;

    /// <summary>Default <see cref="MaxYamlDepth"/>: 64 nested mappings or sequences.</summary>
    public const int DefaultMaxYamlDepth = 64;

    /// <summary>Default <see cref="MaxYamlNodes"/>: 100,000 nodes, aliases expanded.</summary>
    public const int DefaultMaxYamlNodes = 100_000;

    /// <summary>Default <see cref="MaxConditionDepth"/>: 64 nested parentheses or <c>not</c>s.</summary>
    public const int DefaultMaxConditionDepth = 64;

    /// <summary>Default <see cref="MaxValueExpansions"/>: 4,096 variants of one value.</summary>
    public const int DefaultMaxValueExpansions = 4096;

    /// <summary>Default <see cref="RegexTimeout"/> in milliseconds: 100.</summary>
    public const int DefaultRegexTimeoutMilliseconds = 100;

    /// <summary>The defaults: no placeholders, and the <c>Default…</c> limits.</summary>
    public static SigmaOptions Default { get; } = new();

    /// <summary>
    /// Values of the placeholders rules use with the <c>expand</c> modifier (<c>%name%</c>), by name
    /// without the percent signs, compared case-insensitively. A rule that uses a placeholder missing
    /// here is skipped with a warning. Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, ImmutableArray<string>> Placeholders { get; init; } =
        ImmutableDictionary<string, ImmutableArray<string>>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The threat-intelligence lists rules may look values up in with the <c>intel</c> modifier (Rampart's
    /// extension), by name, compared case-insensitively. A rule that names a list missing here is skipped with a
    /// warning. Default: empty.
    /// </summary>
    public IReadOnlyDictionary<string, Intel.IntelList> IntelLists { get; init; } =
        ImmutableDictionary<string, Intel.IntelList>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>These options with <paramref name="lists"/> added to <see cref="IntelLists"/> (a later list replaces one of the same name).</summary>
    public SigmaOptions WithIntelLists(IEnumerable<Intel.IntelList> lists)
    {
        Guard.NotNull(lists);
        var merged = ImmutableDictionary.CreateBuilder<string, Intel.IntelList>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in IntelLists)
            merged[pair.Key] = pair.Value;
        foreach (var list in lists)
            merged[list.Name] = list;
        return this with { IntelLists = merged.ToImmutable() };
    }

    /// <summary>
    /// How long one regular expression may run against one value before it counts as not matching.
    /// Default: <see cref="DefaultRegexTimeoutMilliseconds"/> ms; must be positive.
    /// </summary>
    public TimeSpan RegexTimeout { get; init; } = TimeSpan.FromMilliseconds(DefaultRegexTimeoutMilliseconds);

    /// <summary>Largest rule file read, in bytes; larger files are reported and skipped. Default: <see cref="DefaultMaxFileBytes"/>; at least 1.</summary>
    public int MaxFileBytes { get; init; } = DefaultMaxFileBytes;

    /// <summary>Deepest YAML nesting accepted in a rule file. Default: <see cref="DefaultMaxYamlDepth"/>; at least 4.</summary>
    public int MaxYamlDepth { get; init; } = DefaultMaxYamlDepth;

    /// <summary>
    /// Most YAML nodes one document may hold once its aliases are expanded, so that a few anchors cannot
    /// stand for billions of nodes. Default: <see cref="DefaultMaxYamlNodes"/>; at least 16.
    /// </summary>
    public int MaxYamlNodes { get; init; } = DefaultMaxYamlNodes;

    /// <summary>Deepest nesting accepted in a condition. Default: <see cref="DefaultMaxConditionDepth"/>; at least 1.</summary>
    public int MaxConditionDepth { get; init; } = DefaultMaxConditionDepth;

    /// <summary>
    /// Most variants one rule value may expand into through <c>windash</c>, <c>base64offset</c> and
    /// placeholders. Default: <see cref="DefaultMaxValueExpansions"/>; at least 1.
    /// </summary>
    public int MaxValueExpansions { get; init; } = DefaultMaxValueExpansions;

    /// <summary>
    /// The defaults with the placeholders read from a YAML file, either
    /// <c>{placeholders: {name: [values]}}</c> or a flat <c>{name: [values]}</c>. Problems in the file are
    /// reported to <paramref name="diagnostics"/>; the entries that are valid are kept.
    /// </summary>
    public static SigmaOptions WithPlaceholderFile(string path, IDiagnosticSink diagnostics) =>
        Default.WithPlaceholdersFrom(path, diagnostics);

    /// <summary>
    /// These options with the placeholders of the YAML file at <paramref name="path"/> added (a name
    /// defined both here and in the file takes the file's values). See <see cref="WithPlaceholderFile"/>.
    /// </summary>
    public SigmaOptions WithPlaceholdersFrom(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        var loaded = PlaceholderFileReader.Read(path, this, diagnostics);
        var merged = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Placeholders)
            merged[pair.Key] = pair.Value;
        foreach (var pair in loaded)
            merged[pair.Key] = pair.Value;
        return this with { Placeholders = merged.ToImmutable() };
    }

    /// <summary>These options with placeholder names compared case-insensitively, whatever dictionary the caller gave.</summary>
    internal SigmaOptions WithCaseInsensitivePlaceholders()
    {
        var options = this;
        if (IntelLists is not ImmutableDictionary<string, Intel.IntelList> { KeyComparer: var comparer } || comparer != StringComparer.OrdinalIgnoreCase)
            options = this with { IntelLists = IntelLists.ToImmutableDictionary(StringComparer.OrdinalIgnoreCase) };
        if (Placeholders is ImmutableDictionary<string, ImmutableArray<string>> immutable && immutable.KeyComparer == StringComparer.OrdinalIgnoreCase)
            return options;
        var copy = ImmutableDictionary.CreateBuilder<string, ImmutableArray<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in Placeholders)
            copy[pair.Key] = pair.Value;
        return options with { Placeholders = copy.ToImmutable() };
    }

    /// <summary>Throws when a limit is out of its documented range; these are programmer errors.</summary>
    internal void Validate()
    {
        Guard.NotNull(Placeholders);
        Guard.NotNull(IntelLists);
        if (RegexTimeout <= TimeSpan.Zero && RegexTimeout != System.Text.RegularExpressions.Regex.InfiniteMatchTimeout)
            throw new ArgumentOutOfRangeException(nameof(RegexTimeout), RegexTimeout, "The regex timeout must be positive.");
        Guard.InRange(MaxFileBytes, 1, int.MaxValue);
        Guard.InRange(MaxYamlDepth, 4, int.MaxValue);
        Guard.InRange(MaxYamlNodes, 16, int.MaxValue);
        Guard.InRange(MaxConditionDepth, 1, int.MaxValue);
        Guard.InRange(MaxValueExpansions, 1, int.MaxValue);
    }
}
