using System.Text.RegularExpressions;
using Rampart.Detection.Sigma.Matching;

namespace Rampart.Detection.Tests.Sigma;

public sealed class RequiredLiteralTests
{
    [Theory]
    [InlineData(".+:assumed-role/aws:.+", ":assumed-role/aws:")]
    [InlineData(@"^arn:aws:iam::\d+:user/admin$", "arn:aws:iam::")]
    [InlineData(@"\.amazonaws\.com$", ".amazonaws.com")]
    [InlineData("abc+def", "abc")]
    [InlineData("abd?efgh", "efgh")]
    [InlineData("abcx*", "abc")]
    [InlineData("abcdef{2}gh", "abcde")]
    [InlineData("(?:alpha|beta)-gamma-delta", "-gamma-delta")]
    [InlineData("[xyz]+token[0-9]", "token")]
    [InlineData(@"\p{L}+_marker_\p{N}", "_marker_")]
    public void FindsTheLongestRunEveryMatchContains(string pattern, string expected)
    {
        Assert.Equal(expected, RequiredLiteral.Find(pattern, RegexOptions.None)?.Text);
    }

    [Fact]
    public void EveryRunIsRequiredSoValuesLackingAShortOneAreRejectedOnTheirBytes()
    {
        var literal = RequiredLiteral.Find(":assumed-role/[^/]+/i-[0-9a-f]{8,17}$", RegexOptions.None);

        Assert.NotNull(literal);
        Assert.Equal(":assumed-role/", literal.Text);
        Assert.Equal(["/i-"], literal.Others);
        Assert.True(literal.IsIn("arn:aws:sts::1:assumed-role/Web/i-0abc12345678"u8));
        Assert.False(literal.IsIn("arn:aws:sts::1:assumed-role/Web/botocore-session-1"u8));
        Assert.False(literal.IsIn("arn:aws:sts::1:assumed-role/Web/botocore-session-1"));
    }

    [Theory]
    [InlineData("alpha|beta")]
    [InlineData(".*")]
    [InlineData("a.b.c")]
    [InlineData("(?x) spaced out ")]
    [InlineData("[a-z-[aeiou]]xyz")]
    public void FindsNothingWhereNoLiteralIsRequired(string pattern)
    {
        Assert.Null(RequiredLiteral.Find(pattern, RegexOptions.None));
    }

    [Fact]
    public void FreeSpacingPatternsAreNotAnalysed()
    {
        Assert.Null(RequiredLiteral.Find("abc def", RegexOptions.IgnorePatternWhitespace));
    }

    [Fact]
    public void CaseInsensitivePatternsAvoidLettersWithNonAsciiCaseFolds()
    {
        // Under IgnoreCase the regex engine matches 'k' with the Kelvin sign, which an ordinal
        // case-insensitive search would not find: the literal stops short of it.
        var literal = RequiredLiteral.Find("invokefunction", RegexOptions.IgnoreCase);

        Assert.NotNull(literal);
        Assert.Equal(StringComparison.OrdinalIgnoreCase, literal.Comparison);
        Assert.DoesNotContain("k", literal.Text, StringComparison.OrdinalIgnoreCase);
        Assert.Matches(new Regex("invokefunction", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), "INVO\u212AEFUNCTION");
        Assert.True(literal.IsIn("INVO\u212AEFUNCTION"));
    }

    [Fact]
    public void InlineOptionsMakeTheComparisonIgnoreCase()
    {
        Assert.Equal(StringComparison.OrdinalIgnoreCase, RequiredLiteral.Find("(?i)deleteTrail", RegexOptions.None)?.Comparison);
        Assert.Equal(StringComparison.Ordinal, RequiredLiteral.Find("deleteTrail", RegexOptions.None)?.Comparison);
    }

    [Theory]
    [InlineData(".+:assumed-role/aws:.+", RegexOptions.None)]
    [InlineData("(?i)Create.*Key", RegexOptions.None)]
    [InlineData("user+[0-9]?:id{1,3}", RegexOptions.None)]
    [InlineData(@"x\.y(z|w)+v", RegexOptions.IgnoreCase)]
    [InlineData("^start.*mid-part.*end$", RegexOptions.Multiline)]
    [InlineData("role/.+/i-[0-9]", RegexOptions.None)]
    public void EveryValueTheRegexMatchesContainsTheLiteral(string pattern, RegexOptions options)
    {
        // Random values built from the pattern's own characters, so that many of them match.
        var regex = new Regex(pattern, options | RegexOptions.CultureInvariant);
        var literal = RequiredLiteral.Find(pattern, options);
        Assert.NotNull(literal);
        var alphabet = pattern.Where(char.IsAsciiLetterOrDigit).Concat(":/-.\nXYZ0".ToCharArray()).Distinct().ToArray();
        var words = Regex.Matches(pattern, "[A-Za-z0-9:/.-]+").Select(m => m.Value).Append(literal.Text).ToArray();
        var random = new Random(20261129);
        var matched = 0;
        for (var i = 0; i < 20_000; i++)
        {
            var value = Sample(random, alphabet, words);
            if (!regex.IsMatch(value))
                continue;
            matched++;
            Assert.True(literal.IsIn(value), $"'{pattern}' matches '{value}', which lacks '{literal.Text}'");
        }

        Assert.True(matched > 50, $"only {matched} samples matched '{pattern}'");
    }

    private static string Sample(Random random, char[] alphabet, string[] words)
    {
        var chars = new List<char>();
        var length = random.Next(0, 12);
        for (var i = 0; i < length; i++)
        {
            // Often a word of the pattern, whole or cut short, so that matches and near misses are both tried.
            if (random.Next(2) == 0)
            {
                var word = words[random.Next(words.Length)];
                chars.AddRange(random.Next(3) == 0 ? word[..random.Next(1, word.Length + 1)] : word);
            }
            else
                chars.Add(alphabet[random.Next(alphabet.Length)]);
        }

        return new string([.. chars]);
    }
}
