using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>Every kind of bad input, with the words it is reported in; what can still be read is read.</summary>
public sealed class DiagnosticTests
{
    private const string GoodUser = """{"UserName":"a","Arn":"arn:aws:iam::111122223333:user/a"}""";

    [Fact]
    public void TextThatIsNotJsonIsReportedWhereItGoesWrong()
    {
        Assert.Equal(
            "authz.json:1:1: AUTHZ002: the input is not valid JSON: 'h' is an invalid start of a value; what came before this point was read, the rest was not.",
            Authz.Problems("hello"));
    }

    [Fact]
    public void AFileCutShortIsSaidToBeCutAndWhatCameBeforeIsRead()
    {
        var account = Authz.Read("""{"UserDetailList":[""" + GoodUser + """,{"UserName":"b",""", out var diagnostics);

        Assert.Equal(
            "authz.json:1:93: AUTHZ002: the input is not valid JSON: it ends before the value is complete (was it cut short?); what came before this point was read, the rest was not.",
            Assert.Single(diagnostics).ToString());
        Assert.Equal("a", Assert.Single(account.Users).Name);
    }

    [Fact]
    public void TextAfterTheLastPageIsInvalidJson()
    {
        Assert.Equal(
            "authz.json:1:80: AUTHZ002: the input is not valid JSON: 'g' is an invalid start of a value; what came before this point was read, the rest was not.",
            Authz.Problems("""{"UserDetailList":[""" + GoodUser + """]} garbage"""));
    }

    [Fact]
    public void AnEmptyInputIsReported()
    {
        var account = Authz.Read(" \n ", out var diagnostics);

        Assert.Equal("authz.json: AUTHZ015: the input is empty; there is nothing to read.", Assert.Single(diagnostics).ToString());
        Assert.Same(AccountAuthorizationDetails.Empty, account);
    }

    [Fact]
    public void JsonThatIsNotAnExportIsReported()
    {
        Assert.Equal(
            "authz.json:1:1: AUTHZ003: `$` is a string, not the object `aws iam get-account-authorization-details` prints (or an array of such pages); it was skipped.",
            Authz.Problems("\"just a string\""));
        Assert.Equal(
            "authz.json:1:1: AUTHZ003: `$` holds none of `UserDetailList`, `GroupDetailList`, `RoleDetailList`, `Policies`: it is not output of `aws iam get-account-authorization-details`; it was skipped.",
            Authz.Problems("""{"Records":[]}"""));
        Assert.Equal(
            "authz.json:1:2: AUTHZ003: `$[0]` is a number, not the object `aws iam get-account-authorization-details` prints (or an array of such pages); it was skipped.",
            Authz.Problems("[1]"));
    }

    [Fact]
    public void AListOrAnEntryOfTheWrongTypeIsSkippedAndTheRestRead()
    {
        var account = Authz.Read(
            """{"UserDetailList":"none","RoleDetailList":[1,{"RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r","AssumeRolePolicyDocument":{}}]}""",
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:1:19: AUTHZ004: `$.UserDetailList` must be an array but is a string; the list was skipped.",
                "authz.json:1:44: AUTHZ004: `$.RoleDetailList[0]` must be an object but is a number; the role was skipped.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(DiagnosticSeverity.Error, diagnostics[0].Severity);
        Assert.Equal("r", Assert.Single(account.Roles).Name);
    }

    [Fact]
    public void AnEntryWithoutItsNameOrArnIsSkippedAndBadOptionalFieldsAreIgnored()
    {
        var account = Authz.Read(
            """{"RoleDetailList":[{"RoleName":7,"Arn":"arn:aws:iam::111122223333:role/x"},{"Arn":"arn:aws:iam::111122223333:role/y"},{"RoleName":"z"},{"RoleName":"ok","Arn":"arn:aws:iam::111122223333:role/ok","Path":5,"CreateDate":"yesterday","RoleLastUsed":{"LastUsedDate":"2024-13-01T00:00:00Z"}}]}""",
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:1:32: AUTHZ004: `$.RoleDetailList[0].RoleName` must be a string but is a number; the role was skipped.",
                "authz.json:1:76: AUTHZ005: `$.RoleDetailList[1]` has no `RoleName`; the role was skipped.",
                "authz.json:1:119: AUTHZ005: `$.RoleDetailList[2]` has no `Arn`; the role was skipped.",
                "authz.json:1:202: AUTHZ004: `$.RoleDetailList[3].Path` must be a string but is a number; it was ignored.",
                "authz.json:1:217: AUTHZ012: `$.RoleDetailList[3].CreateDate` is `yesterday`, which is not an ISO 8601 date and time; it was ignored.",
                "authz.json:1:260: AUTHZ012: `$.RoleDetailList[3].RoleLastUsed.LastUsedDate` is `2024-13-01T00:00:00Z`, which is not an ISO 8601 date and time; it was ignored.",
                "authz.json:1:136: AUTHZ005: `$.RoleDetailList[3]` has no `AssumeRolePolicyDocument`; the role was read without a trust policy.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(
            [DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning],
            diagnostics.Select(diagnostic => diagnostic.Severity));
        var role = Assert.Single(account.Roles);
        Assert.Equal(("ok", "/", null, null, null), (role.Name, role.Path, role.CreateDate, role.LastUsed, role.AssumeRolePolicy));
    }

    [Fact]
    public void ATagWithoutAKeyIsSkippedAndAnArnThatIsNotAnIamArnIsKeptWithAWarning()
    {
        var account = Authz.Read("""{"UserDetailList":[{"UserName":"u","Arn":"user/u","Tags":[{"Value":"x"},{"Key":"k","Value":"v"}]}]}""", out var diagnostics);

        Assert.Equal(
            [
                "authz.json:1:59: AUTHZ005: `$.UserDetailList[0].Tags[0]` has no `Key`; the tag was skipped.",
                "authz.json:1:42: AUTHZ013: `$.UserDetailList[0].Arn` is `user/u`, which is not an IAM ARN (`arn:partition:iam::account:resource`); it was kept as written.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        var user = Assert.Single(account.Users);
        Assert.Equal(("user/u", new IamTag("k", "v")), (user.Arn, Assert.Single(user.Tags)));
        Assert.Null(account.AccountId);
    }

    [Fact]
    public void BadUrlEncodingAndDocumentsThatAreNotObjectsSkipTheirPolicyOnly()
    {
        var account = Authz.Read(
            """{"UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","UserPolicyList":[{"PolicyName":"bad-escape","PolicyDocument":"%7B%22a%22%3A%G1%7D"},{"PolicyName":"cut","PolicyDocument":"%7B%2"},{"PolicyName":"latin1","PolicyDocument":"%7B%22a%22%3A%22%E9%22%7D"},{"PolicyName":"words","PolicyDocument":"allow everything"},{"PolicyName":"array","PolicyDocument":[]},{"PolicyName":"encoded-array","PolicyDocument":"%5B%5D"},{"PolicyName":"nodoc"},{"PolicyDocument":{}},{"PolicyName":"ok","PolicyDocument":{}}]}]}""",
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:1:139: AUTHZ006: `$.UserDetailList[0].UserPolicyList[0].PolicyDocument` is not valid URL-encoded text: `%G1` at character 14 is not a `%` followed by two hexadecimal digits; the inline policy was skipped.",
                "authz.json:1:199: AUTHZ006: `$.UserDetailList[0].UserPolicyList[1].PolicyDocument` is not valid URL-encoded text: `%2` at character 4 is not a `%` followed by two hexadecimal digits; the inline policy was skipped.",
                "authz.json:1:248: AUTHZ006: `$.UserDetailList[0].UserPolicyList[2].PolicyDocument` is not valid URL-encoded text: the decoded bytes are not UTF-8; the inline policy was skipped.",
                "authz.json:1:316: AUTHZ007: `$.UserDetailList[0].UserPolicyList[3].PolicyDocument` must be a policy document (a JSON object, or a string holding one, URL-encoded or not) but is a string that holds no JSON object; the inline policy was skipped.",
                "authz.json:1:375: AUTHZ007: `$.UserDetailList[0].UserPolicyList[4].PolicyDocument` must be a policy document (a JSON object, or a string holding one, URL-encoded or not) but is an array; the inline policy was skipped.",
                "authz.json:1:426: AUTHZ007: `$.UserDetailList[0].UserPolicyList[5].PolicyDocument` must be a policy document (a JSON object, or a string holding one, URL-encoded or not) but is a string that holds no JSON object; the inline policy was skipped.",
                "authz.json:1:436: AUTHZ005: `$.UserDetailList[0].UserPolicyList[6]` has no `PolicyDocument`; the inline policy was skipped.",
                "authz.json:1:459: AUTHZ005: `$.UserDetailList[0].UserPolicyList[7]` has no `PolicyName`; the inline policy was skipped.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal("ok", Assert.Single(Assert.Single(account.Users).InlinePolicies).Name);
    }

    [Fact]
    public void ABadTrustPolicyLeavesTheRoleWithoutOne()
    {
        var account = Authz.Read(
            """{"RoleDetailList":[{"RoleName":"s","Arn":"arn:aws:iam::111122223333:role/s","AssumeRolePolicyDocument":"%ZZ"}]}""",
            out var diagnostics);

        Assert.Equal(
            "authz.json:1:104: AUTHZ006: `$.RoleDetailList[0].AssumeRolePolicyDocument` is not valid URL-encoded text: `%ZZ` at character 1 is not a `%` followed by two hexadecimal digits; the role was read without a trust policy.",
            Assert.Single(diagnostics).ToString());
        Assert.Null(Assert.Single(account.Roles).AssumeRolePolicy);
    }

    [Fact]
    public void AManagedPolicyWithoutItsDefaultVersionIsSkippedAndNotReportedMissingWhereAttached()
    {
        var account = Authz.Read(
            """
            {"Policies":[
              {"Arn":"arn:aws:iam::111122223333:policy/a","DefaultVersionId":"v3","PolicyVersionList":[{"VersionId":"v1","Document":{}}]},
              {"Arn":"arn:aws:iam::111122223333:policy/b","PolicyVersionList":[{"VersionId":"v1","Document":{}},{"VersionId":"v2","Document":{}}]},
              {"Arn":"arn:aws:iam::111122223333:policy/c","DefaultVersionId":"v1","PolicyVersionList":[{"VersionId":"v1"}]},
              {"PolicyName":"d"},
              {"Arn":"arn:aws:iam::111122223333:policy/e","DefaultVersionId":"v1","AttachmentCount":"many","IsAttachable":"yes","PolicyVersionList":[{"VersionId":"v1","Document":{}}]}],
             "UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","AttachedManagedPolicies":[{"PolicyArn":"arn:aws:iam::111122223333:policy/a"}]}]}
            """,
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:2:91: AUTHZ008: `$.Policies[0].PolicyVersionList` has no version `v3` (its `DefaultVersionId`); the policy was skipped.",
                "authz.json:3:67: AUTHZ008: `$.Policies[1]` names no default version (no `DefaultVersionId`, and no version with `IsDefaultVersion` true); the policy was skipped.",
                "authz.json:4:92: AUTHZ005: `$.Policies[2].PolicyVersionList[0]` has no `Document`; the policy was skipped.",
                "authz.json:5:3: AUTHZ005: `$.Policies[3]` has no `Arn`; the policy was skipped.",
                "authz.json:6:89: AUTHZ004: `$.Policies[4].AttachmentCount` must be a whole number of zero or more but is a string; it was ignored.",
                "authz.json:6:111: AUTHZ004: `$.Policies[4].IsAttachable` must be true or false but is a string; it was ignored.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        var policy = Assert.Single(account.Policies);
        Assert.Equal(("e", 0, true), (policy.Name, policy.AttachmentCount, policy.IsAttachable));
    }

    [Fact]
    public void APolicyReferencedButMissingFromPoliciesIsReportedOnceWhereFirstNamed()
    {
        var account = Authz.Read(
            """
            {"Policies":[],
             "UserDetailList":[
              {"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","AttachedManagedPolicies":[{"PolicyArn":"arn:aws:iam::aws:policy/Gone"},{"PolicyName":"noarn"}],"PermissionsBoundary":{"PermissionsBoundaryType":"Policy"}},
              {"UserName":"v","Arn":"arn:aws:iam::111122223333:user/v","AttachedManagedPolicies":[{"PolicyArn":"arn:aws:iam::aws:policy/Gone"}],"PermissionsBoundary":{"PermissionsBoundaryArn":"arn:aws:iam::aws:policy/Gone"}}]}
            """,
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:3:132: AUTHZ005: `$.UserDetailList[0].AttachedManagedPolicies[1]` has no `PolicyArn`; the attached policy was skipped.",
                "authz.json:3:178: AUTHZ005: `$.UserDetailList[0].PermissionsBoundary` has no `PermissionsBoundaryArn`; the boundary was ignored.",
                "authz.json:3:100: AUTHZ009: `$.UserDetailList[0].AttachedManagedPolicies[0].PolicyArn` names `arn:aws:iam::aws:policy/Gone`, which is not in `Policies` (referenced 3 times); its permissions are unknown and left out of effective policies.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal([DiagnosticSeverity.Error, DiagnosticSeverity.Warning, DiagnosticSeverity.Warning], diagnostics.Select(diagnostic => diagnostic.Severity));
        Assert.Equal(new AttachedPolicy("arn:aws:iam::aws:policy/Gone", "Gone"), Assert.Single(account.Users[0].AttachedPolicies));
        Assert.Null(account.Users[0].PermissionsBoundaryArn);
        Assert.Equal("arn:aws:iam::aws:policy/Gone", account.Users[1].PermissionsBoundaryArn);
    }

    [Fact]
    public void AnExportWithoutPoliciesIsReportedOnceNotOncePerAttachment()
    {
        Assert.Equal(
            "authz.json: AUTHZ009: the input has no `Policies`, so the documents of the 2 managed policies it attaches are unknown and left out of effective policies (run `aws iam get-account-authorization-details` without `--filter`, or with `LocalManagedPolicy AWSManagedPolicy` too).",
            Authz.Problems(
                """{"UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","AttachedManagedPolicies":[{"PolicyArn":"arn:aws:iam::aws:policy/A"},{"PolicyArn":"arn:aws:iam::aws:policy/B"}]}],"RoleDetailList":[{"RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r","AssumeRolePolicyDocument":{},"AttachedManagedPolicies":[{"PolicyArn":"arn:aws:iam::aws:policy/A"}]}]}"""));
    }

    [Fact]
    public void UnknownGroupsBadGroupNamesAndDuplicateUsersAreReported()
    {
        var account = Authz.Read(
            """{"UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u","GroupList":["admins","ops",3]},{"UserName":"v","Arn":"arn:aws:iam::111122223333:user/v","GroupList":["admins"]},{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u2"}],"GroupDetailList":[{"GroupName":"ops","Arn":"arn:aws:iam::111122223333:group/ops"}]}""",
            out var diagnostics);

        Assert.Equal(
            [
                "authz.json:1:105: AUTHZ004: `$.UserDetailList[0].GroupList[2]` must be a string but is a number; the group name was skipped.",
                "authz.json:1:190: AUTHZ011: `$.UserDetailList[2]` repeats the user `u` read at `$.UserDetailList[0]`; this one was ignored.",
                "authz.json:1:90: AUTHZ010: `$.UserDetailList[0].GroupList[0]` names group `admins`, which is not in `GroupDetailList` (referenced 2 times); its policies are unknown and left out of effective policies.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(["admins", "ops"], account.Users[0].Groups.AsEnumerable());
        Assert.Equal("arn:aws:iam::111122223333:user/u", account.FindUser("u")!.Arn);
    }

    [Fact]
    public void ArnsNamingSeveralAccountsAreReportedAndTheMostNamedIsTaken()
    {
        var account = Authz.Read(
            """{"UserDetailList":[{"UserName":"u","Arn":"arn:aws:iam::111122223333:user/u"},{"UserName":"v","Arn":"arn:aws:iam::444455556666:user/v"},{"UserName":"w","Arn":"arn:aws:iam::111122223333:user/w"}]}""",
            out var diagnostics);

        Assert.Equal(
            "authz.json: AUTHZ014: the ARNs name 2 accounts (111122223333, 444455556666); the account is taken to be 111122223333, which most of them name.",
            Assert.Single(diagnostics).ToString());
        Assert.Equal("111122223333", account.AccountId);
    }

    [Fact]
    public void AfterAHundredProblemsOneMoreSaysTheRestAreNotReported()
    {
        var users = string.Join(",", Enumerable.Range(0, 150).Select(i => $$"""{"UserName":"u{{i}}"}"""));
        Authz.Read($$"""{"UserDetailList":[{{users}}]}""", out var diagnostics);

        Assert.Equal(AccountAuthorizationReader.MaxDiagnostics + 1, diagnostics.Length);
        Assert.Equal("authz.json: AUTHZ016: more than 100 problems; the rest are not reported.", diagnostics[^1].ToString());
    }

    [Fact]
    public void AMissingFileIsReportedNotThrown()
    {
        var bag = new DiagnosticBag();
        var account = AccountAuthorizationReader.Read("/no/such/folder/authz.json", bag);

        Assert.Equal("/no/such/folder/authz.json: AUTHZ001: no file at this path.", Assert.Single(bag.ToImmutableArray()).ToString());
        Assert.Empty(account.Users);
    }

    [Fact]
    public void AStreamThatFailsIsReportedNotThrown()
    {
        var bag = new DiagnosticBag();
        using var stream = new FailingStream();
        AccountAuthorizationReader.Read(stream, "stdin", bag);

        Assert.Equal("stdin: AUTHZ001: the file cannot be read: the disk went away.", Assert.Single(bag.ToImmutableArray()).ToString());
    }

    private sealed class FailingStream : MemoryStream
    {
        public FailingStream()
            : base(Encoding.UTF8.GetBytes("{}"))
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new IOException("the disk went away.");
    }
}
