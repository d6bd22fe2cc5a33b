using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Hygiene;

namespace Rampart.Iam.Tests.Hygiene;

public sealed class CredentialReportReaderTests
{
    private static readonly string Alice = Report.User(
        "alice",
        "password_enabled=true",
        "password_last_used=2024-05-30T10:00:00+00:00",
        "mfa_active=true",
        "access_key_1_active=true",
        "access_key_1_last_rotated=2024-01-02T03:04:05+00:00",
        "access_key_1_last_used_date=2024-05-31T00:00:00+00:00",
        "access_key_1_last_used_region=eu-west-1",
        "access_key_1_last_used_service=s3");

    [Fact]
    public void TheCsvReadsIntoTypedRowsWithEveryCellKept()
    {
        var report = Report.ParseClean(Report.Csv(Report.User(CredentialReportColumns.RootUser, "mfa_active=true"), Alice));

        Assert.Equal(2, report.Rows.Length);
        Assert.Null(report.GeneratedTime);
        var root = Assert.IsType<CredentialReportRow>(report.Root);
        Assert.True(root.IsRoot);
        Assert.Null(root.PasswordEnabled);
        Assert.True(root.MfaActive);
        var alice = report.FindUser("alice")!;
        Assert.Equal("arn:aws:iam::111122223333:user/alice", alice.Arn);
        Assert.True(alice.PasswordEnabled);
        Assert.Equal(new DateTimeOffset(2024, 5, 30, 10, 0, 0, TimeSpan.Zero), alice.PasswordLastUsed);
        Assert.Null(alice.PasswordLastChanged);
        Assert.Equal(
            new ReportAccessKey(1, true, new DateTimeOffset(2024, 1, 2, 3, 4, 5, TimeSpan.Zero), new DateTimeOffset(2024, 5, 31, 0, 0, 0, TimeSpan.Zero), "eu-west-1", "s3"),
            alice.AccessKeys[0]);
        Assert.Equal(new ReportAccessKey(2, false, null, null, null, null), alice.AccessKeys[1]);
        Assert.Equal("N/A", alice.Value("password_last_changed"));
        Assert.Equal(new SourceLocation(Report.Source, 3, 0, 2), alice.Location);
    }

    [Fact]
    public void TheCliJsonWithBase64ContentReadsAsTheCsvWithItsGeneratedTime()
    {
        var csv = Report.Csv(Alice);
        var json = $$"""
            {
                "Content": "{{Convert.ToBase64String(Encoding.UTF8.GetBytes(csv))}}",
                "ReportFormat": "text/csv",
                "GeneratedTime": "2024-05-31T12:00:00+00:00"
            }
            """;

        var report = Report.ParseClean(json);

        Assert.Equal(new DateTimeOffset(2024, 5, 31, 12, 0, 0, TimeSpan.Zero), report.GeneratedTime);
        var alice = Assert.Single(report.Rows);
        Assert.Equal("alice", alice.User);
        Assert.Equal(new SourceLocation("report.csv: $.Content", 2, 0, 1), alice.Location);
    }

    [Fact]
    public void PlacebosWrapperWithDecodedContentAndADatetimeObjectReads()
    {
        var content = Report.Csv(Alice).Replace("\n", "\\n", StringComparison.Ordinal);
        var json = "{\"status_code\": 200, \"data\": {\n"
            + "  \"Content\": \"" + content + "\",\n"
            + "  \"ReportFormat\": \"text/csv\",\n"
            + "  \"GeneratedTime\": {\"__class__\": \"datetime\", \"year\": 2024, \"month\": 5, \"day\": 31, \"hour\": 1, \"minute\": 2, \"second\": 3, \"microsecond\": 0}}}";

        var report = Report.ParseClean(json);

        Assert.Equal(new DateTimeOffset(2024, 5, 31, 1, 2, 3, TimeSpan.Zero), report.GeneratedTime);
        Assert.Equal("report.csv: $.data.Content", Assert.Single(report.Rows).Location.Path);
    }

    [Fact]
    public void BadCellsAreReportedWithLineColumnAndColumnNameAndTheRestOfTheRowIsKept()
    {
        var row = Report.User("bob", "password_enabled=yes", "access_key_1_last_rotated=last tuesday");

        var report = Report.Parse(Report.Csv(row), out var diagnostics);

        Assert.Equal(
            [
                "report.csv:2:66: HYG009: user `bob`, column `password_enabled`: `yes` is not `true` or `false`; it was ignored.",
                "report.csv:2:94: HYG009: user `bob`, column `access_key_1_last_rotated`: `last tuesday` is not an ISO 8601 date and time, `N/A`, `not_supported` or `no_information`; it was ignored.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        var bob = Assert.Single(report.Rows);
        Assert.Null(bob.PasswordEnabled);
        Assert.Null(bob.AccessKeys[0].LastRotated);
        Assert.False(bob.MfaActive);
    }

    [Fact]
    public void ShortRowsDuplicatesAndNamelessRowsAreReportedAndWhatIsReadableKept()
    {
        var text = Report.Csv(Alice, "carol,arn:aws:iam::111122223333:user/carol,2024-01-01T00:00:00+00:00,true", Alice, Report.User(""));

        var report = Report.Parse(text, out var diagnostics);

        Assert.Equal(
            [
                "report.csv:3:1: HYG008: the row of user `carol` has 4 fields, the header 22; the fields present were read by position.",
                "report.csv:4: HYG010: user `alice` already has a row (line 2); this row was ignored.",
                "report.csv:5:1: HYG010: the row has no user name; it was ignored.",
            ],
            diagnostics.Select(diagnostic => diagnostic.ToString()));
        Assert.Equal(["alice", "carol"], report.Rows.Select(row => row.User));
        var carol = report.Rows[1];
        Assert.True(carol.PasswordEnabled);
        Assert.Null(carol.MfaActive);
        Assert.Null(carol.Value("mfa_active"));
    }

    [Fact]
    public void AHeaderWithoutSomeColumnsIsReportedOnceAndTheirValuesAreUnknown()
    {
        var text = "user,arn,password_enabled,mfa_active\nalice,arn:aws:iam::111122223333:user/alice,true,false\n";

        var report = Report.Parse(text, out var diagnostics);

        var diagnostic = Assert.Single(diagnostics);
        Assert.Equal(HygieneDiagnostics.MissingColumnCode, diagnostic.Code);
        Assert.StartsWith("report.csv:1:1: HYG007: the header lacks the columns `user_creation_time`, `password_last_used`,", diagnostic.ToString(), StringComparison.Ordinal);
        var alice = Assert.Single(report.Rows);
        Assert.True(alice.PasswordEnabled);
        Assert.False(alice.MfaActive);
        Assert.Null(alice.AccessKeys[0].Active);
    }

    [Theory]
    [InlineData("name,value\na,b\n", "report.csv:1:1: HYG007: the header has no `user` column: this is not an IAM credential report; nothing was read.")]
    [InlineData("  \n ", "report.csv: HYG011: the input is empty; there is nothing to read.")]
    [InlineData("{\"Content\": 42}", "report.csv:1:13: HYG005: `$.Content` must be a string but is a number; it was ignored.")]
    [InlineData("{\"Content\": \"!!!not base64!!!\"}", "report.csv:1:13: HYG006: `Content` is neither base64 of the credential report CSV nor the CSV itself; nothing was read.")]
    [InlineData("{\"SummaryMap\": {}}", "report.csv:1:1: HYG003: the input has no `Content`: it is not output of `aws iam get-credential-report`; nothing was read.")]
    [InlineData("{\"Content\": \"user,arn\\n\",\n  oops}", "report.csv:2:3: HYG002: the input is not valid JSON: 'o' is an invalid start of a property name. Expected a '\"'; nothing was read.")]
    [InlineData(
        "{\"status_code\": 410, \"data\": {\"Error\": {\"Code\": \"ReportNotPresent\", \"Type\": \"Sender\"}}}",
        "report.csv:1:40: HYG004: the input is an error response of `aws iam get-credential-report`: ReportNotPresent; nothing was read.")]
    public void UnusableInputGivesNoReportAndOneDiagnostic(string text, string expected)
    {
        var bag = new DiagnosticBag();

        var report = CredentialReportReader.Parse(text, Report.Source, bag);

        Assert.Null(report);
        Assert.Equal(expected, Assert.Single(bag.ToImmutableArray()).ToString());
    }

    [Fact]
    public void AMissingFileIsReportedAndGivesNoReport()
    {
        var bag = new DiagnosticBag();

        Assert.Null(CredentialReportReader.Read("/nonexistent/report.csv", bag));
        Assert.Equal("/nonexistent/report.csv: HYG001: no file at this path.", Assert.Single(bag.ToImmutableArray()).ToString());
    }

    [Fact]
    public void AStreamWithAByteOrderMarkAndCrLfLinesReadsRowByRow()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Report.Csv(Alice, Report.User("bob")).Replace("\n", "\r\n", StringComparison.Ordinal))).ToArray();
        var bag = new DiagnosticBag();

        var report = CredentialReportReader.Read(new MemoryStream(bytes), "stream.csv", bag);

        Assert.Empty(bag.ToImmutableArray());
        Assert.Equal(["alice", "bob"], report!.Rows.Select(row => row.User));
        Assert.Equal(3, report.Rows[1].Location.Line);
    }

    [Fact]
    public void AFloodOfBadCellsIsCappedAtAHundredDiagnosticsAndOneMore()
    {
        var rows = Enumerable.Range(0, 150).Select(i => Report.User("u" + i, "mfa_active=maybe"));
        var bag = new DiagnosticBag();

        var report = CredentialReportReader.Parse(Report.Csv([.. rows]), Report.Source, bag);

        Assert.Equal(150, report!.Rows.Length);
        var diagnostics = bag.ToImmutableArray();
        Assert.Equal(101, diagnostics.Length);
        Assert.Equal("report.csv: HYG013: more than 100 problems; the rest are not reported.", diagnostics[^1].ToString());
    }
}
