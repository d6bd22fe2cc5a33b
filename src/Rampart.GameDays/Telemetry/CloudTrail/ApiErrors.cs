namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>The error codes and messages services really return, grouped by protocol family.</summary>
internal static class ApiErrors
{
    public static readonly ApiError AccessDenied = new("AccessDenied", null, 6, ApiErrorKind.NotAuthorized);
    public static readonly ApiError AccessDeniedException = new("AccessDeniedException", null, 6, ApiErrorKind.NotAuthorized);
    public static readonly ApiError Throttling = new("ThrottlingException", "Rate exceeded", 2);
    public static readonly ApiError IamThrottling = new("Throttling", "Rate exceeded", 1);

    public static readonly ApiError[] Iam =
    [
        AccessDenied,
        IamThrottling,
        new("NoSuchEntityException", "The role with name deploy-legacy cannot be found.", 1),
    ];

    public static readonly ApiError[] Ec2 =
    [
        new("Client.UnauthorizedOperation", null, 6, ApiErrorKind.Ec2NotAuthorized),
        new("Client.RequestLimitExceeded", "Request limit exceeded.", 2),
        new("Client.InvalidInstanceID.NotFound", "The instance ID 'i-0d2f1c9a7e0b41c22' does not exist", 0.5),
    ];

    public static readonly ApiError[] S3Read =
    [
        new("AccessDenied", "Access Denied", 5),
        new("NoSuchKey", "The specified key does not exist.", 4),
        new("NoSuchBucket", "The specified bucket does not exist", 0.5),
        new("SlowDown", "Please reduce your request rate.", 0.2),
    ];

    public static readonly ApiError[] S3Bucket =
    [
        new("AccessDenied", "Access Denied", 5),
        new("NoSuchBucketPolicy", "The bucket policy does not exist", 3),
        new("NoSuchBucket", "The specified bucket does not exist", 1),
    ];

    public static readonly ApiError[] S3Write =
    [
        new("AccessDenied", "Access Denied", 5),
        new("NoSuchBucket", "The specified bucket does not exist", 0.5),
    ];

    public static readonly ApiError[] Kms =
    [
        AccessDeniedException,
        Throttling,
        new("InvalidCiphertextException", null, 0.3),
    ];

    public static readonly ApiError[] Sts =
    [
        AccessDenied,
        new("ExpiredTokenException", "The security token included in the request is expired", 0.5),
    ];

    public static readonly ApiError[] Json =
    [
        AccessDeniedException,
        Throttling,
        new("ResourceNotFoundException", "The specified resource does not exist.", 1),
    ];

    public static readonly ApiError[] Secrets =
    [
        AccessDeniedException,
        new("ResourceNotFoundException", "Secrets Manager can't find the specified secret.", 2),
        Throttling,
    ];

    public static readonly ApiError[] Ssm =
    [
        AccessDeniedException,
        new("ParameterNotFound", null, 3),
        Throttling,
    ];

    public static readonly ApiError[] Query =
    [
        AccessDenied,
        new("Throttling", "Rate exceeded", 2),
    ];
}
