using System.Reflection;

namespace Rampart.Architecture.Tests;

public sealed class DependencyTests
{
    private static readonly string[] Bcl = ["System", "netstandard", "mscorlib", "Microsoft.Win32"];

    public static TheoryData<string, string[]> Boundaries => new()
    {
        // Engines are pure: they know Core and the libraries of their own trade, never readers, stores or hosts.
        // Detection reads rules (YAML) and threat-intelligence lists (CSV among them).
        { "Rampart.Detection", ["Rampart.Core", "YamlDotNet", "CsvHelper"] },
        { "Rampart.Logs", ["Rampart.Core"] },
        { "Rampart.GameDays", ["Rampart.Core"] },
        // IAM reads the credential report (CSV).
        { "Rampart.Iam", ["Rampart.Core", "CsvHelper"] },
        // Posture evaluates checks written in YAML with JMESPath paths; its policy functions use the IAM evaluator.
        { "Rampart.Posture", ["Rampart.Core", "Rampart.Iam", "YamlDotNet", "JmesPath.Net", "JmesPath.Net.Parser", "Newtonsoft.Json"] },
        { "Rampart.Hunting", ["Rampart.Core", "Rampart.Logs", "Rampart.Detection", "CsvHelper", "MaxMind.Db"] },
    };

    [Fact]
    public void CoreReferencesOnlyTheBaseClassLibrary()
    {
        var offenders = References("Rampart.Core").Where(name => !IsBcl(name)).ToList();
        Assert.Empty(offenders);
    }

    [Theory]
    [MemberData(nameof(Boundaries))]
    public void EachProjectReferencesOnlyWhatItsBoundaryAllows(string assembly, string[] allowed)
    {
        var offenders = References(assembly).Where(name => !IsBcl(name) && !allowed.Contains(name)).ToList();
        Assert.Empty(offenders);
    }

    [Fact]
    public void TheChecksSeeTheRealReferences()
    {
        // Guards the tests above against passing vacuously on an assembly that failed to load.
        Assert.Contains("Rampart.Core", References("Rampart.Hunting"));
        Assert.Contains("Rampart.Logs", References("Rampart.Hunting"));
    }

    private static bool IsBcl(string name) => Bcl.Any(prefix => name == prefix || name.StartsWith(prefix + ".", StringComparison.Ordinal));

    private static List<string> References(string assembly) =>
        Assembly.Load(assembly).GetReferencedAssemblies().Select(reference => reference.Name!).ToList();
}
