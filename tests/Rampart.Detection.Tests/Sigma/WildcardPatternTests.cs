using Rampart.Detection.Sigma.Matching;
using Rampart.Detection.Sigma.Searches;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>Wildcard patterns compile to the cheapest shape and match like a reference glob.</summary>
public sealed class WildcardPatternTests
{
    [Theory]
    [InlineData("abc", "Exact")]
    [InlineData("abc*", "Prefix")]
    [InlineData("*abc", "Suffix")]
    [InlineData("*abc*", "Contains")]
    [InlineData("**", "Any")]
    [InlineData("a*c", "General")]
    [InlineData("a?c", "General")]
    [InlineData("", "Exact")]
    public void PatternsCompileToTheirSimplestShape(string raw, string kind)
    {
        Assert.Equal(kind, WildcardPattern.Compile(SigmaPattern.Parse(raw), cased: false).Kind.ToString());
    }

    [Fact]
    public void GeneralPatternsAgreeWithAReferenceMatcherOnRandomInputs()
    {
        var random = new Random(7);
        const string alphabet = "abAB*?";
        for (var i = 0; i < 5000; i++)
        {
            var raw = Random(random, alphabet, random.Next(0, 7));
            var text = Random(random, "abAB", random.Next(0, 9));
            var pattern = WildcardPattern.Compile(SigmaPattern.Parse(raw), cased: i % 2 == 0);

            Assert.True(
                Reference(raw, text, cased: i % 2 == 0) == pattern.IsMatch(text),
                $"pattern '{raw}' (cased: {i % 2 == 0}) on '{text}'");
        }
    }

    private static string Random(Random random, string alphabet, int length) =>
        new([.. Enumerable.Range(0, length).Select(_ => alphabet[random.Next(alphabet.Length)])]);

    /// <summary>Plain backtracking glob, slow and obviously right.</summary>
    private static bool Reference(string pattern, string text, bool cased)
    {
        if (pattern.Length == 0)
            return text.Length == 0;
        if (pattern[0] == '*')
            return Reference(pattern[1..], text, cased) || (text.Length > 0 && Reference(pattern, text[1..], cased));
        if (text.Length == 0)
            return false;
        var same = pattern[0] == '?' || (cased ? pattern[0] == text[0] : char.ToUpperInvariant(pattern[0]) == char.ToUpperInvariant(text[0]));
        return same && Reference(pattern[1..], text[1..], cased);
    }
}
