using Rampart.Core;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Exposure;
using Rampart.Iam.Risk;
using static Rampart.Iam.Tests.Exposure.ExposureFixture;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>Roles and resources others may use, and the conditions that keep them closed.</summary>
public sealed class TrustExposureTests
{
    private static string Trust(string principal, string action = "sts:AssumeRole", string? condition = null) =>
        Document($$"""{"Effect": "Allow", "Principal": {{principal}}, "Action": "{{action}}"{{(condition is null ? "" : ", \"Condition\": " + condition)}}}""");

    private static List<IamFinding> Of(List<IamFinding> findings, string role) => [.. findings.Where(f => f.Principal == Arn("role", role))];

    [Fact]
    public void ARoleEveryoneMayAssumeIsCriticalAndOneLimitedToTheOrganisationIsNot()
    {
        var findings = new ExposureFixture()
            .Role("open", Trust("""{"AWS": "*"}"""))
            .Role("star", Trust("\"*\""))
            .Role("org", Trust("""{"AWS": "*"}""", condition: """{"StringEquals": {"aws:PrincipalOrgID": "o-abc123"}}"""))
            .Role("mfa", Trust("""{"AWS": "*"}""", condition: """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}"""))
            .Trust();

        var open = Assert.Single(Of(findings, "open"));
        Assert.Equal((ExposureCheckIds.TrustAnyone, RiskCategory.TrustExposure, Severity.Critical), (open.CheckId, open.Category, open.Severity));
        Assert.Equal(Decision.Allowed, Assert.Single(open.Proof.Evaluations).Result.Decision);
        Assert.Equal(ExposureCheckIds.TrustAnyone, Assert.Single(Of(findings, "star")).CheckId);
        Assert.Empty(Of(findings, "org"));
        var mfa = Assert.Single(Of(findings, "mfa"));
        Assert.Equal((ExposureCheckIds.TrustAnyone, Severity.High), (mfa.CheckId, mfa.Severity));
    }

    [Fact]
    public void AResourceControlPolicyThatDeniesOutsidersClosesAnOpenRole()
    {
        const string rcp = """
            {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "*", "Resource": "*"},
              {"Effect": "Deny", "Principal": "*", "Action": "sts:AssumeRole", "Resource": "*", "Condition": {"StringNotEqualsIfExists": {"aws:PrincipalOrgID": "o-abc123"}}}]}
            """;
        var options = new AccessOptions { ResourceControlPolicies = [[Rampart.Iam.Policies.PolicyDocument.Parse(rcp, "rcp.json", Rampart.Iam.Policies.PolicyKind.ResourceControl, NullDiagnosticSink.Instance)!]] };

        var findings = new ExposureFixture().Role("open", Trust("""{"AWS": "*"}""")).Trust(options: options);

        Assert.Empty(Of(findings, "open"));
    }

    [Fact]
    public void AnotherAccountWithoutAnExternalIdIsReportedAndWithOneIsNot()
    {
        var findings = new ExposureFixture()
            .Role("vendor", Trust("""{"AWS": "arn:aws:iam::444455556666:root"}"""))
            .Role("vendor-extid", Trust("""{"AWS": "arn:aws:iam::444455556666:root"}""", condition: """{"StringEquals": {"sts:ExternalId": "f00d"}}"""))
            .Role("own", Trust("""{"AWS": "arn:aws:iam::111122223333:root"}"""))
            .Trust();

        var vendor = Assert.Single(Of(findings, "vendor"));
        Assert.Equal((ExposureCheckIds.TrustCrossAccount, Severity.Medium), (vendor.CheckId, vendor.Severity));
        Assert.Equal("role vendor may be assumed from account 444455556666 without an external id", vendor.Title);
        Assert.Equal("arn:aws:iam::444455556666:role/rampart-probe-caller", Assert.Single(vendor.Proof.Evaluations).Principal);
        Assert.Empty(Of(findings, "vendor-extid"));
        Assert.Empty(Of(findings, "own"));
    }

    [Fact]
    public void AGitHubRoleNeedsAConditionOnTheSubjectThatNamesAnOwner()
    {
        const string github = """{"Federated": "arn:aws:iam::111122223333:oidc-provider/token.actions.githubusercontent.com"}""";
        const string aud = "\"token.actions.githubusercontent.com:aud\": \"sts.amazonaws.com\"";
        var findings = new ExposureFixture()
            .Role("gh-open", Trust(github, "sts:AssumeRoleWithWebIdentity", "{\"StringEquals\": {" + aud + "}}"))
            .Role("gh-any-owner", Trust(github, "sts:AssumeRoleWithWebIdentity", "{\"StringEquals\": {" + aud + "}, \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:*\"}}"))
            .Role("gh-ok", Trust(github, "sts:AssumeRoleWithWebIdentity", "{\"StringEquals\": {" + aud + "}, \"StringLike\": {\"token.actions.githubusercontent.com:sub\": \"repo:acme/app:ref:refs/heads/main\"}}"))
            .Role("cognito", Trust("""{"Federated": "cognito-identity.amazonaws.com"}""", "sts:AssumeRoleWithWebIdentity"))
            .Trust();

        var open = Assert.Single(Of(findings, "gh-open"));
        Assert.Equal((ExposureCheckIds.TrustOidc, Severity.High), (open.CheckId, open.Severity));
        Assert.Contains("a workflow of any GitHub repository", open.Title, StringComparison.Ordinal);
        Assert.Contains("any owner (repo:*)", Assert.Single(Of(findings, "gh-any-owner")).Title, StringComparison.Ordinal);
        Assert.Empty(Of(findings, "gh-ok"));
        Assert.Equal(ExposureCheckIds.TrustOidc, Assert.Single(Of(findings, "cognito")).CheckId);
    }

    [Fact]
    public void ASamlRoleWithoutAnAudienceIsLowAndWithOneIsNothing()
    {
        const string saml = """{"Federated": "arn:aws:iam::111122223333:saml-provider/Okta"}""";
        var findings = new ExposureFixture()
            .Role("saml-noaud", Trust(saml, "sts:AssumeRoleWithSAML"))
            .Role("saml-ok", Trust(saml, "sts:AssumeRoleWithSAML", """{"StringEquals": {"SAML:aud": "https://signin.aws.amazon.com/saml"}}"""))
            .Trust();

        Assert.Equal((ExposureCheckIds.TrustSaml, Severity.Low), Assert.Single(Of(findings, "saml-noaud")) is var f ? (f.CheckId, f.Severity) : default);
        Assert.Empty(Of(findings, "saml-ok"));
    }

    [Fact]
    public void AServiceRoleIsInformationalAndADeletedPrincipalsIdIsDangling()
    {
        var findings = new ExposureFixture()
            .Role("fn")
            .Role("old", Trust("""{"AWS": ["AROAEXAMPLEEXAMPLE1234", "arn:aws:iam::111122223333:role/fn"]}"""))
            .Trust();

        var service = Assert.Single(Of(findings, "fn"));
        Assert.Equal((ExposureCheckIds.TrustService, Severity.Informational, "role fn may be assumed by service lambda.amazonaws.com"), (service.CheckId, service.Severity, service.Title));
        var dangling = Assert.Single(Of(findings, "old"));
        Assert.Equal(ExposureCheckIds.DanglingPrincipal, dangling.CheckId);
        Assert.Contains("AROAEXAMPLEEXAMPLE1234", dangling.Title, StringComparison.Ordinal);
    }

    [Fact]
    public void APublicBucketPolicyIsCriticalAndOneLimitedToAnEndpointIsNot()
    {
        const string open = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::site/*"}]}""";
        const string endpoint = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::data/*", "Condition": {"StringEquals": {"aws:SourceVpce": "vpce-1a2b"}}}]}""";
        var inputs = new[]
        {
            ResourcePolicyInput.Read($$"""{"Policy": {{System.Text.Json.JsonSerializer.Serialize(open)}}}""", "site.json", "arn:aws:s3:::site", NullDiagnosticSink.Instance)!,
            ResourcePolicyInput.Read(endpoint, "data.json", "arn:aws:s3:::data", NullDiagnosticSink.Instance)!,
        };

        var findings = new ExposureFixture().Trust(inputs);

        var site = Assert.Single(findings, f => f.Principal == "arn:aws:s3:::site" && f.CheckId == ExposureCheckIds.ResourcePolicyPublic && f.Severity == Severity.Critical);
        Assert.Equal("arn:aws:s3:::site/rampart-probe-resource", site.Proof.Evaluations[0].Resource);
        Assert.DoesNotContain(findings, f => f.Principal == "arn:aws:s3:::data");
    }

    [Fact]
    public void AKeyPolicyNamingAnotherAccountIsCrossAccountAndTheOwnAccountIsNot()
    {
        const string key = """
            {"Version": "2012-10-17", "Statement": [
              {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::111122223333:root"}, "Action": "kms:*", "Resource": "*"},
              {"Effect": "Allow", "Principal": {"AWS": "arn:aws:iam::444455556666:root"}, "Action": ["kms:Decrypt", "kms:DescribeKey"], "Resource": "*"}]}
            """;
        var input = ResourcePolicyInput.Read(key, "key.json", "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab", NullDiagnosticSink.Instance)!;

        var findings = new ExposureFixture().Trust([input]);

        var finding = Assert.Single(findings);
        Assert.Equal((ExposureCheckIds.ResourcePolicyCrossAccount, Severity.Medium), (finding.CheckId, finding.Severity));
        Assert.Contains("account 444455556666", finding.Title, StringComparison.Ordinal);
        Assert.Contains("kms:Decrypt", finding.Proof.Facts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AResourcePolicyWithoutAnArnIsADiagnostic()
    {
        var bag = new DiagnosticBag();

        Assert.Null(ResourcePolicyInput.Read("""{"Version": "2012-10-17", "Statement": []}""", "queue.json", null, bag));
        Assert.Equal("queue.json:1:1: RESPOL002: the resource's ARN is not in the file; give it", Assert.Single(bag.ToImmutableArray()).ToString());
    }
}
