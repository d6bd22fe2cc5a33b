using Rampart.Core;
using Rampart.Iam.Catalog;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Exposure;
using Rampart.Iam.Risk;
using static Rampart.Iam.Tests.Exposure.ExposureFixture;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>Admin-equivalence and the action-category risks, each shown and each held back by what constrains it.</summary>
public sealed class PermissionRiskTests
{
    private const string S3Only = "arn:aws:iam::111122223333:policy/s3-only";

    private static IamFinding? Find(List<IamFinding> findings, string checkId, string principal) =>
        findings.SingleOrDefault(f => f.CheckId == checkId && f.Principal == principal);

    [Fact]
    public void AUserWithAdministratorAccessIsAdminEquivalentAndItsProofCarriesEveryProbeDecision()
    {
        var (findings, _) = new ExposureFixture().User("root-like", managed: [AdministratorAccess]).Permissions();

        var finding = Assert.Single(findings);
        Assert.Equal((ExposureCheckIds.AdminEquivalent, RiskCategory.AdminEquivalent, Severity.Critical), (finding.CheckId, finding.Category, finding.Severity));
        Assert.Equal($"managed policy {AdministratorAccess}", finding.Policy);
        Assert.Equal("$.Statement[0]", finding.Statement);
        Assert.Equal(RiskActions.AdminProbes.Count, finding.Proof.Evaluations.Length);
        Assert.All(finding.Proof.Evaluations, proof => Assert.Equal(Decision.Allowed, proof.Result.Decision));
        Assert.Contains(finding.Proof.Evaluations, proof => proof.Resource == $"arn:aws:iam::{Account}:user/{ActionUniverse.ProbeName}");
    }

    [Fact]
    public void AnAdminOnlyWithMfaIsAdminEquivalentUnderConditions()
    {
        var (findings, _) = new ExposureFixture()
            .User("mfa-admin", inline: [Allow("\"*\"", "\"*\"", """{"Bool": {"aws:MultiFactorAuthPresent": "true"}}""")])
            .Permissions();

        var finding = Assert.Single(findings);
        Assert.Equal((ExposureCheckIds.AdminEquivalent, Severity.High), (finding.CheckId, finding.Severity));
        Assert.Contains(finding.Proof.Facts, fact => fact.Contains("aws:MultiFactorAuthPresent", StringComparison.Ordinal));
    }

    [Fact]
    public void APermissionsBoundaryKeepsAnAdministratorToWhatItAllows()
    {
        var (findings, _) = new ExposureFixture()
            .Policy(S3Only, Allow("\"s3:*\"", "\"*\""))
            .User("bounded", managed: [AdministratorAccess], boundary: S3Only)
            .Permissions();

        Assert.Null(Find(findings, ExposureCheckIds.AdminEquivalent, Arn("user", "bounded")));
        Assert.Null(Find(findings, ExposureCheckIds.CredentialsExposure, Arn("user", "bounded")));
        var data = Find(findings, ExposureCheckIds.DataExfiltration, Arn("user", "bounded"))!;
        Assert.Contains("s3:GetObject", data.Proof.Facts[0], StringComparison.Ordinal);
        Assert.DoesNotContain("secretsmanager", data.Proof.Facts[0], StringComparison.Ordinal);
        var infrastructure = Find(findings, ExposureCheckIds.InfrastructureModification, Arn("user", "bounded"))!;
        Assert.Matches(@"^user bounded is allowed outright, on resources no policy names \(or on \*\), \d+ actions of this category: s3 \(\d+\)$", infrastructure.Proof.Facts[0]);
    }

    [Fact]
    public void AServiceControlPolicyThatDeniesAServiceRemovesItsRisks()
    {
        const string scp = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "*", "Resource": "*"}, {"Effect": "Deny", "Action": "secretsmanager:*", "Resource": "*"}]}""";
        var fixture = new ExposureFixture().Role("reader", inline: [Allow("[\"secretsmanager:GetSecretValue\", \"ssm:GetParameter\"]", "\"*\"")]);

        var without = Find(fixture.Permissions().Findings, ExposureCheckIds.DataExfiltration, Arn("role", "reader"))!;
        var with = Find(fixture.Permissions(scp).Findings, ExposureCheckIds.DataExfiltration, Arn("role", "reader"))!;

        Assert.Contains("secretsmanager:GetSecretValue, ssm:GetParameter", without.Proof.Facts[0], StringComparison.Ordinal);
        Assert.EndsWith("1 action of this category: ssm:GetParameter", with.Proof.Facts[0], StringComparison.Ordinal);
    }

    [Fact]
    public void AnSCPThatAllowsNothingOfTheActionsLeavesNoFinding()
    {
        const string scp = """{"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": ["ec2:Describe*", "s3:List*"], "Resource": "*"}]}""";
        var (findings, _) = new ExposureFixture().User("admin", managed: [AdministratorAccess]).Permissions(scp);

        Assert.Empty(findings);
    }

    [Fact]
    public void ADenyInAnotherPolicyRemovesTheGrant()
    {
        var (findings, _) = new ExposureFixture()
            .Role("keys", inline: [Allow("\"iam:CreateAccessKey\"", "\"*\""), Document("""{"Effect": "Deny", "Action": "iam:Create*", "Resource": "*"}""")])
            .Role("keys-open", inline: [Allow("\"iam:CreateAccessKey\"", "\"*\"")])
            .Permissions();

        Assert.Null(Find(findings, ExposureCheckIds.CredentialsExposure, Arn("role", "keys")));
        var open = Find(findings, ExposureCheckIds.CredentialsExposure, Arn("role", "keys-open"))!;
        Assert.Equal((Severity.High, "inline policy inline0 of role keys-open", "$.Statement[0]"), (open.Severity, open.Policy, open.Statement));
        var proof = Assert.Single(open.Proof.Evaluations);
        Assert.Equal(("iam:CreateAccessKey", $"arn:aws:iam::{Account}:user/{ActionUniverse.ProbeName}"), (proof.Action, proof.Resource));
    }

    [Fact]
    public void AStatementLimitedToNamedResourcesIsNotReportedButOneCoveringEveryResourceIs()
    {
        var (findings, _) = new ExposureFixture()
            .User("scoped", inline: [Allow("[\"s3:GetObject\", \"secretsmanager:GetSecretValue\"]", "[\"arn:aws:s3:::reports/*\", \"arn:aws:secretsmanager:eu-west-1:111122223333:secret:app/*\"]")])
            .User("all-buckets", inline: [Allow("\"s3:GetObject\"", "\"arn:aws:s3:::*\"")])
            .User("one-region", inline: [Allow("\"ec2:TerminateInstances\"", "\"arn:aws:ec2:eu-west-1:111122223333:instance/*\"")])
            .Permissions();

        Assert.DoesNotContain(findings, f => f.Principal == Arn("user", "scoped"));
        Assert.DoesNotContain(findings, f => f.Principal == Arn("user", "one-region"));
        Assert.NotNull(Find(findings, ExposureCheckIds.DataExfiltration, Arn("user", "all-buckets")));
    }

    [Fact]
    public void AGrantUnderAConditionIsAConstraintAndIsNotReported()
    {
        var (findings, _) = new ExposureFixture()
            .User("tagged", inline: [Allow("\"secretsmanager:GetSecretValue\"", "\"*\"", """{"StringEquals": {"aws:ResourceTag/team": "payments"}}""")])
            .Permissions();

        Assert.Empty(findings);
    }

    [Fact]
    public void NotActionGrantsEverythingElseAndTheExcludedActionsStayOut()
    {
        var (findings, _) = new ExposureFixture()
            .User("power", inline: [Document("""{"Effect": "Allow", "NotAction": ["iam:*", "organizations:*"], "Resource": "*"}""")])
            .Permissions();

        Assert.DoesNotContain(findings, f => f.CheckId == ExposureCheckIds.AdminEquivalent);
        var credentials = Find(findings, ExposureCheckIds.CredentialsExposure, Arn("user", "power"))!;
        Assert.DoesNotContain("iam:", credentials.Proof.Facts[0], StringComparison.Ordinal);
        Assert.Contains("sts:GetFederationToken", credentials.Proof.Facts[0], StringComparison.Ordinal);
        var exposure = Find(findings, ExposureCheckIds.ResourceExposure, Arn("user", "power"))!;
        Assert.Contains("s3 (", exposure.Proof.Facts[0], StringComparison.Ordinal);
        Assert.Equal(Severity.High, Find(findings, ExposureCheckIds.InfrastructureModification, Arn("user", "power"))!.Severity);
    }

    [Fact]
    public void KmsDecryptOnEveryKeyIsDecidedAgainstAKeyPolicyThatLeavesAccessToIam()
    {
        var (findings, _) = new ExposureFixture()
            .Role("decrypter", inline: [Allow("\"kms:Decrypt\"", "\"arn:aws:kms:*:111122223333:key/*\"")])
            .Permissions();

        var finding = Find(findings, ExposureCheckIds.DataExfiltration, Arn("role", "decrypter"))!;
        Assert.Equal(Severity.High, finding.Severity);
        var proof = Assert.Single(finding.Proof.Evaluations);
        Assert.Contains(proof.Result.Trace.Layers, layer => layer.Layer == "resourcePolicy" && layer.Result == "Allow");
    }

    [Fact]
    public void AFewWriteActionsOnAnyResourceAreOfLowSeverity()
    {
        var (findings, _) = new ExposureFixture()
            .Role("logger", inline: [Allow("[\"logs:CreateLogStream\", \"logs:PutLogEvents\"]", "\"*\"")])
            .Permissions();

        var finding = Assert.Single(findings);
        Assert.Equal((ExposureCheckIds.InfrastructureModification, Severity.Low), (finding.CheckId, finding.Severity));
        Assert.Equal("role logger may modify infrastructure on any resource (2 actions: logs:CreateLogStream, logs:PutLogEvents)", finding.Title);
    }

    [Fact]
    public void EveryCuratedActionIsInTheCatalog()
    {
        var names = RiskActions.Credentials.Select(c => c.Action)
            .Concat(RiskActions.DataExfiltration.Select(d => d.Action))
            .Concat(RiskActions.ResourceExposureExtra)
            .Concat(RiskActions.AdminProbes);
        Assert.All(names, name => Assert.True(IamCatalog.Default.TryGetAction(name, out _), name));
    }

    [Fact]
    public void APolicyIsReportedOnItsOwnAsCloudsplainingDoes()
    {
        var details = new ExposureFixture()
            .Policy("arn:aws:iam::111122223333:policy/mixed", Document(
                """{"Effect": "Allow", "Action": ["s3:GetObject", "s3:PutBucketPolicy", "iam:CreateAccessKey"], "Resource": "*"}""",
                """{"Effect": "Deny", "Action": "s3:PutBucketPolicy", "Resource": "*"}"""))
            .Details();

        var report = Assert.Single(PermissionRiskAnalyzer.AnalyzePolicies(details), r => r.Name == "mixed");
        Assert.Equal<string>(["s3:GetObject"], report.ActionsIn(RiskCategory.DataExfiltration));
        Assert.Equal<string>(["iam:CreateAccessKey"], report.ActionsIn(RiskCategory.CredentialsExposure));
        Assert.Empty(report.ActionsIn(RiskCategory.ResourceExposure));
        Assert.False(report.IsAdminEquivalent);
    }
}
