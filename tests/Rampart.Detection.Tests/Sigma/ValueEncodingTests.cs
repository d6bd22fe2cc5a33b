using Rampart.Detection.Sigma.Searches;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>The transforming modifiers against values worked out by hand.</summary>
public sealed class ValueEncodingTests
{
    [Fact]
    public void Base64OffsetGivesTheStablePartOfEachOfTheThreeAlignments()
    {
        Assert.Equal(["aHR0cDovL", "h0dHA6Ly", "odHRwOi8v"], ValueEncodings.Base64Offsets("http://", isBytes: false));
        Assert.Equal(["d2hvYW1p", "dob2Fta", "3aG9hbW"], ValueEncodings.Base64Offsets("whoami", isBytes: false));
    }

    [Fact]
    public void Base64OffsetLeavesOutVariantsThatAreEmpty()
    {
        Assert.Equal(["Y", "h"], ValueEncodings.Base64Offsets("a", isBytes: false));
    }

    [Fact]
    public void WideEncodesEachCharacterAsTwoLittleEndianBytesAndTheByteOrderMarkComesFirstForUtf16()
    {
        var pattern = new EncodedPattern(SigmaPattern.Parse("cmd*"), IsBytes: false);

        Assert.Equal("c\0m\0d\0*", ValueEncodings.Utf16(pattern, ModifierKind.Wide).Pattern.ToString());
        Assert.Equal("\0c\0m\0d*", ValueEncodings.Utf16(pattern, ModifierKind.Utf16BigEndian).Pattern.ToString());
        Assert.Equal("\u00FF\u00FEc\0m\0d\0*", ValueEncodings.Utf16(pattern, ModifierKind.Utf16).Pattern.ToString());
        Assert.Equal("YwBtAGQA", ValueEncodings.Base64("c\0m\0d\0", isBytes: true));
    }

    [Fact]
    public void WindowsDashVariesOnlyDashesAndSlashesThatStartAWord()
    {
        var variants = ValueEncodings.WindowsDash(SigmaPattern.Parse("a-b -c /d"), max: 100)!.Select(p => p.ToString()).ToList();

        Assert.Equal(25, variants.Count);
        Assert.Contains("a-b -c /d", variants);
        Assert.Contains("a-b /c -d", variants);
        Assert.Contains("a-b \u2013c \u2015d", variants);
        Assert.All(variants, v => Assert.StartsWith("a-b ", v, StringComparison.Ordinal));
    }

    [Fact]
    public void WindowsDashGivesUpBeyondTheLimit()
    {
        Assert.Null(ValueEncodings.WindowsDash(SigmaPattern.Parse(" -a -b -c"), max: 124));
        Assert.Equal(125, ValueEncodings.WindowsDash(SigmaPattern.Parse(" -a -b -c"), max: 125)!.Count);
    }

    [Theory]
    [InlineData(@"a\*b", "a\\*b", false)]
    [InlineData(@"a\\*b", "a\\\\*b", true)]
    [InlineData(@"a\b", "a\\\\b", false)]
    [InlineData(@"a\\\*", "a\\\\\\*", false)]
    [InlineData(@"a\\\\", "a\\\\\\\\", false)]
    [InlineData("what?", "what?", true)]
    public void SigmaEscapesAreReadAsTheSpecificationSays(string raw, string display, bool hasWildcards)
    {
        var pattern = SigmaPattern.Parse(raw);

        Assert.Equal(display, pattern.ToString());
        Assert.Equal(hasWildcards, pattern.HasWildcards);
    }
}
