using System.Net;
using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.GameDays.Tests;

[Collection(GeneratedTelemetryGroup.Name)]
public sealed class CloudTrailFormatTests(GeneratedTelemetry generated)
{
    private static readonly string[] AlwaysPresent =
    [
        "eventVersion", "userIdentity", "eventTime", "eventSource", "eventName", "awsRegion", "sourceIPAddress", "userAgent",
        "requestParameters", "responseElements", "eventID", "readOnly", "eventType", "managementEvent", "recipientAccountId", "eventCategory",
    ];

    private List<JsonElement> AllRecords() =>
        generated.FilesOf(LogSourceTypes.CloudTrail).SelectMany(file => TelemetryFiles.CloudTrailRecords(generated.FullPath(file.Path))).ToList();

    [Fact]
    public void EveryFileIsGzipOfARecordsObjectWithTheCountTheManifestGives()
    {
        foreach (var file in generated.FilesOf(LogSourceTypes.CloudTrail))
        {
            var records = TelemetryFiles.CloudTrailRecords(generated.FullPath(file.Path));
            Assert.Equal(file.Records, records.Count);
        }
    }

    [Fact]
    public void EveryRecordHasTheFieldsCloudTrailAlwaysWrites()
    {
        foreach (var record in AllRecords())
        {
            foreach (var field in AlwaysPresent)
                Assert.True(record.TryGetProperty(field, out _), field + " missing in " + record.GetRawText());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$", record.GetProperty("eventTime").GetString());
            Assert.Matches(@"^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$", record.GetProperty("eventID").GetString());
            Assert.EndsWith(".amazonaws.com", record.GetProperty("eventSource").GetString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void RecordsInAFileBelongToItsAccountAndDeliveryWindow()
    {
        foreach (var file in generated.FilesOf(LogSourceTypes.CloudTrail).Take(200))
        {
            var account = file.Path.Split('/')[1];
            var region = file.Path.Split('/')[3];
            foreach (var record in TelemetryFiles.CloudTrailRecords(generated.FullPath(file.Path)))
            {
                Assert.Equal(account, record.GetProperty("recipientAccountId").GetString());
                var awsRegion = record.GetProperty("awsRegion").GetString();
                Assert.True(awsRegion == region || awsRegion == "us-east-1", awsRegion + " in a " + region + " file");
                var time = DateTimeOffset.Parse(record.GetProperty("eventTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture);
                Assert.InRange(time, generated.Manifest.Start, generated.Manifest.End);
            }
        }
    }

    [Fact]
    public void TheAverageRecordSizeStaysBetweenNineHundredAndSixteenHundredBytes()
    {
        long bytes = 0, records = 0;
        foreach (var file in generated.FilesOf(LogSourceTypes.CloudTrail))
        {
            foreach (var record in TelemetryFiles.CloudTrailRecords(generated.FullPath(file.Path)))
            {
                bytes += record.GetRawText().Length;
                records++;
            }
        }

        Assert.InRange(bytes / (double)records, 900, 1600);
    }

    [Fact]
    public void AllThreeEventVersionsAppear()
    {
        var versions = AllRecords().Select(record => record.GetProperty("eventVersion").GetString()).ToHashSet();
        Assert.Equal(new HashSet<string?> { "1.08", "1.09", "1.10" }, versions);
    }

    [Fact]
    public void EveryUserIdentityTypeAppears()
    {
        var types = AllRecords().Select(record => TelemetryFiles.Text(record, "userIdentity.type")).ToHashSet();
        foreach (var type in new[] { "IAMUser", "AssumedRole", "Root", "AWSService", "FederatedUser", "AWSAccount" })
            Assert.Contains(type, types);
    }

    [Fact]
    public void AssumedRolesCarryASessionIssuerThatNamesTheRole()
    {
        var roles = AllRecords().Where(record => TelemetryFiles.Text(record, "userIdentity.type") == "AssumedRole").ToList();
        Assert.NotEmpty(roles);
        foreach (var record in roles)
        {
            var issuer = TelemetryFiles.Text(record, "userIdentity.sessionContext.sessionIssuer.userName")!;
            Assert.Equal("Role", TelemetryFiles.Text(record, "userIdentity.sessionContext.sessionIssuer.type"));
            Assert.Contains(":assumed-role/" + issuer + "/", TelemetryFiles.Text(record, "userIdentity.arn"), StringComparison.Ordinal);
            Assert.StartsWith("ASIA", TelemetryFiles.Text(record, "userIdentity.accessKeyId"), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TheBaselineUsesManyPrincipalsServicesAndEventNames()
    {
        var records = AllRecords();
        Assert.True(records.Select(record => TelemetryFiles.Text(record, "userIdentity.arn")).Distinct().Count() >= 36);
        Assert.True(records.Select(record => record.GetProperty("eventSource").GetString()).Distinct().Count() >= 20);
        Assert.True(records.Select(record => record.GetProperty("eventName").GetString()).Distinct().Count() >= 80);
        var top = records.GroupBy(record => record.GetProperty("eventName").GetString()).OrderByDescending(group => group.Count()).First().Key;
        Assert.Equal("AssumeRole", top);
    }

    [Fact]
    public void AFewPercentOfCallsFailWithRealErrorCodes()
    {
        var records = AllRecords();
        var failures = records.Where(record => record.TryGetProperty("errorCode", out _) || record.TryGetProperty("errorMessage", out _)).ToList();
        Assert.InRange(failures.Count / (double)records.Count, 0.01, 0.08);
        var codes = failures.Select(record => TelemetryFiles.Text(record, "errorCode")).ToHashSet();
        Assert.Contains("AccessDenied", codes);
        Assert.Contains("Client.UnauthorizedOperation", codes);
        foreach (var failure in failures)
        {
            // Sign-in failures keep their response; failed API calls have none.
            if (failure.GetProperty("eventName").GetString() == "ConsoleLogin")
                Assert.Equal("Failure", TelemetryFiles.Text(failure, "responseElements.ConsoleLogin"));
            else
                Assert.Equal(JsonValueKind.Null, failure.GetProperty("responseElements").ValueKind);
        }
    }

    [Fact]
    public void DataEventsAreMarkedAsDataAndManagementEventsAsManagement()
    {
        foreach (var record in AllRecords())
        {
            var data = record.GetProperty("eventCategory").GetString() == "Data";
            Assert.Equal(!data, record.GetProperty("managementEvent").GetBoolean());
            if (data)
                Assert.Contains(record.GetProperty("eventSource").GetString(), new[] { "s3.amazonaws.com", "lambda.amazonaws.com" });
        }
    }

    [Fact]
    public void ClientCallsCarryTlsDetailsAndServiceCallsDoNot()
    {
        foreach (var record in AllRecords())
        {
            var source = record.GetProperty("sourceIPAddress").GetString()!;
            var fromAddress = IPAddress.TryParse(source, out _);
            Assert.Equal(fromAddress, record.TryGetProperty("tlsDetails", out _));
            if (!fromAddress)
                Assert.True(source.EndsWith(".amazonaws.com", StringComparison.Ordinal) || source == "AWS Internal", source);
        }
    }

    [Fact]
    public void OptionalFieldsAppearOnSomeRecords()
    {
        var records = AllRecords();
        foreach (var field in new[] { "resources", "sharedEventID", "vpcEndpointId", "additionalEventData", "sessionCredentialFromConsole", "errorCode" })
            Assert.Contains(records, record => record.TryGetProperty(field, out _));
        Assert.Contains(records, record => record.GetProperty("readOnly").GetBoolean());
        Assert.Contains(records, record => !record.GetProperty("readOnly").GetBoolean());
    }

    [Fact]
    public void UserAgentsComeFromManyTools()
    {
        var agents = AllRecords().Select(record => record.GetProperty("userAgent").GetString()!).ToList();
        foreach (var tool in new[] { "aws-cli/2.", "Boto3/", "aws-sdk-java/", "aws-sdk-go", "Terraform/", "Mozilla/5.0", "AWS Internal", "lambda.amazonaws.com" })
            Assert.Contains(agents, agent => agent.Contains(tool, StringComparison.Ordinal));
        Assert.Contains(agents, agent => agent.Contains(" command/", StringComparison.Ordinal));
    }

    [Fact]
    public void S3DataEventsNameTheObjectInRequestAndResources()
    {
        var gets = AllRecords().Where(record => record.GetProperty("eventName").GetString() == "GetObject").ToList();
        Assert.NotEmpty(gets);
        foreach (var record in gets)
        {
            var bucket = TelemetryFiles.Text(record, "requestParameters.bucketName");
            var key = TelemetryFiles.Text(record, "requestParameters.key");
            var objectArn = record.GetProperty("resources")[0].GetProperty("ARN").GetString();
            Assert.Equal("arn:aws:s3:::" + bucket + "/" + key, objectArn);
            Assert.Matches(@"^[0-9A-F]{16}$", record.GetProperty("requestID").GetString());
        }
    }
}
