using Rampart.Core.Diagnostics;
using Rampart.Iam.Hygiene;
using Rampart.Testing;

namespace Rampart.Iam.Tests.Hygiene;

public sealed class JsonInputReaderTests
{
    [Fact]
    public void APasswordPolicyReadsEveryMemberWithItsLocation()
    {
        var json = """
            {
                "PasswordPolicy": {
                    "MinimumPasswordLength": 14,
                    "RequireSymbols": true,
                    "RequireNumbers": true,
                    "RequireUppercaseCharacters": true,
                    "RequireLowercaseCharacters": false,
                    "AllowUsersToChangePassword": true,
                    "ExpirePasswords": true,
                    "MaxPasswordAge": 90,
                    "PasswordReusePrevention": 24,
                    "HardExpiry": false
                }
            }
            """;
        var bag = new DiagnosticBag();

        var policy = PasswordPolicyReader.Parse(json, "policy.json", bag)!;

        Assert.Empty(bag.ToImmutableArray());
        Assert.True(policy.IsSet);
        Assert.Equal((14, true, true, true, false), (policy.MinimumPasswordLength, policy.RequireSymbols, policy.RequireNumbers, policy.RequireUppercaseCharacters, policy.RequireLowercaseCharacters));
        Assert.Equal((true, true, 90, 24, false), (policy.AllowUsersToChangePassword, policy.ExpirePasswords, policy.MaxPasswordAge, policy.PasswordReusePrevention, policy.HardExpiry));
        Assert.Equal(new SourceLocation("policy.json", 3, 34), policy.Locations["MinimumPasswordLength"]);
    }

    [Theory]
    [InlineData("", "policy.json: HYG011: the input is empty; taken to mean no password policy is set (`aws iam get-account-password-policy` prints nothing when none is).")]
    [InlineData(
        """{"status_code": 404, "data": {"Error": {"Code": "NoSuchEntity", "Message": "The Password Policy with domain name xyz cannot be found."}}}""",
        "policy.json:1:40: HYG004: the input is the `NoSuchEntity` error of `aws iam get-account-password-policy`: no password policy is set.")]
    public void NoPolicyReadsAsNotSetWithAnInfo(string json, string expected)
    {
        var bag = new DiagnosticBag();

        var policy = PasswordPolicyReader.Parse(json, "policy.json", bag)!;

        Assert.False(policy.IsSet);
        var diagnostic = Assert.Single(bag.ToImmutableArray());
        Assert.Equal(DiagnosticSeverity.Info, diagnostic.Severity);
        Assert.Equal(expected, diagnostic.ToString());
    }

    [Fact]
    public void AMissingPasswordPolicyFileMeansNoPolicy()
    {
        var bag = new DiagnosticBag();

        var policy = PasswordPolicyReader.Read("/nonexistent/policy.json", bag)!;

        Assert.False(policy.IsSet);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(bag.ToImmutableArray()).Severity);
    }

    [Fact]
    public void AnotherErrorOrAWrongTypeIsReportedAndTheRestKept()
    {
        var bag = new DiagnosticBag();
        Assert.Null(PasswordPolicyReader.Parse("""{"Error": {"Code": "AccessDenied"}}""", "policy.json", bag));
        var policy = PasswordPolicyReader.Parse("""{"PasswordPolicy": {"MinimumPasswordLength": "long", "RequireSymbols": true}}""", "policy.json", bag)!;

        Assert.Equal(
            [
                "policy.json:1:11: HYG004: the input is an error response of `aws iam get-account-password-policy`: AccessDenied; nothing was read.",
                "policy.json:1:46: HYG005: `$.PasswordPolicy.MinimumPasswordLength` must be an integer but is a string; it was ignored.",
            ],
            bag.ToImmutableArray().Select(diagnostic => diagnostic.ToString()));
        Assert.Null(policy.MinimumPasswordLength);
        Assert.True(policy.RequireSymbols);
    }

    [Fact]
    public void TheAccountSummaryReadsItsIntegersAndReportsTheRest()
    {
        var bag = new DiagnosticBag();

        var summary = AccountSummaryReader.Parse("""{"SummaryMap": {"AccountMFAEnabled": 0, "AccountAccessKeysPresent": 1, "ServerCertificates": 2, "Users": "many"}}""", "summary.json", bag)!;

        Assert.Equal((false, true, 2L), (summary.AccountMfaEnabled, summary.AccountAccessKeysPresent, summary.ServerCertificates));
        Assert.Null(summary.Value("Users"));
        Assert.Equal(
            "summary.json:1:106: HYG005: `$.SummaryMap.Users` must be an integer but is a string; it was ignored.",
            Assert.Single(bag.ToImmutableArray()).ToString());
    }

    [Fact]
    public void ASummaryWithoutSummaryMapIsNotOne()
    {
        var bag = new DiagnosticBag();

        Assert.Null(AccountSummaryReader.Parse("""{"Users": []}""", "summary.json", bag));
        Assert.Equal(
            "summary.json:1:1: HYG003: the input has no `SummaryMap`: it is not output of `aws iam get-account-summary`; nothing was read.",
            Assert.Single(bag.ToImmutableArray()).ToString());
    }

    [Fact]
    public void ServerCertificatesReadWithTheirExpiryAndBadEntriesAreReported()
    {
        var json = """
            {"ServerCertificateMetadataList": [
              {"Path": "/", "ServerCertificateName": "old", "ServerCertificateId": "ASCA1", "Arn": "arn:aws:iam::111122223333:server-certificate/old",
               "UploadDate": "2020-01-01T00:00:00Z", "Expiration": "2021-01-01T00:00:00Z"},
              {"ServerCertificateName": "odd", "Expiration": "soon"},
              42
            ]}
            """;
        var bag = new DiagnosticBag();

        var list = ServerCertificateReader.Parse(json, "certs.json", bag)!;

        Assert.Equal(["old", "odd"], list.Certificates.Select(certificate => certificate.Name));
        Assert.Equal(new DateTimeOffset(2021, 1, 1, 0, 0, 0, TimeSpan.Zero), list.Certificates[0].Expiration);
        Assert.Equal(new SourceLocation("certs.json", 2, 3), list.Certificates[0].Location);
        Assert.Null(list.Certificates[1].Expiration);
        Assert.Equal(
            [
                "certs.json:4:50: HYG005: `$.ServerCertificateMetadataList[1].Expiration` is `soon`, which is not an ISO 8601 date and time; it was ignored.",
                "certs.json:5:3: HYG005: `$.ServerCertificateMetadataList[2]` must be an object but is a number; it was ignored.",
            ],
            bag.ToImmutableArray().Select(diagnostic => diagnostic.ToString()));
    }

    [Fact]
    public void VirtualMfaDevicesBelongToRootOnlyByTheirUsersArnNotTheirName()
    {
        var json = """
            {"VirtualMFADevices": [
              {"SerialNumber": "arn:aws:iam::111122223333:mfa/unassigned"},
              {"SerialNumber": "arn:aws:iam::111122223333:mfa/root-account-mfa-device", "User": {"Arn": "arn:aws:iam::111122223333:user/bob"}},
              {"SerialNumber": "arn:aws:iam::111122223333:mfa/phone", "User": {"Arn": "arn:aws:iam::111122223333:root"}, "EnableDate": "2024-01-01T00:00:00Z"}
            ]}
            """;

        var devices = VirtualMfaDeviceReader.Parse(json, "mfa.json", new DiagnosticBag())!;

        Assert.Equal([false, false, true], devices.Devices.Select(device => device.IsRoot));
        Assert.Equal(new DateTimeOffset(2024, 1, 1, 0, 0, 0, TimeSpan.Zero), devices.Devices[2].EnableDate);
    }

    [Fact]
    public void InvalidJsonIsReportedWithItsLine()
    {
        var bag = new DiagnosticBag();

        Assert.Null(AccountSummaryReader.Parse("{\"SummaryMap\": {\n  \"Users\": 1,\n}", "summary.json", bag));
        var diagnostic = Assert.Single(bag.ToImmutableArray());
        Assert.Equal(HygieneDiagnostics.InvalidJsonCode, diagnostic.Code);
        Assert.Equal(3, diagnostic.Location.Line);
    }

    [Fact]
    public void AFileLargerThanTheLimitIsNotRead()
    {
        using var directory = new TempDirectory();
        var path = Path.Combine(directory.Path, "big.json");
        using (var file = File.Create(path))
            file.SetLength(JsonInputReader.MaxInputBytes + 1);
        var bag = new DiagnosticBag();

        Assert.Null(AccountSummaryReader.Read(path, bag));
        Assert.Equal(HygieneDiagnostics.CannotReadCode, Assert.Single(bag.ToImmutableArray()).Code);
    }
}
