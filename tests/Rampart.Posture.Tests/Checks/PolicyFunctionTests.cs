using Rampart.Posture.Checks;

namespace Rampart.Posture.Tests.Checks;

public sealed class PolicyFunctionTests
{
    private static CheckStatus Run(string op, string policy, string? value = null)
    {
        var loaded = CheckLoader.Parse($"""
            id: policy-test
            title: t
            severity: low
            resource: AWS::S3::Bucket
            assert: {"{"}path: supplementary.BucketPolicy, op: {op}{(value is null ? "" : ", value: " + value)}{"}"}
            """, "policy.yml");
        Assert.False(loaded.HasErrors, string.Join("\n", loaded.Diagnostics));
        var bucket = Resources.Of("AWS::S3::Bucket", "{}", $$"""{"BucketPolicy": {{policy}}}""", key: "arn:aws:s3:::data");
        return CheckPack.Compile(loaded.Checks).Checks[0].Evaluate(bucket, Resources.Now).Status;
    }

    private const string PublicRead = """{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}""";

    [Fact]
    public void AGrantToEveryoneIsPublic() => Assert.Equal(CheckStatus.Pass, Run("policy-allows-public", PublicRead));

    [Fact]
    public void APolicyGivenAsAJsonStringIsReadLikeAnObject() =>
        Assert.Equal(CheckStatus.Pass, Run("policy-allows-public", System.Text.Json.JsonSerializer.Serialize(PublicRead)));

    [Fact]
    public void AnExplicitDenyForEveryoneOutsideTheOrganizationMakesAGrantNotPublic() =>
        Assert.Equal(CheckStatus.Fail, Run("policy-allows-public", """
            {"Version":"2012-10-17","Statement":[
              {"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"},
              {"Effect":"Deny","Principal":"*","Action":"s3:*","Resource":"arn:aws:s3:::data/*","Condition":{"StringNotEquals":{"aws:PrincipalOrgID":"o-1"}}}]}
            """));

    [Fact]
    public void AGrantLimitedToASourceAddressRangeIsNotPublic() =>
        Assert.Equal(CheckStatus.Fail, Run("policy-allows-public", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*","Condition":{"IpAddress":{"aws:SourceIp":"198.51.100.0/24"}}}]}
            """));

    [Fact]
    public void AGrantThroughNotPrincipalIsPublic() =>
        Assert.Equal(CheckStatus.Pass, Run("policy-allows-public", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","NotPrincipal":{"AWS":"arn:aws:iam::111122223333:root"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}
            """));

    [Theory]
    [InlineData("[]", CheckStatus.Pass)]
    [InlineData("['444455556666']", CheckStatus.Fail)]
    public void ACrossAccountGrantCountsUnlessTheAccountIsListed(string trusted, CheckStatus expected) =>
        Assert.Equal(expected, Run("policy-allows-cross-account", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Allow","Principal":{"AWS":"arn:aws:iam::444455556666:role/Reader"},"Action":"s3:GetObject","Resource":"arn:aws:s3:::data/*"}]}
            """, trusted));

    [Fact]
    public void ADenyOnInsecureTransportWithBoolIfExistsCounts() =>
        Assert.Equal(CheckStatus.Pass, Run("policy-denies-insecure-transport", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":{"AWS":"*"},"Action":"*","Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"],"Condition":{"BoolIfExists":{"aws:SecureTransport":"false"}}}]}
            """));

    [Fact]
    public void ADenyOnInsecureTransportForOnlySomeActionsDoesNotCount() =>
        Assert.Equal(CheckStatus.Fail, Run("policy-denies-insecure-transport", """
            {"Version":"2012-10-17","Statement":[{"Effect":"Deny","Principal":"*","Action":"s3:GetObject","Resource":["arn:aws:s3:::data","arn:aws:s3:::data/*"],"Condition":{"Bool":{"aws:SecureTransport":"false"}}}]}
            """));

    [Fact]
    public void APolicyThatDoesNotParseIsAnError() =>
        Assert.Equal(CheckStatus.Error, Run("policy-allows-public", "\"{not json\""));
}
