using System.Collections.Frozen;
using System.Globalization;
using System.Text.Json;
using Rampart.Core;
using Rampart.Posture.Checks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>
/// Writes an assessment as AWS Security Finding Format (ASFF, schema 2018-10-08) findings in the body that Security
/// Hub's <c>BatchImportFindings</c> takes: <c>{"Findings": [...]}</c>, one finding per result.
/// </summary>
/// <remarks>
/// <para>
/// <c>Compliance.Status</c> is PASSED, FAILED (also for MUTED), WARNING for ERROR (the check could not be decided) and
/// NOT_AVAILABLE for NOT_APPLICABLE. <c>Workflow.Status</c> is SUPPRESSED for a muted failure (whose reason is the
/// <c>Note</c>), RESOLVED for passed and not-applicable results, NEW otherwise. A passed result's <c>Severity.Label</c> is
/// INFORMATIONAL, as Security Hub labels passed controls; <c>Severity.Original</c> keeps the check's severity.
/// </para>
/// <para>
/// The finding's <c>Id</c> is stable across runs (a hash of account, check and resource) so that an import updates the
/// finding. The product is the account's own default product
/// (<c>arn:aws:securityhub:REGION:ACCOUNT:product/ACCOUNT/default</c>), in the resource's region, or
/// <see cref="GlobalRegion"/> for global resources and account-level settings. Security Hub's limits are kept: titles
/// are cut at 256 characters, descriptions at 1024, remediation at 512; evidence goes to <c>ProductFields</c>, at most
/// 40 values. BatchImportFindings takes 100 findings a call: split larger files.
/// </para>
/// </remarks>
public static class AssessmentAsffWriter
{
    /// <summary>The ASFF schema version written.</summary>
    public const string SchemaVersion = "2018-10-08";

    /// <summary>The region used for global resources and account-level settings: <c>us-east-1</c>.</summary>
    public const string GlobalRegion = "us-east-1";

    private const int MaxEvidence = 40;

    // CloudFormation types with an ASFF resource type of their own; everything else is Other, account-level settings AwsAccount.
    private static readonly FrozenDictionary<string, string> Types = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["AWS::CloudTrail::Trail"] = "AwsCloudTrailTrail",
        ["AWS::CloudWatch::Alarm"] = "AwsCloudWatchAlarm",
        ["AWS::EC2::Instance"] = "AwsEc2Instance",
        ["AWS::EC2::NetworkAcl"] = "AwsEc2NetworkAcl",
        ["AWS::EC2::NetworkInterface"] = "AwsEc2NetworkInterface",
        ["AWS::EC2::RouteTable"] = "AwsEc2RouteTable",
        ["AWS::EC2::SecurityGroup"] = "AwsEc2SecurityGroup",
        ["AWS::EC2::Subnet"] = "AwsEc2Subnet",
        ["AWS::EC2::Volume"] = "AwsEc2Volume",
        ["AWS::EC2::VPC"] = "AwsEc2Vpc",
        ["AWS::IAM::Group"] = "AwsIamGroup",
        ["AWS::IAM::Policy"] = "AwsIamPolicy",
        ["AWS::IAM::Role"] = "AwsIamRole",
        ["AWS::IAM::User"] = "AwsIamUser",
        ["AWS::KMS::Key"] = "AwsKmsKey",
        ["AWS::Lambda::Function"] = "AwsLambdaFunction",
        ["AWS::RDS::DBCluster"] = "AwsRdsDbCluster",
        ["AWS::RDS::DBInstance"] = "AwsRdsDbInstance",
        ["AWS::RDS::DBSnapshot"] = "AwsRdsDbSnapshot",
        ["AWS::S3::AccountPublicAccessBlock"] = "AwsAccount",
        ["AWS::S3::Bucket"] = "AwsS3Bucket",
        ["AWS::SNS::Topic"] = "AwsSnsTopic",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The ASFF resource type for a CloudFormation-style type: <c>AwsEc2SecurityGroup</c>, <c>AwsAccount</c> for account-level settings, else <c>Other</c>.</summary>
    public static string ResourceType(string type)
    {
        Guard.NotNull(type);
        return Types.TryGetValue(type, out var name) ? name
            : type.StartsWith("Rampart::", StringComparison.Ordinal) ? "AwsAccount"
            : "Other";
    }

    /// <summary>Writes <c>{"Findings": [...]}</c>, indented, one finding per result in the report's order.</summary>
    public static void Write(Stream output, AssessmentDocument document)
    {
        Guard.NotNull(output);
        Guard.NotNull(document);
        using var json = new Utf8JsonWriter(output, OutputFacts.Indented);
        json.WriteStartObject();
        json.WriteStartArray("Findings");
        foreach (var result in document.Report.Results)
            Finding(json, result, document);
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    private static void Finding(Utf8JsonWriter json, AssessedResult assessed, AssessmentDocument document)
    {
        var result = assessed.Result;
        var resource = assessed.Resource;
        var check = document.Check(result.CheckId);
        var region = resource.Region == "global" ? GlobalRegion : resource.Region;
        var time = OutputFacts.Iso(document.Time);
        var type = ResourceType(resource.Type);
        json.WriteStartObject();
        json.WriteString("SchemaVersion", SchemaVersion);
        json.WriteString("Id", $"rampart/{result.CheckId}/{OutputFacts.FindingId(assessed)}");
        json.WriteString("ProductArn", $"arn:aws:securityhub:{region}:{resource.Account}:product/{resource.Account}/default");
        json.WriteString("ProductName", OutputFacts.ProductName);
        json.WriteString("CompanyName", OutputFacts.ProductName);
        json.WriteString("GeneratorId", result.CheckId);
        json.WriteString("AwsAccountId", resource.Account);
        json.WriteString("Region", region);
        OutputFacts.WriteStrings(json, "Types", FindingTypes(result.Controls));
        json.WriteString("CreatedAt", time);
        json.WriteString("UpdatedAt", time);
        json.WriteStartObject("Severity");
        json.WriteString("Label", assessed.Status == "PASS" ? "INFORMATIONAL" : result.Severity.ToString().ToUpperInvariant());
        json.WriteString("Original", OutputFacts.SeverityText(result.Severity));
        json.WriteEndObject();
        json.WriteString("Title", OutputFacts.Clip(document.Title(result.CheckId), 256));
        json.WriteString("Description", OutputFacts.Clip(Description(assessed, check), 1024));
        if (check is { Remediation.Length: > 0 })
        {
            json.WriteStartObject("Remediation");
            json.WriteStartObject("Recommendation");
            json.WriteString("Text", OutputFacts.Clip(check.Remediation.Trim(), 512));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartObject("ProductFields");
        json.WriteString("rampart/CheckId", result.CheckId);
        json.WriteString("rampart/Status", assessed.Status);
        json.WriteString("rampart/ResourceType", resource.Type);
        for (var i = 0; i < Math.Min(result.Evidence.Length, MaxEvidence); i++)
        {
            json.WriteString(string.Create(CultureInfo.InvariantCulture, $"rampart/Evidence/{i}"),
                OutputFacts.Clip($"{result.Evidence[i].Path} = {OutputFacts.ValueText(result.Evidence[i])}", 2048));
        }

        json.WriteEndObject();

        json.WriteStartArray("Resources");
        json.WriteStartObject();
        json.WriteString("Type", type);
        json.WriteString("Id", type == "AwsAccount" ? $"AWS::::Account:{resource.Account}" : resource.Key);
        json.WriteString("Partition", "aws");
        json.WriteString("Region", region);
        if (!resource.Tags.IsEmpty)
        {
            json.WriteStartObject("Tags");
            foreach (var (key, value) in resource.Tags.Take(50))
                json.WriteString(key, value);
            json.WriteEndObject();
        }

        if (type is "Other" or "AwsAccount")
        {
            json.WriteStartObject("Details");
            json.WriteStartObject("Other");
            json.WriteString("Type", resource.Type);
            json.WriteString("Key", OutputFacts.Clip(resource.Key, 1024));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("Compliance");
        json.WriteString("Status", assessed.Status switch
        {
            "PASS" => "PASSED",
            "FAIL" or "MUTED" => "FAILED",
            "ERROR" => "WARNING",
            _ => "NOT_AVAILABLE",
        });
        OutputFacts.WriteStrings(json, "RelatedRequirements", result.Controls.Take(32));
        json.WriteEndObject();

        json.WriteStartObject("Workflow");
        json.WriteString("Status", assessed.Status switch
        {
            "MUTED" => "SUPPRESSED",
            "PASS" or "NOT_APPLICABLE" => "RESOLVED",
            _ => "NEW",
        });
        json.WriteEndObject();
        if (assessed.Mute is { } mute)
        {
            json.WriteStartObject("Note");
            var until = mute.Expires is { } expires ? expires.ToString(" '(until' yyyy-MM-dd')'", CultureInfo.InvariantCulture) : "";
            json.WriteString("Text", OutputFacts.Clip($"Muted: {mute.Reason}{until}", 512));
            json.WriteString("UpdatedBy", OutputFacts.Clip(mute.Location.ToString(), 512));
            json.WriteString("UpdatedAt", time);
            json.WriteEndObject();
        }

        json.WriteString("RecordState", "ACTIVE");
        json.WriteEndObject();
    }

    private static string Description(AssessedResult assessed, CheckDefinition? check)
    {
        var text = check is { Description.Length: > 0 } ? check.Description.Trim() : check?.Title ?? assessed.Result.CheckId;
        return assessed.Result.Error is { } error ? $"{text} Could not be decided: {error}" : text;
    }

    // Security Hub's finding types are namespace/category/classifier; CIS and FSBP have their own classifiers.
    private static IEnumerable<string> FindingTypes(IEnumerable<string> controls)
    {
        var types = new List<string> { "Software and Configuration Checks/AWS Security Best Practices" };
        foreach (var framework in OutputFacts.Frameworks(controls))
        {
            if (framework.StartsWith("cis-aws", StringComparison.Ordinal))
                types.Add("Software and Configuration Checks/Industry and Regulatory Standards/CIS AWS Foundations Benchmark");
            else if (framework == "aws-fsbp")
                types.Add("Software and Configuration Checks/Industry and Regulatory Standards/AWS-Foundational-Security-Best-Practices");
        }

        return types.Distinct(StringComparer.Ordinal);
    }
}
