using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Security Token Service: role assumption dominates every real trail.</summary>
internal static class StsApis
{
    private static readonly string[] SessionPrefixes = ["botocore-session-", "aws-go-sdk-", "aws-sdk-java-", "terraform-", "AWSLambda-", "ecs-task-", "GitHubActions-"];

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return new CloudTrailApi
        {
            Service = Services.Get("sts.amazonaws.com"),
            EventName = "AssumeRole",
            Weight = 10,
            Callers = Persona.Service | Persona.Automation | Persona.Workload | Persona.CrossAccount | Persona.Human,
            ReadOnly = true,
            Request = AssumeRoleRequest,
            Response = AssumeRoleResponse,
            Resources = RoleResource,
            Errors = ApiErrors.Sts,
            ErrorRate = 0.01,
            CanBeCrossAccount = true,
        };
        yield return Apis.Read("sts.amazonaws.com", "GetCallerIdentity", 4, Persona.People | Persona.Workload, errorRate: 0);
        yield return new CloudTrailApi
        {
            Service = Services.Get("sts.amazonaws.com"),
            EventName = "GetSessionToken",
            Weight = 0.08,
            Callers = Persona.Human,
            ReadOnly = true,
            Request = Params.Number("durationSeconds", 43200),
            Response = (writer, context) =>
            {
                writer.WriteStartObject("responseElements"u8);
                context.WriteTemporaryCredentials(writer, context.Time + 43200);
                writer.WriteEndObject();
            },
            Errors = ApiErrors.Sts,
            ErrorRate = 0.02,
        };
    }

    private static void AssumeRoleRequest(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var role = context.Pick(context.Account.RoleNames);
        context.Resource = "arn:aws:iam::" + context.Account.Id + ":role/" + role;
        writer.WriteStartObject("requestParameters"u8);
        writer.WriteString("roleArn"u8, context.Resource);
        WriteSessionName(writer, context);
        if (context.Random.Chance(0.4))
            writer.WriteNumber("durationSeconds"u8, 3600);
        writer.WriteEndObject();
    }

    private static void WriteSessionName(Utf8JsonWriter writer, CloudTrailContext context)
    {
        var prefix = context.Principal.InvokedBy is not null
            ? "AWSLambda-"
            : SessionPrefixes[context.Random.Next(SessionPrefixes.Length)];
        context.Detail = prefix + (context.Time * 1000 + context.Random.Next(1000)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString("roleSessionName"u8, context.Detail);
    }

    private static void AssumeRoleResponse(Utf8JsonWriter writer, CloudTrailContext context)
    {
        writer.WriteStartObject("responseElements"u8);
        context.WriteTemporaryCredentials(writer, context.Time + 3600);
        writer.WriteStartObject("assumedRoleUser"u8);
        Span<byte> id = stackalloc byte[21];
        "AROA"u8.CopyTo(id);
        TextIds.WriteIamAlphabet(id[4..], DeterministicRandom.Hash(context.Resource), DeterministicRandom.Hash(context.Account.Id));
        writer.WriteString("assumedRoleId"u8, System.Text.Encoding.ASCII.GetString(id) + ":" + context.Detail);
        writer.WriteString("arn"u8, "arn:aws:sts::" + context.Account.Id + ":assumed-role/" + context.Resource[(context.Resource.IndexOf(":role/", StringComparison.Ordinal) + 6)..] + "/" + context.Detail);
        writer.WriteEndObject();
        writer.WriteEndObject();
    }

    private static void RoleResource(Utf8JsonWriter writer, CloudTrailContext context) =>
        context.WriteResources(writer, "AWS::IAM::Role", context.Resource);
}
