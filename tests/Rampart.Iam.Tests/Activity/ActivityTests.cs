using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Iam.Access;
using Rampart.Iam.Accounts;
using Rampart.Iam.Activity;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Tests.Activity;

/// <summary>What CloudTrail shows principals doing: unused access over a window, and least-privilege policies from use.</summary>
public sealed class ActivityTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 0, 0, 0, TimeSpan.Zero);

    private const string Export = """
        {
          "UserDetailList": [
            {"UserName": "alice", "Arn": "arn:aws:iam::111122223333:user/alice", "CreateDate": "2024-01-01T00:00:00Z", "GroupList": [], "AttachedManagedPolicies": [],
             "UserPolicyList": [{"PolicyName": "work", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
               {"Effect": "Allow", "Action": ["s3:*", "dynamodb:*", "sqs:*", "iam:PassRole"], "Resource": "*"}]}}]},
            {"UserName": "idle", "Arn": "arn:aws:iam::111122223333:user/idle", "CreateDate": "2024-01-01T00:00:00Z", "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": []},
            {"UserName": "newcomer", "Arn": "arn:aws:iam::111122223333:user/newcomer", "CreateDate": "2026-11-28T00:00:00Z", "GroupList": [], "AttachedManagedPolicies": [], "UserPolicyList": []}
          ],
          "RoleDetailList": [
            {"RoleName": "batch", "Arn": "arn:aws:iam::111122223333:role/batch", "CreateDate": "2024-01-01T00:00:00Z",
             "RoleLastUsed": {"LastUsedDate": "2026-11-20T10:00:00Z", "Region": "ap-southeast-2"},
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "batch.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [], "AttachedManagedPolicies": []},
            {"RoleName": "forgotten", "Arn": "arn:aws:iam::111122223333:role/forgotten", "CreateDate": "2024-01-01T00:00:00Z",
             "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ec2.amazonaws.com"}, "Action": "sts:AssumeRole"}]},
             "RolePolicyList": [], "AttachedManagedPolicies": []}
          ]
        }
        """;

    private static readonly AccountAccess Access = AccountAccess.Create(
        AccountAuthorizationReader.Parse(Export, "authz.json", NullDiagnosticSink.Instance), new AccessOptions(), NullDiagnosticSink.Instance);

    [Fact]
    public void EventsAreNamedByTheirIamActionAndRoleSessionsCountForTheRole()
    {
        var activity = Observe(
            Call("2026-11-02T10:00:00Z", "lambda.amazonaws.com", "UpdateFunctionCode20150331v2", Role("deploy"), """{"functionName": "api"}"""),
            Call("2026-11-03T10:00:00Z", "monitoring.amazonaws.com", "PutMetricData", Role("deploy")),
            Call("2026-11-04T10:00:00Z", "signin.amazonaws.com", "ConsoleLogin", User("alice")),
            Call("2026-11-05T10:00:00Z", "s3.amazonaws.com", "GetObject", User("alice"), """{"bucketName": "reports", "key": "q4.csv"}""", error: "AccessDenied"));

        var deploy = activity.Find("arn:aws:iam::111122223333:role/deploy")!;
        Assert.Equal(["cloudwatch:PutMetricData", "lambda:UpdateFunctionCode"], deploy.Actions.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["arn:aws:lambda:eu-west-1:111122223333:function:api"], deploy.Actions["lambda:UpdateFunctionCode"].Resources);
        var alice = activity.Find("arn:aws:iam::111122223333:user/alice")!;
        Assert.Equal(new DateTimeOffset(2026, 11, 4, 10, 0, 0, TimeSpan.Zero), alice.LastSignIn);
        Assert.Equal((0L, 1L), (alice.Actions["s3:GetObject"].Allowed, alice.Actions["s3:GetObject"].Refused));
        Assert.Equal(4, activity.Events);
        Assert.Equal("AKIAALICE", Assert.Single(activity.AccessKeys).Key);
    }

    [Fact]
    public void PrincipalsThatDidNothingAreUnusedUnlessTooNewOrSeenByIamItself()
    {
        var activity = Observe(
            Call("2026-09-10T10:00:00Z", "s3.amazonaws.com", "ListBuckets", User("alice")),
            Call("2026-11-30T10:00:00Z", "s3.amazonaws.com", "GetObject", User("alice"), """{"bucketName": "reports", "key": "q4.csv"}"""));

        var (findings, notes) = Unused(activity);

        // batch is quiet in the trail, but IAM saw it used on 2026-11-20 in a region the trail may not cover.
        Assert.Equal(
            [("iam-unused-actions", "arn:aws:iam::111122223333:user/alice"), ("iam-unused-services", "arn:aws:iam::111122223333:user/alice"),
             ("iam-unused-user", "arn:aws:iam::111122223333:user/idle"), ("iam-unused-role", "arn:aws:iam::111122223333:role/forgotten")],
            findings.Select(f => (f.CheckId, f.Principal)));
        Assert.Contains("IAM reports no recorded use of the role", findings[3].Proof.Facts);
        var actions = findings[0];
        Assert.Contains("actions called: s3:GetObject, s3:ListAllMyBuckets", actions.Proof.Facts);
        Assert.Contains(actions.Proof.Facts, fact => fact.StartsWith("allowed but not called: s3:AbortMultipartUpload,", StringComparison.Ordinal));
        Assert.DoesNotContain(actions.Proof.Facts, fact => fact.Contains("dynamodb:", StringComparison.Ordinal));
        var services = findings[1];
        Assert.Equal("user alice may use 4 services and used 1 in the window", services.Title);
        Assert.Contains("services allowed but unused: dynamodb, iam, sqs", services.Proof.Facts);
        Assert.Contains(notes, n => n.Message.Contains("starts on 2026-09-10", StringComparison.Ordinal));
    }

    [Fact]
    public void AnEmptyTrailJudgesNothingAndSaysSo()
    {
        var (findings, notes) = Unused(new IamActivity());

        Assert.Empty(findings);
        Assert.Equal("the CloudTrail input holds no events, so unused access is not judged", Assert.Single(notes).Message);
    }

    [Fact]
    public void TheGeneratedPolicyCoversWhatWasDoneGeneralisedAndSaysWhatTheTrailCannotShow()
    {
        var calls = new List<JsonLogEvent>();
        for (var i = 0; i < 14; i++)
            calls.Add(Call("2026-11-10T10:00:00Z", "s3.amazonaws.com", "GetObject", User("alice"), $$"""{"bucketName": "reports", "key": "2026/q4/part-{{i}}.csv"}"""));
        calls.Add(Call("2026-11-10T11:00:00Z", "s3.amazonaws.com", "ListBuckets", User("alice")));
        calls.Add(Call("2026-11-10T12:00:00Z", "dynamodb.amazonaws.com", "GetItem", User("alice"), """{"tableName": "orders"}"""));
        calls.Add(Call("2026-11-10T12:30:00Z", "dynamodb.amazonaws.com", "PutItem", User("alice"), """{"tableName": "orders"}"""));
        calls.Add(Call("2026-11-10T13:00:00Z", "kms.amazonaws.com", "Decrypt", User("alice"), error: "AccessDenied"));

        var generated = PolicyGenerator.Generate(Access, "arn:aws:iam::111122223333:user/alice", Observe([.. calls]))!;

        Assert.Equal(
            [
                new GeneratedStatement("Dynamodb0", ["dynamodb:GetItem", "dynamodb:PutItem"], ["arn:aws:dynamodb:eu-west-1:111122223333:table/orders"]),
                new GeneratedStatement("S31", ["s3:ListAllMyBuckets"], ["*"]),
                new GeneratedStatement("S32", ["s3:GetObject"], ["arn:aws:s3:::reports/2026/q4/*"]),
            ],
            generated.Statements, new StatementComparer());
        using var json = JsonDocument.Parse(generated.Json);
        Assert.Equal("2012-10-17", json.RootElement.GetProperty("Version").GetString());
        Assert.Equal(3, json.RootElement.GetProperty("Statement").GetArrayLength());
        Assert.Equal(["iam", "sqs"], generated.Removed.ToArray());
        Assert.Contains(generated.Notes, n => n.StartsWith("it may pass roles today (iam:PassRole)", StringComparison.Ordinal));
        Assert.Contains("kms:Decrypt was called 1 times and refused each time; it is not in the policy", generated.Notes);
        Assert.Null(PolicyGenerator.Generate(Access, "arn:aws:iam::111122223333:user/idle", Observe([.. calls])));
    }

    private static (List<IamFinding> Findings, List<AnalysisNote> Notes) Unused(IamActivity activity)
    {
        var findings = new List<IamFinding>();
        var notes = new List<AnalysisNote>();
        UnusedAccessAnalyzer.Run(Access, activity, Now, UnusedAccessAnalyzer.DefaultWindow, findings, notes);
        return (findings, notes);
    }

    private static IamActivity Observe(params JsonLogEvent[] events)
    {
        var activity = new IamActivity();
        foreach (var record in events)
            activity.Observe(record);
        return activity;
    }

    private static string User(string name) =>
        $$"""{"type": "IAMUser", "arn": "arn:aws:iam::111122223333:user/{{name}}", "accountId": "111122223333", "accessKeyId": "AKIA{{name.ToUpperInvariant()}}"}""";

    private static string Role(string name) =>
        $$"""{"type": "AssumedRole", "arn": "arn:aws:sts::111122223333:assumed-role/{{name}}/s1", "accessKeyId": "ASIAROLE", "sessionContext": {"sessionIssuer": {"type": "Role", "arn": "arn:aws:iam::111122223333:role/{{name}}"} } }""";

    private static JsonLogEvent Call(string time, string source, string name, string identity, string parameters = "null", string? error = null)
    {
        var errorCode = error is null ? "" : $", \"errorCode\": \"{error}\"";
        return JsonLogEvent.Parse($$"""
            {"eventVersion": "1.09", "eventTime": "{{time}}", "eventSource": "{{source}}", "eventName": "{{name}}", "awsRegion": "eu-west-1",
             "recipientAccountId": "111122223333", "userIdentity": {{identity}}, "requestParameters": {{parameters}}{{errorCode}} }
            """, LogSourceTypes.CloudTrail);
    }

    private sealed class StatementComparer : IEqualityComparer<GeneratedStatement>
    {
        public bool Equals(GeneratedStatement? x, GeneratedStatement? y) =>
            x is not null && y is not null && x.Sid == y.Sid && x.Actions.SequenceEqual(y.Actions) && x.Resources.SequenceEqual(y.Resources);

        public int GetHashCode(GeneratedStatement obj) => obj.Sid.GetHashCode(StringComparison.Ordinal);
    }
}
