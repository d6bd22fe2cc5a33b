using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Rampart.Detection.Sigma;
using Rampart.Testing;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The reference pages and the schema stay in step with the code.</summary>
public sealed partial class SigmaDocumentationTests
{
    private static readonly string Reference = File.ReadAllText(RepositoryPaths.Combine("docs", "sigma.md"));

    [Fact]
    public void TheReferenceListsEveryDiagnosticCodeOnceInItsTable()
    {
        var codes = typeof(SigmaDiagnostics).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(field => field.IsLiteral)
            .Select(field => (string)field.GetRawConstantValue()!)
            .Order(StringComparer.Ordinal)
            .ToList();
        var documented = TableCode().Matches(Reference).Select(match => match.Groups["code"].Value).ToList();

        Assert.Equal(44, codes.Count);
        Assert.Equal(codes, documented);
    }

    [Fact]
    public void TheSchemaAndTheReferenceNameEveryModifier()
    {
        using var schema = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.Combine("docs", "schemas", "sigma-rule.schema.json")));
        var pattern = schema.RootElement.GetProperty("$defs").GetProperty("fieldMap").GetProperty("propertyNames").GetProperty("pattern").GetString()!;
        var modifiers = SigmaDiagnostics.ModifierList.Split(", ");

        Assert.Equal(32, modifiers.Length);
        Assert.All(modifiers, modifier =>
        {
            Assert.Matches(pattern, "field|" + modifier);
            Assert.Contains($"`{modifier}`", Reference, StringComparison.Ordinal);
        });
        Assert.DoesNotMatch(pattern, "field|contians");
    }

    [GeneratedRegex(@"^\| (?<code>RULE\d{3}) \|", RegexOptions.Multiline)]
    private static partial Regex TableCode();
}
