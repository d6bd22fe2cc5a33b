using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Hygiene;

namespace Rampart.Iam.Tests.Hygiene;

/// <summary>Builds credential report CSV for tests: every cell defaults to what a user without credentials shows.</summary>
internal static class Report
{
    public const string Source = "report.csv";

    public static readonly DateTimeOffset Now = new(2024, 6, 1, 0, 0, 0, TimeSpan.Zero);

    public static readonly string Header = string.Join(",", CredentialReportColumns.All);

    /// <summary>A date <paramref name="days"/> days before <see cref="Now"/>, as the report writes dates.</summary>
    public static string DaysAgo(double days) => Date(Now.AddDays(-days));

    public static string Date(DateTimeOffset date) => date.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>A user row; <paramref name="cells"/> are <c>column=value</c> pairs overriding the defaults.</summary>
    public static string User(string name, params string[] cells)
    {
        var values = new Dictionary<string, string>
        {
            ["user"] = name,
            ["arn"] = name == CredentialReportColumns.RootUser ? "arn:aws:iam::111122223333:root" : "arn:aws:iam::111122223333:user/" + name,
            ["user_creation_time"] = DaysAgo(400),
            ["password_enabled"] = name == CredentialReportColumns.RootUser ? "not_supported" : "false",
            ["password_last_used"] = "N/A",
            ["password_last_changed"] = name == CredentialReportColumns.RootUser ? "not_supported" : "N/A",
            ["password_next_rotation"] = name == CredentialReportColumns.RootUser ? "not_supported" : "N/A",
            ["mfa_active"] = "false",
        };
        foreach (var key in new[] { 1, 2 })
        {
            values[CredentialReportColumns.AccessKeyActive(key)] = "false";
            values[CredentialReportColumns.AccessKeyLastRotated(key)] = "N/A";
            values[CredentialReportColumns.AccessKeyLastUsedDate(key)] = "N/A";
            values[CredentialReportColumns.AccessKeyLastUsedRegion(key)] = "N/A";
            values[CredentialReportColumns.AccessKeyLastUsedService(key)] = "N/A";
            values[CredentialReportColumns.CertActive(key)] = "false";
            values[CredentialReportColumns.CertLastRotated(key)] = "N/A";
        }

        foreach (var cell in cells)
        {
            var cut = cell.IndexOf('=', StringComparison.Ordinal);
            Assert.True(values.ContainsKey(cell[..cut]), "unknown column " + cell[..cut]);
            values[cell[..cut]] = cell[(cut + 1)..];
        }

        return string.Join(",", CredentialReportColumns.All.Select(column => values[column]));
    }

    public static string Csv(params string[] rows) => Header + "\n" + string.Join("\n", rows) + "\n";

    public static CredentialReport Parse(string text, out ImmutableArray<Diagnostic> diagnostics, string source = Source)
    {
        var bag = new DiagnosticBag();
        var report = CredentialReportReader.Parse(text, source, bag);
        diagnostics = bag.ToImmutableArray();
        Assert.NotNull(report);
        return report;
    }

    public static CredentialReport ParseClean(string text)
    {
        var report = Parse(text, out var diagnostics);
        Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
        return report;
    }
}
