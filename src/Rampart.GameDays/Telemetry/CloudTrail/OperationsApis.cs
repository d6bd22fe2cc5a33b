using System.Globalization;
using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Logging, monitoring, configuration and governance services.</summary>
internal static class OperationsApis
{
    private const Persona Describers = Persona.Human | Persona.Automation | Persona.ServiceLinked;

    public static IEnumerable<CloudTrailApi> All()
    {
        const string Logs = "logs.amazonaws.com";
        yield return Apis.Change(Logs, "CreateLogStream", 3, Persona.Workload, CreateLogStreamRequest, errorRate: 0.01);
        yield return Apis.Read(Logs, "DescribeLogGroups", 1, Describers | Persona.Workload, Params.Fixed(("limit", 50)));
        yield return Apis.Read(Logs, "DescribeLogStreams", 1, Describers, DescribeLogStreamsRequest);
        yield return Apis.Read(Logs, "FilterLogEvents", 0.5, Persona.Human | Persona.Automation, FilterLogEventsRequest);
        yield return Apis.Read(Logs, "GetLogEvents", 0.5, Persona.Human | Persona.Automation, GetLogEventsRequest);
        yield return Apis.Read(Logs, "StartQuery", 0.2, Persona.Human | Persona.Automation, StartQueryRequest);
        yield return Apis.Change(Logs, "CreateLogGroup", 0.1, Persona.Workload | Persona.Automation, Params.One("logGroupName", LogGroup));
        yield return Apis.Change(Logs, "PutRetentionPolicy", 0.03, Persona.Automation, PutRetentionRequest);

        const string Monitoring = "monitoring.amazonaws.com";
        yield return Apis.Read(Monitoring, "GetMetricData", 3, Describers, GetMetricDataRequest);
        yield return Apis.Read(Monitoring, "DescribeAlarms", 2, Describers, Params.Number("maxRecords", 100));
        yield return Apis.Read(Monitoring, "ListMetrics", 1, Describers, Params.Fixed(("namespace", "AWS/EC2")));
        yield return Apis.Read(Monitoring, "GetMetricStatistics", 1, Describers, GetMetricStatisticsRequest);
        yield return Apis.Change(Monitoring, "PutMetricAlarm", 0.03, Persona.Automation, PutMetricAlarmRequest);

        const string Ssm = "ssm.amazonaws.com";
        yield return Apis.Read(Ssm, "GetParameter", 2, Persona.Workload | Persona.Human | Persona.Automation, GetParameterRequest);
        yield return Apis.Read(Ssm, "GetParameters", 1.5, Persona.Workload | Persona.Automation, GetParametersRequest);
        yield return Apis.Read(Ssm, "GetParametersByPath", 1, Persona.Workload, GetParametersByPathRequest);
        yield return Apis.Read(Ssm, "DescribeInstanceInformation", 0.5, Describers, Params.Number("maxResults", 50));
        yield return Apis.Change(Ssm, "UpdateInstanceInformation", 2.5, Persona.Workload, UpdateInstanceInformationRequest, errorRate: 0.002);
        yield return Apis.Read(Ssm, "ListInstanceAssociations", 1, Persona.Workload, Params.WithNumber("instanceId", c => c.Pick(c.Region.InstanceIds), "maxResults", 20), errorRate: 0.002);
        yield return Apis.Read(Ssm, "ListAssociations", 0.3, Describers, Params.Number("maxResults", 50));

        const string CloudTrail = "cloudtrail.amazonaws.com";
        yield return Apis.Read(CloudTrail, "DescribeTrails", 0.3, Describers, Params.Fixed(("includeShadowTrails", true)));
        yield return Apis.Read(CloudTrail, "GetTrailStatus", 0.3, Describers, Params.One("name", Trail));
        yield return Apis.Read(CloudTrail, "LookupEvents", 0.6, Persona.Human | Persona.Automation, LookupEventsRequest);
        yield return Apis.Read(CloudTrail, "GetEventSelectors", 0.2, Describers, Params.One("trailName", Trail));

        const string Config = "config.amazonaws.com";
        yield return Apis.Change(Config, "PutEvaluations", 1, Persona.Workload | Persona.ServiceLinked, PutEvaluationsRequest, errorRate: 0.005);
        yield return Apis.Read(Config, "DescribeConfigurationRecorders", 0.2, Describers);
        yield return Apis.Read(Config, "DescribeConfigurationRecorderStatus", 0.2, Describers);
        yield return Apis.Read(Config, "DescribeConfigRules", 0.3, Describers);
        yield return Apis.Read(Config, "GetComplianceDetailsByConfigRule", 0.2, Persona.Human | Persona.Automation, Params.One("configRuleName", _ => "s3-bucket-public-read-prohibited"));

        const string GuardDuty = "guardduty.amazonaws.com";
        yield return Apis.Read(GuardDuty, "ListDetectors", 0.3, Describers);
        yield return Apis.Read(GuardDuty, "GetDetector", 0.2, Describers, Params.One("detectorId", c => c.Region.DetectorId));
        yield return Apis.Read(GuardDuty, "ListFindings", 0.3, Persona.Human | Persona.Automation, Params.One("detectorId", c => c.Region.DetectorId));
        yield return Apis.Read(GuardDuty, "GetFindings", 0.3, Persona.Human | Persona.Automation, Params.One("detectorId", c => c.Region.DetectorId));

        const string CloudFormation = "cloudformation.amazonaws.com";
        yield return Apis.Read(CloudFormation, "DescribeStacks", 1, Describers, Params.One("stackName", Stack));
        yield return Apis.Read(CloudFormation, "ListStacks", 0.3, Describers);
        yield return Apis.Read(CloudFormation, "DescribeStackEvents", 0.5, Persona.Human | Persona.Automation, Params.One("stackName", Stack));
        yield return Apis.Read(CloudFormation, "GetTemplate", 0.1, Persona.Human | Persona.Automation, Params.One("stackName", Stack));
        yield return Apis.Change(CloudFormation, "CreateChangeSet", 0.03, Persona.Automation, CreateChangeSetRequest);

        yield return Apis.Read("tagging.amazonaws.com", "GetResources", 1.5, Persona.Automation | Persona.ServiceLinked, Params.Number("resourcesPerPage", 100));
        yield return Apis.Read("organizations.amazonaws.com", "DescribeOrganization", 0.3, Describers);
        yield return Apis.Read("organizations.amazonaws.com", "ListAccounts", 0.2, Persona.Human | Persona.Automation);
        yield return Apis.Read("health.amazonaws.com", "DescribeEvents", 0.3, Persona.Automation, Params.Fixed(("maxResults", 100)));
        yield return Apis.Read("securityhub.amazonaws.com", "GetFindings", 0.3, Persona.Human | Persona.Automation, Params.Number("MaxResults", 100));
        yield return Apis.Read("access-analyzer.amazonaws.com", "ListAnalyzers", 0.1, Describers);
    }

    private static string LogGroup(CloudTrailContext context) => context.Pick(context.Region.LogGroups);

    private static string Trail(CloudTrailContext context) =>
        "arn:aws:cloudtrail:" + context.Organization.Regions[context.Organization.HomeRegionIndex] + ":" + context.Account.Id + ":trail/" + context.Account.TrailName;

    private static string Stack(CloudTrailContext context) => context.Pick(Names.Stacks);

    private static void CreateLogStreamRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var date = DateTime.UnixEpoch.AddSeconds(context.Time);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("logGroupName"u8, "/aws/lambda/" + context.Pick(context.Region.FunctionNames));
        Span<byte> stream = stackalloc byte[64];
        var n = 0;
        date.TryFormat(stream, out var written, "yyyy/MM/dd", CultureInfo.InvariantCulture);
        n += written;
        "/[$LATEST]"u8.CopyTo(stream[n..]);
        n += 10;
        Generation.TextIds.WriteHex(stream.Slice(n, 32), context.Random);
        n += 32;
        writer.WriteString("logStreamName"u8, stream[..n]);
        writer.WriteEndObject();
    }

    private static void GetLogEventsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var date = DateTime.UnixEpoch.AddSeconds(context.Time - context.Random.Next(86400));
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("logGroupName"u8, LogGroup(context));
        writer.WriteString("logStreamName"u8, date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture) + "/[$LATEST]" + Generation.TextIds.Hex(context.Random, 32));
        writer.WriteBoolean("startFromHead"u8, false);
        writer.WriteEndObject();
    }

    private static void DescribeLogStreamsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("logGroupName"u8, LogGroup(context));
        writer.WriteString("orderBy"u8, "LastEventTime"u8);
        writer.WriteBoolean("descending"u8, true);
        writer.WriteNumber("limit"u8, 50);
        writer.WriteEndObject();
    }

    private static void FilterLogEventsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("logGroupName"u8, LogGroup(context));
        writer.WriteNumber("startTime"u8, (context.Time - 3600) * 1000);
        writer.WriteNumber("endTime"u8, context.Time * 1000);
        writer.WriteString("filterPattern"u8, context.Random.Chance(0.5) ? "ERROR"u8 : "?Exception ?Timeout"u8);
        writer.WriteBoolean("interleaved"u8, true);
        writer.WriteEndObject();
    }

    private static void StartQueryRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartArray("logGroupNames"u8);
        writer.WriteStringValue(LogGroup(context));
        writer.WriteEndArray();
        writer.WriteNumber("startTime"u8, context.Time - 86400);
        writer.WriteNumber("endTime"u8, context.Time);
        writer.WriteString("queryString"u8, "fields @timestamp, @message | filter @message like /(?i)error/ | sort @timestamp desc | limit 100"u8);
        writer.WriteEndObject();
    }

    private static void PutRetentionRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("logGroupName"u8, LogGroup(context));
        writer.WriteNumber("retentionInDays"u8, context.Random.Chance(0.5) ? 30 : 365);
        writer.WriteEndObject();
    }

    private static void GetMetricDataRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartArray("metricDataQueries"u8);
        writer.WriteStartObject();
        writer.WriteString("id"u8, "m1"u8);
        writer.WriteStartObject("metricStat"u8);
        writer.WriteStartObject("metric"u8);
        writer.WriteString("namespace"u8, "AWS/EC2"u8);
        writer.WriteString("metricName"u8, context.Pick(Names.Metrics));
        writer.WriteStartArray("dimensions"u8);
        writer.WriteStartObject();
        writer.WriteString("name"u8, "InstanceId"u8);
        writer.WriteString("value"u8, context.Pick(context.Region.InstanceIds));
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteNumber("period"u8, 300);
        writer.WriteString("stat"u8, "Average"u8);
        writer.WriteEndObject();
        writer.WriteBoolean("returnData"u8, true);
        writer.WriteEndObject();
        writer.WriteEndArray();
        context.WriteCloudTrailDate(writer, "startTime"u8, context.Time / 300 * 300 - 3600);
        context.WriteCloudTrailDate(writer, "endTime"u8, context.Time / 300 * 300);
        writer.WriteEndObject();
    }

    private static void GetMetricStatisticsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("namespace"u8, "AWS/EC2"u8);
        writer.WriteString("metricName"u8, context.Pick(Names.Metrics));
        writer.WriteStartArray("dimensions"u8);
        writer.WriteStartObject();
        writer.WriteString("name"u8, "InstanceId"u8);
        writer.WriteString("value"u8, context.Pick(context.Region.InstanceIds));
        writer.WriteEndObject();
        writer.WriteEndArray();
        context.WriteCloudTrailDate(writer, "startTime"u8, context.Time / 60 * 60 - 600);
        context.WriteCloudTrailDate(writer, "endTime"u8, context.Time / 60 * 60);
        writer.WriteNumber("period"u8, 60);
        writer.WriteStartArray("statistics"u8);
        writer.WriteStringValue("Average"u8);
        writer.WriteStringValue("Maximum"u8);
        writer.WriteEndArray();
        writer.WriteEndObject();
    }

    private static void PutMetricAlarmRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("alarmName"u8, context.Pick(context.Region.AlarmNames));
        writer.WriteString("metricName"u8, "CPUUtilization"u8);
        writer.WriteString("namespace"u8, "AWS/EC2"u8);
        writer.WriteString("statistic"u8, "Average"u8);
        writer.WriteNumber("period"u8, 300);
        writer.WriteNumber("evaluationPeriods"u8, 3);
        writer.WriteNumber("threshold"u8, 80.0);
        writer.WriteString("comparisonOperator"u8, "GreaterThanThreshold"u8);
        writer.WriteEndObject();
    }

    private static void GetParameterRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("name"u8, context.Pick(context.Region.ParameterNames));
        writer.WriteBoolean("withDecryption"u8, context.Random.Chance(0.6));
        writer.WriteEndObject();
    }

    private static void GetParametersRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartArray("names"u8);
        writer.WriteStringValue(context.Pick(context.Region.ParameterNames));
        writer.WriteStringValue(context.Pick(context.Region.ParameterNames));
        writer.WriteEndArray();
        writer.WriteBoolean("withDecryption"u8, true);
        writer.WriteEndObject();
    }

    private static void GetParametersByPathRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        var name = context.Pick(context.Region.ParameterNames);
        writer.WriteString("path"u8, name[..(name.LastIndexOf('/') + 1)]);
        writer.WriteBoolean("recursive"u8, true);
        writer.WriteBoolean("withDecryption"u8, true);
        writer.WriteEndObject();
    }

    private static void UpdateInstanceInformationRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var vpc = context.Region.Vpcs[0];
        var eni = context.Pick(vpc.Interfaces);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("instanceId"u8, eni.InstanceId ?? context.Pick(context.Region.InstanceIds));
        writer.WriteString("agentVersion"u8, "3.2.2303.0"u8);
        writer.WriteString("agentStatus"u8, "Active"u8);
        writer.WriteString("platformType"u8, "Linux"u8);
        writer.WriteString("platformName"u8, "Amazon Linux"u8);
        writer.WriteString("platformVersion"u8, "2023"u8);
        writer.WriteString("iPAddress"u8, eni.PrivateIpText);
        writer.WriteString("computerName"u8, "ip-" + eni.PrivateIpText.Replace('.', '-') + "." + vpc.InternalDomain);
        writer.WriteString("agentName"u8, "amazon-ssm-agent"u8);
        writer.WriteString("availabilityZone"u8, context.AwsRegion + "a");
        writer.WriteString("availabilityZoneId"u8, eni.AzId);
        writer.WriteEndObject();
    }

    private static void LookupEventsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        context.WriteCloudTrailDate(writer, "startTime"u8, context.Time - 86400);
        context.WriteCloudTrailDate(writer, "endTime"u8, context.Time);
        writer.WriteStartArray("lookupAttributes"u8);
        writer.WriteStartObject();
        writer.WriteString("attributeKey"u8, "EventName"u8);
        writer.WriteString("attributeValue"u8, context.Random.Chance(0.5) ? "ConsoleLogin"u8 : "RunInstances"u8);
        writer.WriteEndObject();
        writer.WriteEndArray();
        writer.WriteNumber("maxResults"u8, 50);
        writer.WriteEndObject();
    }

    private static void PutEvaluationsRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteStartArray("evaluations"u8);
        writer.WriteStartObject();
        writer.WriteString("complianceResourceType"u8, "AWS::EC2::Instance"u8);
        writer.WriteString("complianceResourceId"u8, context.Pick(context.Region.InstanceIds));
        writer.WriteString("complianceType"u8, context.Random.Chance(0.85) ? "COMPLIANT"u8 : "NON_COMPLIANT"u8);
        context.WriteCloudTrailDate(writer, "orderingTimestamp"u8, context.Time - 60);
        writer.WriteEndObject();
        writer.WriteEndArray();
        Span<byte> token = stackalloc byte[72];
        Generation.TextIds.WriteMixedAlphanumeric(token, context.Random);
        writer.WriteString("resultToken"u8, token);
        writer.WriteBoolean("testMode"u8, false);
        writer.WriteEndObject();
    }

    private static void CreateChangeSetRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var stack = Stack(context);
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("stackName"u8, stack);
        writer.WriteString("templateURL"u8, "https://" + context.Pick(context.Account.BucketNames) + ".s3.amazonaws.com/templates/" + stack + ".yaml");
        writer.WriteStartArray("capabilities"u8);
        writer.WriteStringValue("CAPABILITY_NAMED_IAM"u8);
        writer.WriteEndArray();
        writer.WriteString("changeSetName"u8, "deploy-" + context.Time.ToString(CultureInfo.InvariantCulture));
        writer.WriteString("changeSetType"u8, "UPDATE"u8);
        writer.WriteEndObject();
    }
}
