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
        string? apiVersion = null) => new()
        {
            Service = Services.Get(eventSource),
            EventName = eventName,
            Weight = weight,
            Callers = callers,
            ReadOnly = true,
            Request = request,
            Errors = errors ?? DefaultErrors(eventSource),
            ErrorRate = errorRate,
            Resources = resources,
            CanBeCrossAccount = crossAccount,
            ViaVpcEndpoint = viaEndpoint,
            ApiVersion = apiVersion,
        };

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
        string? apiVersion = null) => new()
        {
            Service = Services.Get(eventSource),
            EventName = eventName,
            Weight = weight,
            Callers = callers,
            ReadOnly = false,
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
