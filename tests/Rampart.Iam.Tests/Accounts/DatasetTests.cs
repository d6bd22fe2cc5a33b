using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>Real exports from ../shared/datasets: the AWS CLI documentation example and Cloudsplaining's test files.</summary>
public sealed class DatasetTests
{
    private const string AwsCliExample = "iam/aws-cli/get-account-authorization-details.example.json";
    private const string Cloudsplaining = "iam/cloudsplaining/test_files_example-authz-details.json";

    [SkippableFact]
    public void TheAwsCliExampleReadsWithTheCountsTheFileHolds()
    {
        var path = Datasets.Require(AwsCliExample);
        var account = ReadFile(path, out var diagnostics);

        AssertCountsMatchFile(path, account);
        Assert.Equal((3, 3, 1, 3), (account.Users.Length, account.Groups.Length, account.Roles.Length, account.Policies.Length));
        Assert.Equal("123456789012", account.AccountId);
        Assert.Equal(["Alice", "Bob", "Charlie"], account.Users.Select(user => user.Name));
        Assert.Equal(["Admins", "Dev", "Finance"], account.Groups.Select(group => group.Name));
        var role = Assert.Single(account.Roles);
        Assert.Equal(new InstanceProfile("EC2role", "arn:aws:iam::123456789012:instance-profile/EC2role"), Assert.Single(role.InstanceProfiles));
        Assert.Equal(new DateTimeOffset(2019, 11, 13, 17, 30, 0, TimeSpan.Zero), role.LastUsed);
        Assert.Equal("us-west-2", role.LastUsedRegion);
        Assert.Contains("ec2.amazonaws.com", role.AssumeRolePolicy!.Json, StringComparison.Ordinal);
        Assert.Equal([false, false, true], account.Policies.Select(policy => policy.IsAwsManaged));

        // The documentation prints a group's AttachedManagedPolicies as a lone object, and its page is truncated, so
        // the AWS managed policies it attaches are not in it.
        Assert.Equal(
            [
                $"{path}:74:42: AUTHZ004: `$.GroupDetailList[0].AttachedManagedPolicies` is an object, not an array; it was read as a list of one.",
                $"{path}:86:42: AUTHZ004: `$.GroupDetailList[1].AttachedManagedPolicies` is an object, not an array; it was read as a list of one.",
                $"{path}:56:36: AUTHZ009: `$.RoleDetailList[0].AttachedManagedPolicies[0].PolicyArn` names `arn:aws:iam::aws:policy/AmazonS3FullAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
                $"{path}:60:36: AUTHZ009: `$.RoleDetailList[0].AttachedManagedPolicies[1].PolicyArn` names `arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
                $"{path}:76:32: AUTHZ009: `$.GroupDetailList[0].AttachedManagedPolicies.PolicyArn` names `arn:aws:iam::aws:policy/AdministratorAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
                $"{path}:88:32: AUTHZ009: `$.GroupDetailList[1].AttachedManagedPolicies.PolicyArn` names `arn:aws:iam::aws:policy/PowerUserAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));

        var bob = account.EffectivePolicies(account.FindUser("Bob")!);
        Assert.Equal(["DenyBillingAndIAMPolicy"], bob.Identity.Select(policy => policy.PolicyName));
        Assert.Equal("arn:aws:iam::aws:policy/AdministratorAccess", Assert.Single(bob.MissingPolicyArns));
        Assert.False(bob.IsComplete);
    }

    [SkippableFact]
    public void CloudsplainingsExampleReadsWithTheCountsTheFileHoldsAndNoProblem()
    {
        var path = Datasets.Require(Cloudsplaining);
        var account = ReadFile(path, out var diagnostics);

        Assert.Empty(diagnostics);
        AssertCountsMatchFile(path, account);
        Assert.Equal((3, 2, 3, 32), (account.Users.Length, account.Groups.Length, account.Roles.Length, account.Policies.Length));
        Assert.Equal("012345678901", account.AccountId);
        Assert.Equal(30, account.Policies.Count(policy => policy.IsAwsManaged));

        // Python's datetime format, not ISO's T.
        Assert.Equal(new DateTimeOffset(2019, 12, 18, 19, 10, 8, TimeSpan.Zero), account.FindUser("obama")!.CreateDate);

        // Two versions, the default listed first; the other one must not be taken.
        var codeCommit = account.FindPolicy("arn:aws:iam::aws:policy/AWSCodeCommitPowerUser")!;
        Assert.Equal("v11", codeCommit.DefaultVersionId);
        Assert.EndsWith(".Policies[2].PolicyVersionList[0].Document", codeCommit.DefaultDocument.Origin, StringComparison.Ordinal);

        var biden = account.EffectivePolicies(account.FindUser("biden")!);
        Assert.True(biden.IsComplete);
        Assert.Equal(
            [
                "inline policy InsecureUserPolicy",
                "managed policy arn:aws:iam::aws:policy/AWSLambdaFullAccess",
                "inline policy InlinePolicyForBidenGroup of group biden",
                "managed policy arn:aws:iam::aws:policy/AmazonRDSFullAccess through group biden",
            ],
            biden.Identity.Select(policy => policy.ToString()));

        var ec2 = account.FindRole("OverprivilegedEC2")!;
        Assert.Equal(new DateTimeOffset(2019, 1, 20, 18, 48, 0, TimeSpan.Zero), ec2.LastUsed);
        Assert.Null(account.FindRole("MyRole")!.LastUsed);
        Assert.Equal(
            ["inline policy SupYo", "managed policy arn:aws:iam::012345678901:policy/InsecurePolicy"],
            account.EffectivePolicies(ec2).Identity.Select(policy => policy.ToString()));
    }

    [SkippableFact]
    public void CloudsplainingsSmallerExportsReadAndThePoliciesTheyLackAreReported()
    {
        var folder = Datasets.Require("iam/cloudsplaining");
        foreach (var name in new[] { "test_files_example_authz_details_for_overrides.json", "test_files_example_authz_details_for_overrides_complete.json" })
        {
            var path = Path.Combine(folder, name);
            var account = ReadFile(path, out var diagnostics);
            Assert.True(diagnostics.IsEmpty, string.Join("\n", diagnostics));
            AssertCountsMatchFile(path, account);
        }

        var v2 = Path.Combine(folder, "test_files_example_authz_v2.json");
        AssertCountsMatchFile(v2, ReadFile(v2, out var v2Problems));
        Assert.Equal(
            $"{v2}:27:24: AUTHZ009: `$.GroupDetailList[0].AttachedManagedPolicies[0].PolicyArn` names `arn:aws:iam::aws:policy/AdministratorAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
            Assert.Single(v2Problems).ToString());

        // AWSLambdaReadOnlyAccess is attached, but the export holds AWSLambda_ReadOnlyAccess.
        var mismatch = Path.Combine(folder, "test_files_managed_policy_mismatch.json");
        ReadFile(mismatch, out var problems);
        Assert.Equal(
            $"{mismatch}:14:34: AUTHZ009: `$.GroupDetailList[0].AttachedManagedPolicies[0].PolicyArn` names `arn:aws:iam::aws:policy/AWSLambdaReadOnlyAccess`, which is not in `Policies` (referenced once); its permissions are unknown and left out of effective policies.",
            Assert.Single(problems).ToString());
    }

    [SkippableFact]
    public void CloudsplainingsResultsFileIsNotTakenForAnExport()
    {
        var path = Datasets.Require("iam/cloudsplaining/test_files_scanning_test_authorization_file_details_missing_constraints_v2.json");
        var account = ReadFile(path, out var diagnostics);

        Assert.Empty(account.Users);
        Assert.Equal(4, diagnostics.Length);
        Assert.Equal(
            $"{path}:2:5: AUTHZ003: `$[0]` holds none of `UserDetailList`, `GroupDetailList`, `RoleDetailList`, `Policies`: it is not output of `aws iam get-account-authorization-details`; it was skipped.",
            diagnostics[0].ToString());
    }

    [SkippableFact]
    public void CloudMappersDemoExportWithItsKeysSortedReadsWithoutAProblem()
    {
        var path = Datasets.Require("posture/cloudmapper-demo/us-east-1/iam-get-account-authorization-details.json");
        var account = ReadFile(path, out var diagnostics);

        Assert.Empty(diagnostics);
        AssertCountsMatchFile(path, account);
        Assert.Equal("123456789012", account.AccountId);
        Assert.Equal("v8", account.FindPolicy("arn:aws:iam::aws:policy/service-role/AmazonEC2RoleforSSM")!.DefaultVersionId);
        Assert.True(account.EffectivePolicies(account.FindUser("USER")!).Identity.Any(policy => policy.GroupName == "GROUP_WITH_BAD_INLINE_POLICY"));
    }

    private static AccountAuthorizationDetails ReadFile(string path, out ImmutableArray<Diagnostic> diagnostics)
    {
        var bag = new DiagnosticBag();
        var account = AccountAuthorizationReader.Read(path, bag);
        diagnostics = bag.ToImmutableArray();
        return account;
    }

    private static void AssertCountsMatchFile(string path, AccountAuthorizationDetails account)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(path));
        var root = document.RootElement;
        Assert.Equal(Count(root, "UserDetailList"), account.Users.Length);
        Assert.Equal(Count(root, "GroupDetailList"), account.Groups.Length);
        Assert.Equal(Count(root, "RoleDetailList"), account.Roles.Length);
        Assert.Equal(Count(root, "Policies"), account.Policies.Length);

        foreach (var user in root.TryGetProperty("UserDetailList", out var users) ? users.EnumerateArray() : default)
        {
            var read = account.FindUser(user.GetProperty("UserName").GetString()!)!;
            Assert.Equal(Count(user, "UserPolicyList"), read.InlinePolicies.Length);
            Assert.Equal(Count(user, "GroupList"), read.Groups.Length);
            Assert.Equal(Count(user, "AttachedManagedPolicies"), read.AttachedPolicies.Length);
        }

        foreach (var role in root.TryGetProperty("RoleDetailList", out var roles) ? roles.EnumerateArray() : default)
        {
            var read = account.FindRole(role.GetProperty("RoleName").GetString()!)!;
            Assert.Equal(Count(role, "RolePolicyList"), read.InlinePolicies.Length);
            Assert.Equal(Count(role, "AttachedManagedPolicies"), read.AttachedPolicies.Length);
            Assert.Equal(Count(role, "InstanceProfileList"), read.InstanceProfiles.Length);
        }
    }

    private static int Count(JsonElement parent, string name) =>
        !parent.TryGetProperty(name, out var list) ? 0 : list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 1;
}
