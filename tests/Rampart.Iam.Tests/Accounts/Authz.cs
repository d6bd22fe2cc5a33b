using System.Collections.Immutable;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>Reads export text under the name <c>authz.json</c> and keeps what was reported.</summary>
internal static class Authz
{
    public const string Source = "authz.json";

    public static AccountAuthorizationDetails Read(string json, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var account = AccountAuthorizationReader.Parse(json, Source, bag);
        diagnostics = bag.ToImmutableArray();
        return account;
    }

    /// <summary>Reads text that must give no diagnostic at all.</summary>
    public static AccountAuthorizationDetails ReadClean(string json)
    {
        var account = Read(json, out var diagnostics);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        return account;
    }

    /// <summary>Reads text and returns the diagnostics as printed, one per line.</summary>
    public static string Problems(string json)
    {
        Read(json, out var diagnostics);
        return string.Join("\n", diagnostics);
    }
}
