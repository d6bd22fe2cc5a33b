using Rampart.Iam.Catalog;

namespace Rampart.Iam.Tests.Catalog;

public sealed class MatchActionsTests
{
    private static readonly IamCatalog Catalog = IamCatalog.Default;

    private static string[] Names(string pattern) => [.. Catalog.MatchActions(pattern).Select(a => a.FullName)];

    [Fact]
    public void AStarAfterThePrefixMatchesTheActionsThatStartWithIt()
    {
        var names = Names("s3:Get*");

        Assert.Equal(63, names.Length);
        Assert.Contains("s3:GetObject", names);
        Assert.Contains("s3:GetBucketPolicy", names);
        Assert.All(names, n => Assert.StartsWith("s3:Get", n));
    }

    [Fact]
    public void MatchingIgnoresCase()
    {
        Assert.Equal(Names("s3:Get*"), Names("S3:gEt*"));
    }

    [Fact]
    public void AServiceStarMatchesEveryActionOfTheService()
    {
        Assert.True(Catalog.TryGetService("s3", out var s3));

        Assert.Equal(s3.Actions.AsEnumerable(), Catalog.MatchActions("s3:*"));
        Assert.Equal(180, s3.Actions.Length);
    }

    [Fact]
    public void AStarAloneMatchesEveryAction()
    {
        Assert.Equal(Catalog.ActionCount, Catalog.MatchActions("*").Length);
    }

    [Fact]
    public void AStarInsideTheNameMatchesAnyRun()
    {
        Assert.Equal(
            ["iam:CreateUser", "iam:DeleteUser", "iam:GetUser", "iam:ListGroupsForUser", "iam:TagUser", "iam:UntagUser", "iam:UpdateUser"],
            Names("iam:*User"));
    }

    [Fact]
    public void AQuestionMarkMatchesExactlyOneCharacter()
    {
        Assert.Equal(["s3:GetObject"], Names("s3:GetObjec?"));
        Assert.Equal(["s3:GetObjectAcl"], Names("s3:GetObject???"));
        Assert.Equal(["iam:GetUser"], Names("iam:?etUser"));
        Assert.Empty(Names("s3:GetObject?"));
    }

    [Fact]
    public void AStarInTheServicePartSearchesEveryService()
    {
        Assert.Equal(
            ["mediapackagev2:GetObject", "mediastore:GetObject", "s3:GetObject", "s3-object-lambda:GetObject", "s3-outposts:GetObject"],
            Names("*:GetObject"));
        Assert.Equal(["s3:GetObject", "s3-object-lambda:GetObject", "s3-outposts:GetObject"], Names("s3*:GetObject"));
    }

    [Fact]
    public void APatternWithoutWildcardsMatchesTheOneActionItNames()
    {
        Assert.Equal(["s3:GetObject"], Names("s3:getobject"));
    }

    [Theory]
    [InlineData("s4:*")]
    [InlineData("s3:GetObjekt*")]
    [InlineData("s3")]
    [InlineData("")]
    public void APatternThatNamesNothingMatchesNothing(string pattern)
    {
        Assert.Empty(Catalog.MatchActions(pattern));
    }
}
