using System.Reflection;
using Rampart.Logs.Flow;
using Rampart.Testing;

namespace Rampart.Logs.Tests;

/// <summary>docs/log-formats.md is what rule authors rely on: it must name every code and every flow field.</summary>
public sealed class DocumentationTests
{
    private static readonly Lazy<string> Page = new(() => File.ReadAllText(RepositoryPaths.Combine("docs", "log-formats.md")));

    private static readonly IReadOnlyList<string> CodeList = [.. typeof(LogDiagnostics)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(constant => constant.IsLiteral)
        .Select(constant => (string)constant.GetRawConstantValue()!)];

    public static TheoryData<string> Codes => [.. CodeList];

    [Theory]
    [MemberData(nameof(Codes))]
    public void EveryDiagnosticCodeIsDocumented(string code) =>
        Assert.Contains($"| `{code}` |", Page.Value, StringComparison.Ordinal);

    [Fact]
    public void EveryCodeIsUniqueAndNumberedInOrder()
    {
        var codes = CodeList;

        Assert.Equal(codes.Distinct().Count(), codes.Count);
        Assert.Equal(Enumerable.Range(1, codes.Count).Select(i => $"LOG{i:000}"), codes.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void EveryFlowFieldIsDocumented()
    {
        var missing = FlowFields.All.Where(field => !Page.Value.Contains($"`{field}`", StringComparison.Ordinal)).ToList();

        Assert.Empty(missing);
    }
}
