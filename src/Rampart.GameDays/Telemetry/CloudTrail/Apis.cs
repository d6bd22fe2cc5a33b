using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Shorthands for declaring catalog entries.</summary>
internal static class Apis
{
    public static CloudTrailApi Read(
        string eventSource,
        string eventName,
        double weight,
        Persona callers,
        RecordPart? request = null,
        ApiError[]? errors = null,
        double errorRate = 0.03,
        RecordPart? resources = null,
        bool crossAccount = false,
        bool viaEndpoint = false,
        string? apiVersion = null) =>
        Create(readOnly: true, eventSource, eventName, weight, callers, request, response: null, errors, errorRate, resources, crossAccount, viaEndpoint, apiVersion);

    public static CloudTrailApi Change(
        string eventSource,
        string eventName,
        double weight,
        Persona callers,
        RecordPart? request = null,
        RecordPart? response = null,
        ApiError[]? errors = null,
        double errorRate = 0.05,
        RecordPart? resources = null,
        bool crossAccount = false,
        bool viaEndpoint = false,
        string? apiVersion = null) =>
        Create(readOnly: false, eventSource, eventName, weight, callers, request, response, errors, errorRate, resources, crossAccount, viaEndpoint, apiVersion);

    private static CloudTrailApi Create(
        bool readOnly,
        string eventSource,
        string eventName,
        double weight,
        Persona callers,
        RecordPart? request,
        RecordPart? response,
        ApiError[]? errors,
        double errorRate,
        RecordPart? resources,
        bool crossAccount,
        bool viaEndpoint,
        string? apiVersion) => new()
        {
            Service = Services.Get(eventSource),
            EventName = eventName,
            Weight = weight,
            Callers = callers,
            ReadOnly = readOnly,
            Request = request,
            Response = response,
            Errors = errors ?? DefaultErrors(eventSource),
            ErrorRate = errorRate,
            Resources = resources,
            CanBeCrossAccount = crossAccount,
            ViaVpcEndpoint = viaEndpoint,
            ApiVersion = apiVersion,
        };

    private static ApiError[] DefaultErrors(string eventSource) => Services.Get(eventSource).IamPrefix switch
    {
        "ec2" => ApiErrors.Ec2,
        "iam" => ApiErrors.Iam,
        "s3" => ApiErrors.S3Bucket,
        "kms" => ApiErrors.Kms,
        "sts" => ApiErrors.Sts,
        "ssm" => ApiErrors.Ssm,
        "secretsmanager" => ApiErrors.Secrets,
        "cloudwatch" or "autoscaling" or "elasticloadbalancing" or "rds" or "sqs" or "cloudformation" or "sns" => ApiErrors.Query,
        _ => ApiErrors.Json,
    };
}
