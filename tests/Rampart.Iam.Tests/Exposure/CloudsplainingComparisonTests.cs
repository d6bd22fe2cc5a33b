using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Exposure;
using Rampart.Iam.Risk;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Exposure;

/// <summary>
/// Recomputes Rampart's side of docs/iam-cloudsplaining-comparison.md from Cloudsplaining's sample account and checks
/// the totals the page gives; skipped when the datasets are absent.
/// </summary>
public sealed class CloudsplainingComparisonTests
{
    private static AccountAuthorizationDetails Sample()
    {
        var path = Datasets.Require("iam/cloudsplaining/test_files_example-authz-details.json");
        return AccountAuthorizationReader.Parse(File.ReadAllText(path), path, NullDiagnosticSink.Instance);
    }

    [SkippableFact]
    public void ThePoliciesRampartFlagsPerCategoryAreThoseTheComparisonCounts()
    {
        var reports = PermissionRiskAnalyzer.AnalyzePolicies(Sample());

        Assert.Equal(38, reports.Length);
        Assert.Equal(["AdministratorAccess"], reports.Where(r => r.IsAdminEquivalent).Select(r => r.Name));
        Assert.Equal(18, reports.Count(r => !r.ActionsIn(RiskCategory.ResourceExposure).IsEmpty));
        Assert.Equal(6, reports.Count(r => !r.ActionsIn(RiskCategory.CredentialsExposure).IsEmpty));
        Assert.Equal(14, reports.Count(r => !r.ActionsIn(RiskCategory.DataExfiltration).IsEmpty));
        Assert.Equal(30, reports.Count(r => !r.ActionsIn(RiskCategory.InfrastructureModification).IsEmpty));

        // The rows the page explains one by one.
        var iam = reports.Single(r => r.Name == "IAMFullAccess");
        Assert.Equal<string>(["iam:UpdateAssumeRolePolicy"], iam.ActionsIn(RiskCategory.ResourceExposure));
        Assert.Equal(8, iam.ActionsIn(RiskCategory.CredentialsExposure).Length);
        Assert.Empty(reports.Single(r => r.Name == "AmazonS3ReadOnlyAccess").ActionsIn(RiskCategory.InfrastructureModification));
        var ec2Iam = reports.Single(r => r.Policy == "inline policy EC2-IAM-example of role MyRole");
        Assert.Empty(ec2Iam.ActionsIn(RiskCategory.ResourceExposure));
        var overprivileged = reports.Single(r => r.Policy == "inline policy SupYo of role OverprivilegedEC2");
        Assert.Equal<string>(["iam:CreateAccessKey"], overprivileged.ActionsIn(RiskCategory.InfrastructureModification));
        Assert.Empty(overprivileged.ActionsIn(RiskCategory.ResourceExposure));
    }

    [SkippableFact]
    public void ThePrincipalsRampartFlagsPerCategoryAreThoseTheComparisonCounts()
    {
        var findings = new List<IamFinding>();
        PermissionRiskAnalyzer.Run(AccountAccess.Create(Sample(), new AccessOptions(), NullDiagnosticSink.Instance), findings, []);

        string Flagged(string checkId) => string.Join(", ", findings.Where(f => f.CheckId == checkId).Select(f => f.Principal[(f.Principal.LastIndexOf('/') + 1)..]));
        Assert.Equal("obama, userwithlotsofpermissions", Flagged(ExposureCheckIds.AdminEquivalent));
        Assert.Equal("biden, OverprivilegedEC2", Flagged(ExposureCheckIds.ResourceExposure));
        Assert.Equal("OverprivilegedEC2", Flagged(ExposureCheckIds.CredentialsExposure));
        Assert.Equal("biden, OverprivilegedEC2", Flagged(ExposureCheckIds.DataExfiltration));
        Assert.Equal("biden, MyRole, MyOtherRole, OverprivilegedEC2", Flagged(ExposureCheckIds.InfrastructureModification));
        Assert.Equal(11, findings.Count);
    }
}
