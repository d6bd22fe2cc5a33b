using Rampart.Iam.Catalog;

namespace Rampart.Iam.Tests.Catalog;

public sealed class ConditionKeyTests
{
    private static readonly IamCatalog Catalog = IamCatalog.Default;

    private static IamConditionKey KeyOf(string action, string key)
    {
        Assert.True(Catalog.TryGetConditionKey(action, key, out var definition), $"{action} does not support {key}");
        return definition;
    }

    [Fact]
    public void AnActionsOwnKeyIsFoundIgnoringCaseWithItsType()
    {
        Assert.Equal(new IamConditionKey("s3:prefix", IamConditionKeyType.String), KeyOf("s3:ListBucket", "S3:Prefix"));
        Assert.Equal(IamConditionKeyType.String, KeyOf("iam:PassRole", "iam:PassedToService").Type);
        Assert.Equal(IamConditionKeyType.Arn, KeyOf("iam:AttachUserPolicy", "iam:PolicyARN").Type);
    }

    [Fact]
    public void AKeyWithAVariablePartInAngleBracketsMatchesAnyFilling()
    {
        var definition = KeyOf("s3:GetObject", "s3:ExistingObjectTag/classification");

        Assert.Equal("s3:ExistingObjectTag/<key>", definition.Name);
        Assert.Equal(IamConditionKeyType.String, definition.Type);
        Assert.True(definition.HasVariable);
        Assert.Same(definition, KeyOf("s3:GetObject", "s3:existingobjecttag/Project/Team"));
    }

    [Fact]
    public void AKeyWithADollarVariableMatchesAnyFilling()
    {
        Assert.Equal("aws:RequestTag/${TagKey}", KeyOf("iam:TagUser", "aws:RequestTag/team").Name);
        Assert.Equal("kms:EncryptionContext:${EncryptionContextKey}", KeyOf("kms:Decrypt", "kms:EncryptionContext:Department").Name);
        Assert.Equal("agent.${Domain}.buildkite.dev:pipeline_slug", KeyOf("sts:AssumeRoleWithWebIdentity", "agent.example.buildkite.dev:pipeline_slug").Name);
    }

    [Fact]
    public void AVariablePartStandsForAtLeastOneCharacter()
    {
        Assert.False(Catalog.TryGetConditionKey("s3:GetObject", "s3:ExistingObjectTag/", out _));
        Assert.False(Catalog.TryGetConditionKey("iam:TagUser", "aws:RequestTag", out _));
        Assert.False(Catalog.TryGetConditionKey("s3:GetObject", "s3:ExistingObjectTa/x", out _));
    }

    [Fact]
    public void AnExactNameWinsOverOneWithVariables()
    {
        Assert.Equal("ssm:resourceTag/aws:ssmmessages:target-id", KeyOf("ssm:ResumeSession", "ssm:ResourceTag/aws:ssmmessages:target-id").Name);
        Assert.True(Catalog.TryFindConditionKey("ssm:resourceTag/aws:ssmmessages:target-id", out var definition));
        Assert.Equal("ssm:resourceTag/aws:ssmmessages:target-id", definition.Name);
    }

    [Fact]
    public void OfSeveralKeysWithVariablesTheOneWithTheMostFixedTextWins()
    {
        var matcher = KeyOf("events:CreateSubscriber", "events:Metadata/source/Matcher");
        var metadata = KeyOf("events:CreateSubscriber", "events:Metadata/source");

        Assert.Equal(new IamConditionKey("events:Metadata/${MetadataKey}/Matcher", IamConditionKeyType.String), matcher);
        Assert.Equal(new IamConditionKey("events:Metadata/${MetadataKey}", IamConditionKeyType.ArrayOfString), metadata);
    }

    [Fact]
    public void KeysOfAnActionsResourceTypesAreSupported()
    {
        Assert.Equal(IamConditionKeyType.String, KeyOf("ec2:RunInstances", "ec2:InstanceType").Type);
        Assert.Equal("s3:BucketTag/${TagKey}", KeyOf("s3:GetObject", "s3:BucketTag/env").Name);
    }

    [Fact]
    public void AKeyOfAnotherActionOfTheSameServiceIsNotSupported()
    {
        Assert.False(Catalog.TryGetConditionKey("s3:GetObject", "s3:prefix", out var definition));
        Assert.Null(definition);
        Assert.False(Catalog.TryGetConditionKey("iam:ListUsers", "iam:PassedToService", out _));
    }

    [Fact]
    public void NoKeyIsSupportedByAnUnknownAction()
    {
        Assert.False(Catalog.TryGetConditionKey("s3:GetObjekt", "aws:SourceIp", out _));
    }

    [Fact]
    public void GlobalKeysAreSupportedByEveryActionWithTheirTypes()
    {
        Assert.Equal(IamConditionKeyType.IPAddress, KeyOf("s3:GetObject", "aws:SourceIp").Type);
        Assert.Equal(IamConditionKeyType.IPAddress, KeyOf("iam:ListUsers", "AWS:SOURCEIP").Type);
        Assert.Equal(IamConditionKeyType.Bool, KeyOf("iam:ListUsers", "aws:MultiFactorAuthPresent").Type);
        Assert.Equal(IamConditionKeyType.Numeric, KeyOf("iam:ListUsers", "aws:MultiFactorAuthAge").Type);
        Assert.Equal(IamConditionKeyType.Date, KeyOf("iam:ListUsers", "aws:CurrentTime").Type);
        Assert.Equal(IamConditionKeyType.Arn, KeyOf("iam:ListUsers", "aws:PrincipalArn").Type);
        Assert.Equal(IamConditionKeyType.ArrayOfString, KeyOf("iam:ListUsers", "aws:PrincipalOrgPaths").Type);
        Assert.Equal("aws:PrincipalTag/${TagKey}", KeyOf("iam:ListUsers", "aws:PrincipalTag/team").Name);
        Assert.False(Catalog.TryGetConditionKey("iam:ListUsers", "aws:SourceIpAddress", out _));
    }

    [Fact]
    public void GlobalKeysAreListedAndFoundOnTheirOwn()
    {
        Assert.True(Catalog.GlobalConditionKeys.Length >= 50);
        Assert.All(Catalog.GlobalConditionKeys, k => Assert.False(k.Name.EndsWith("/tag-key", StringComparison.Ordinal)));
        Assert.True(Catalog.TryGetGlobalConditionKey("aws:ResourceTag/env", out var resourceTag));
        Assert.Equal("aws:ResourceTag/${TagKey}", resourceTag.Name);
        Assert.True(Catalog.TryGetGlobalConditionKey("aws:SecureTransport", out var secure));
        Assert.Equal(IamConditionKeyType.Bool, secure.Type);
        Assert.False(Catalog.TryGetGlobalConditionKey("s3:prefix", out _));
    }

    [Fact]
    public void AKeyCanBeFoundWithoutAnAction()
    {
        Assert.True(Catalog.TryFindConditionKey("s3:prefix", out var prefix));
        Assert.Equal(IamConditionKeyType.String, prefix.Type);
        Assert.True(Catalog.TryFindConditionKey("s3:ExistingObjectTag/x", out var tag));
        Assert.Equal("s3:ExistingObjectTag/<key>", tag.Name);
        Assert.True(Catalog.TryFindConditionKey("aws:SourceVpce", out _));
        Assert.False(Catalog.TryFindConditionKey("s3:prefixx", out _));
        Assert.False(Catalog.TryFindConditionKey("nosuch:key", out _));
    }

    [Fact]
    public void MultivaluedKeysAreTheArrayTypes()
    {
        Assert.True(KeyOf("iam:TagUser", "aws:TagKeys").IsMultivalued);
        Assert.False(KeyOf("iam:TagUser", "aws:RequestTag/team").IsMultivalued);
    }

    [Theory]
    [InlineData("aws:RequestTag/${TagKey}", "aws:requesttag/Team", true)]
    [InlineData("aws:RequestTag/${TagKey}", "aws:RequestTag/a/b", true)]
    [InlineData("aws:RequestTag/${TagKey}", "aws:RequestTag/", false)]
    [InlineData("aws:RequestTag/${TagKey}", "aws:RequestTag/${TagKey}", true)]
    [InlineData("s3:ExistingObjectTag/<key>", "s3:ExistingObjectTag/x", true)]
    [InlineData("codebuild:fileSystemLocations/${identifier}.location", "codebuild:fileSystemLocations/efs1.location", true)]
    [InlineData("codebuild:fileSystemLocations/${identifier}.location", "codebuild:fileSystemLocations/.location", false)]
    [InlineData("codebuild:fileSystemLocations/${identifier}.location", "codebuild:fileSystemLocations/efs1.type", false)]
    [InlineData("aws:SourceIp", "aws:sourceip", true)]
    [InlineData("aws:SourceIp", "aws:SourceIp2", false)]
    public void AKeyMatchesPolicyKeysByItsNameAndVariables(string name, string policyKey, bool matches)
    {
        Assert.Equal(matches, new IamConditionKey(name, IamConditionKeyType.String).Matches(policyKey));
    }
}
