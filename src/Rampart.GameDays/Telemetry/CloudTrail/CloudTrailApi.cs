using System.Text;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>
/// One AWS API as CloudTrail records it: who calls it and how often, and writers for the parts of its
/// record that depend on the API (request, response, extra data, resources).
/// </summary>
internal sealed class CloudTrailApi
{
    private string? _iamAction;
    private byte[]? _cliCommand;

    public required ServiceInfo Service { get; init; }

    public required string EventName { get; init; }

    public string EventSource => Service.EventSource;

    /// <summary>Relative frequency among all calls of the callers allowed to make it.</summary>
    public double Weight { get; init; }

    public Persona Callers { get; init; }

    public bool ReadOnly { get; init; }

    public bool DataEvent { get; init; }

    public string EventType { get; init; } = "AwsApiCall";

    public bool HasRequestId { get; init; } = true;

    public string? ApiVersion { get; init; }

    /// <summary>Writes <c>requestParameters</c>; null writes <c>"requestParameters":null</c>.</summary>
    public RecordPart? Request { get; init; }

    /// <summary>Writes <c>responseElements</c> on success; null writes <c>"responseElements":null</c>.</summary>
    public RecordPart? Response { get; init; }

    public RecordPart? AdditionalData { get; init; }

    public RecordPart? Resources { get; init; }

    /// <summary>Writes <c>serviceEventDetails</c> (service events).</summary>
    public RecordPart? ServiceEventDetails { get; init; }

    public ApiError[] Errors { get; init; } = [];

    /// <summary>Sign-in failures still carry their response (<c>{"ConsoleLogin":"Failure"}</c>).</summary>
    public bool ResponseOnError { get; init; }

    /// <summary>Share of calls that fail.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Cross-account calls carry a <c>sharedEventID</c>.</summary>
    public bool CanBeCrossAccount { get; init; }

    /// <summary>S3, KMS, DynamoDB, Secrets Manager and a few others are reached through VPC endpoints.</summary>
    public bool ViaVpcEndpoint { get; init; }

    public bool Global => Service.Global;

    public string IamAction => _iamAction ??= Service.IamPrefix + ":" + BaseOperation(EventName);

    /// <summary>The AWS CLI v2 user agent suffix, e.g. <c>ec2.describe-instances</c>.</summary>
    public byte[] CliCommand => _cliCommand ??= Encoding.ASCII.GetBytes(Service.CliName + "." + Kebab(BaseOperation(EventName)));

    public override string ToString() => EventSource + " " + EventName;

    /// <summary>Lambda event names carry an API version (<c>ListFunctions20150331</c>); IAM actions do not.</summary>
    private static string BaseOperation(string eventName)
    {
        var end = eventName.Length;
        if (eventName.EndsWith("v2", StringComparison.Ordinal) || eventName.EndsWith("v3", StringComparison.Ordinal))
            end -= 2;
        while (end > 0 && char.IsAsciiDigit(eventName[end - 1]))
            end--;
        return end == 0 ? eventName : eventName[..end];
    }

    private static string Kebab(string name)
    {
        var builder = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var ch = name[i];
            if (char.IsAsciiLetterUpper(ch))
            {
                if (i > 0 && (char.IsAsciiLetterLower(name[i - 1]) || (i + 1 < name.Length && char.IsAsciiLetterLower(name[i + 1]) && char.IsAsciiLetterUpper(name[i - 1]))))
                    builder.Append('-');
                builder.Append(char.ToLowerInvariant(ch));
            }
            else
            {
                builder.Append(ch);
            }
        }

        return builder.ToString();
    }
}
