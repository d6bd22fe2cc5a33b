using System.Collections.Immutable;
using Rampart.Logs;

namespace Rampart.Cli.Commands;

/// <summary>The parsed arguments of <c>rampart hunt</c>.</summary>
internal sealed record HuntRequest(
    ImmutableArray<string> Paths,
    ImmutableArray<string> Rules,
    string? Placeholders,
    string Output,
    string? OutFile,
    LogFormat Format,
    int Threads,
    string? Since,
    string? Until,
    ImmutableArray<string> Accounts,
    ImmutableArray<string> Regions,
    bool FailOnHit,
    string? Quarantine)
{
    /// <summary>Threat-intelligence lists, as <c>[NAME=]PATH|URL</c>.</summary>
    public ImmutableArray<string> Intel { get; init; } = [];

    /// <summary>How far out of order records may arrive for correlations, as written (<c>15m</c>); null for the default.</summary>
    public string? Lateness { get; init; }

    /// <summary>The file keeping <c>new_value</c> baselines between hunts, if any.</summary>
    public string? Baseline { get; init; }

    /// <summary>MaxMind DB files (country, city, ASN) for baselines of countries and network owners.</summary>
    public ImmutableArray<string> GeoIp { get; init; } = [];
}
