using Rampart.Core.Diagnostics;

namespace Rampart.Detection.Intel;

/// <summary>The diagnostics of loading threat-intelligence lists; docs/threat-intel.md lists them.</summary>
public static class IntelDiagnostics
{
    /// <summary>An entry is not an address, network, domain or URL. Warning; the rest of the list loads.</summary>
    public const string InvalidIndicator = "INTEL001";

    /// <summary>A list could not be read or fetched, or is not in its format. Error; rules that use it are skipped.</summary>
    public const string ListUnreadable = "INTEL002";

    /// <summary>A STIX indicator's pattern is not a list of address, network, domain or URL values. Info; the indicator is left out.</summary>
    public const string UnsupportedPattern = "INTEL003";

    /// <summary>A list source holds no indicator. Warning.</summary>
    public const string EmptyList = "INTEL004";

    internal static Diagnostic InvalidIndicatorWarning(SourceLocation at, string entry) =>
        new(DiagnosticSeverity.Warning, InvalidIndicator, $"'{Shorten(entry)}' is not an IP address, network, domain or URL; the entry is ignored.", at);

    /// <summary>A list source could not be read or fetched: <paramref name="detail"/> says why.</summary>
    public static Diagnostic ListUnreadableError(SourceLocation at, string detail) =>
        new(DiagnosticSeverity.Error, ListUnreadable, $"the list cannot be read: {detail}; rules that use it are skipped.", at);

    internal static Diagnostic UnsupportedPatternInfo(SourceLocation at, string pattern) =>
        new(DiagnosticSeverity.Info, UnsupportedPattern, $"pattern '{Shorten(pattern)}' is not a list of ipv4-addr, ipv6-addr, domain-name or url values joined by OR; the indicator is left out.", at);

    internal static Diagnostic EmptyListWarning(SourceLocation at) =>
        new(DiagnosticSeverity.Warning, EmptyList, "no indicator was read from it.", at);

    private static string Shorten(string text) =>
        text.Length <= 120 ? text : string.Concat(text.AsSpan(0, 117), "...");
}
