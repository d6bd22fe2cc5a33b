using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Accounts;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Accounts;

/// <summary>Paginated output, encodings, and the ways in: a path, a stream, a string.</summary>
public sealed class PagesTests
{
    private const string PageOne = """
        {"UserDetailList":[{"UserName":"ana","Arn":"arn:aws:iam::111122223333:user/ana","GroupList":["ops"],
          "AttachedManagedPolicies":[{"PolicyName":"audit","PolicyArn":"arn:aws:iam::111122223333:policy/audit"}]}],
         "GroupDetailList":[],"RoleDetailList":[],"Policies":[],"Marker":"AAAA","IsTruncated":true}
        """;

    private const string PageTwo = """
        {"UserDetailList":[],"GroupDetailList":[{"GroupName":"ops","Arn":"arn:aws:iam::111122223333:group/ops"}],
         "RoleDetailList":[{"RoleName":"r","Arn":"arn:aws:iam::111122223333:role/r","AssumeRolePolicyDocument":{"Statement":[]}}],
         "Policies":[{"PolicyName":"audit","Arn":"arn:aws:iam::111122223333:policy/audit","DefaultVersionId":"v1",
           "PolicyVersionList":[{"VersionId":"v1","IsDefaultVersion":true,"Document":{"Statement":[]}}]}],"IsTruncated":false}
        """;

    [Fact]
    public void ConcatenatedPagesReadAsOneAccountAndReferencesResolveAcrossThem()
    {
        var account = Authz.ReadClean(PageOne + "\n" + PageTwo);

        Assert.Equal((1, 1, 1, 1), (account.Users.Length, account.Groups.Length, account.Roles.Length, account.Policies.Length));
        Assert.True(account.EffectivePolicies(account.Users[0]).IsComplete);
        Assert.Equal("authz.json record 2: $.RoleDetailList[0].AssumeRolePolicyDocument", account.Roles[0].AssumeRolePolicy!.Origin);
    }

    [Fact]
    public void AnArrayOfPagesReadsAsOneAccount()
    {
        var account = Authz.ReadClean("[" + PageOne + ",\n" + PageTwo + "]");

        Assert.Equal((1, 1, 1, 1), (account.Users.Length, account.Groups.Length, account.Roles.Length, account.Policies.Length));
        Assert.Equal("authz.json: $[1].Policies[0].PolicyVersionList[0].Document", account.Policies[0].DefaultDocument.Origin);
        Assert.Equal("111122223333", account.AccountId);
    }

    [Fact]
    public void AProblemOnALaterPageIsLocatedByLineAndPage()
    {
        Assert.Equal(
            "authz.json:5:20 record 2: AUTHZ005: `$.UserDetailList[0]` has no `Arn`; the user was skipped.",
            Authz.Problems(PageTwo + "\n" + PageOne.Replace("\"Arn\":\"arn:aws:iam::111122223333:user/ana\",", "", StringComparison.Ordinal)));
    }

    [Fact]
    public void AFileWithAByteOrderMarkOrInUtf16ReadsTheSame()
    {
        using var folder = new TempDirectory();
        var bom = folder.Write("bom.json", [.. Encoding.UTF8.Preamble, .. Encoding.UTF8.GetBytes(PageTwo)]);
        var utf16 = folder.Write("utf16.json", [.. Encoding.Unicode.Preamble, .. Encoding.Unicode.GetBytes(PageTwo)]);

        foreach (var path in new[] { bom, utf16 })
        {
            var diagnostics = new DiagnosticBag();
            var account = AccountAuthorizationReader.Read(path, diagnostics);
            Assert.Empty(diagnostics.ToImmutableArray());
            Assert.Equal("ops", account.Groups.Single().Name);
            Assert.Equal("""{"Statement":[]}""", account.Roles.Single().AssumeRolePolicy!.Json);
        }
    }

    [Fact]
    public void AStreamIsReadToItsEndWithoutBeingClosed()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(PageTwo));
        var account = AccountAuthorizationReader.Read(stream, "stdin", NullDiagnosticSink.Instance);

        Assert.Equal("stdin: $.RoleDetailList[0].AssumeRolePolicyDocument", account.Roles[0].AssumeRolePolicy!.Origin);
        Assert.True(stream.CanRead);
    }

    [Fact]
    public void AnUnnamedStreamIsCalledSoAndDatesMayBeEpochSeconds()
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(
            """{"UserDetailList":[{"UserName":"a","Arn":"arn:aws:iam::111122223333:user/a","CreateDate":1700000000.5,"UserPolicyList":[{"PolicyName":"p","PolicyDocument":{}}]}]}"""));
        var account = AccountAuthorizationReader.Read(stream, NullDiagnosticSink.Instance);

        Assert.Equal(new DateTimeOffset(2023, 11, 14, 22, 13, 20, 500, TimeSpan.Zero), account.Users[0].CreateDate);
        Assert.Equal("<stream>: $.UserDetailList[0].UserPolicyList[0].PolicyDocument", account.Users[0].InlinePolicies[0].Document.Origin);
    }
}
