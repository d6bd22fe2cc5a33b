using Rampart.Core.Diagnostics;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Access;

/// <summary>
/// <c>who-can</c> over the AWS CLI documentation's export, whose groups and role attach AWS managed policies the export
/// does not hold, filled in from the 1,594 AWS managed policies in ../shared/datasets.
/// </summary>
public sealed class AccountAccessDatasetTests
{
    private const string AwsCliExample = "iam/aws-cli/get-account-authorization-details.example.json";
    private const string ManagedPolicies = "iam/aws-managed-policies.json";

    [SkippableFact]
    public void AwsManagedPoliciesFillInWhatTheExportAttachesButLacks()
    {
        var library = ManagedPolicyLibrary.Read(Datasets.Require(ManagedPolicies), ThrowingSink.Instance);
        var diagnostics = new DiagnosticBag();
        var account = AccountAuthorizationReader.Read(Datasets.Require(AwsCliExample), diagnostics, library);
        var access = AccountAccess.Create(account, new AccessOptions(), ThrowingSink.Instance);

        Assert.True(library.Count >= 1594, $"{library.Count} policies");
        Assert.DoesNotContain(diagnostics.ToImmutableArray(), d => d.Code == AuthorizationDiagnostics.MissingPolicyCode);

        // Admins (Alice, Bob) have AdministratorAccess, but Bob's inline policy denies iam:*; Dev (Charlie) has
        // PowerUserAccess, which excludes IAM but for service-linked roles; EC2role has AmazonS3FullAccess and
        // AmazonDynamoDBFullAccess, which lets it create service-linked roles only for some DynamoDB services.
        Assert.Equal(["Alice"], Names(access, "iam:CreateUser", "arn:aws:iam::123456789012:user/mallory"));
        var linked = access.WhoCan("iam:CreateServiceLinkedRole", "arn:aws:iam::123456789012:role/aws-service-role/dax.amazonaws.com/AWSServiceRoleForDAX").Allowed;
        Assert.Equal([("Alice", false), ("Charlie", false), ("EC2role", true)], linked.Select(answer => (answer.PrincipalName, answer.Result.IsConditional)));
        var service = Assert.Single(Assert.Single(linked[2].Result.Requirements).Conditions);
        Assert.Equal(("iam:AWSServiceName", "managed policy arn:aws:iam::aws:policy/AmazonDynamoDBFullAccess"), (service.Key, linked[2].Result.Requirements[0].Policy));
        Assert.Equal(["Alice", "Bob", "Charlie", "EC2role"], Names(access, "dynamodb:GetItem", "arn:aws:dynamodb:us-west-2:123456789012:table/orders"));
        Assert.Equal(["Alice", "Bob", "Charlie", "EC2role"], Names(access, "s3:PutObject", "arn:aws:s3:::example-bucket/key"));
        Assert.Empty(access.WhoCan("s3:PutObject", "arn:aws:s3:::example-bucket/key").Uncertain);
    }

    private static string[] Names(AccountAccess access, string action, string resource) =>
        [.. access.WhoCan(action, resource).Allowed.Select(answer => answer.PrincipalName)];

    private sealed class ThrowingSink : IDiagnosticSink
    {
        public static ThrowingSink Instance { get; } = new();

        public void Report(Diagnostic diagnostic)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
                throw new InvalidOperationException(diagnostic.ToString());
        }
    }
}
