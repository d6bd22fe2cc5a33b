namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>How an error message is written.</summary>
internal enum ApiErrorKind
{
    /// <summary>The message is written as given (or omitted when null).</summary>
    Fixed,

    /// <summary>"User: arn is not authorized to perform: action …", built from the caller and the API.</summary>
    NotAuthorized,

    /// <summary>The EC2 form: "You are not authorized to perform this operation. User: …".</summary>
    Ec2NotAuthorized,
}
