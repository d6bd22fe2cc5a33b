using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Detection.Sigma;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>Values turned down on their bytes are exactly those the decoded comparison turns down.</summary>
public sealed class AsciiDecisionTests
{
    [Theory]
    [InlineData("", "aB.c")]
    [InlineData("|startswith", "aB.c")]
    [InlineData("|endswith", "aB.c")]
    [InlineData("|contains", "aB.c")]
    [InlineData("|contains|cased", "aB.c")]
    [InlineData("|startswith|cased", "aB")]
    [InlineData("|re", ".+:b\\.C-.+")]
    [InlineData("|re|i", ".+:b\\.C-.+")]
    public void ByteDecisionsAgreeWithTheDecodedText(string modifiers, string pattern)
    {
        var diagnostics = new DiagnosticBag();
        var rules = SigmaRuleSet.Parse($$"""
            title: Ascii
            id: 0c4d6e2a-8b1f-4a3c-9d5e-7f6a1b2c3d4e
            logsource:
                product: aws
                service: cloudtrail
            detection:
                selection:
                    value{{modifiers}}: '{{pattern}}'
                condition: selection
            """, "ascii.yml", SigmaOptions.Default, diagnostics);
        Assert.False(diagnostics.HasErrors, string.Join("\n", diagnostics.ToImmutableArray()));
        var rule = Assert.Single(rules.Rules);
        var random = new Random(11);
        const string Alphabet = "aAbBcC.:-";
        var sample = pattern.Replace(".+", "x", StringComparison.Ordinal).Replace("\\", "", StringComparison.Ordinal);
        var matched = 0;
        for (var i = 0; i < 3000; i++)
        {
            var value = new string([.. Enumerable.Range(0, random.Next(0, 9)).Select(_ => Alphabet[random.Next(Alphabet.Length)])]);
            if (random.Next(4) == 0)
                value = value.Insert(random.Next(value.Length + 1), random.Next(2) == 0 ? sample : sample.ToUpperInvariant());
            var expected = Expected(modifiers, pattern, value);
            var found = new List<SigmaRule>();
            rules.Match(JsonLogEvent.Parse($$"""{"value":"{{value}}"}""", LogSourceTypes.CloudTrail), found);

            Assert.True(expected == found.Contains(rule), $"'{value}' with {modifiers} '{pattern}': expected {expected}");
            matched += expected ? 1 : 0;
        }

        Assert.InRange(matched, 20, 2980);
    }

    private static bool Expected(string modifiers, string pattern, string value)
    {
        var comparison = modifiers.Contains("cased", StringComparison.Ordinal) ? StringComparison.Ordinal : StringComparison.OrdinalIgnoreCase;
        return modifiers switch
        {
            "" => value.Equals(pattern, comparison),
            "|startswith" or "|startswith|cased" => value.StartsWith(pattern, comparison),
            "|endswith" => value.EndsWith(pattern, comparison),
            "|re" => System.Text.RegularExpressions.Regex.IsMatch(value, pattern),
            "|re|i" => System.Text.RegularExpressions.Regex.IsMatch(value, pattern, System.Text.RegularExpressions.RegexOptions.IgnoreCase),
            _ => value.Contains(pattern, comparison),
        };
    }
}
