using System.Text.Json.Nodes;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>One recorded API response and what is known about the call that produced it.</summary>
internal sealed class ApiCall
{
    /// <summary>The AWS CLI's service name: <c>ec2</c>, <c>s3</c>, <c>s3control</c>, <c>cloudwatch</c>…</summary>
    public required string Service { get; init; }

    /// <summary>The CLI's operation name: <c>describe-security-groups</c>.</summary>
    public required string Operation { get; init; }

    /// <summary>The response (without <c>ResponseMetadata</c>); an error response has an <c>Error</c> object.</summary>
    public required JsonObject Body { get; init; }

    public required JsonInput Input { get; init; }

    public required string Account { get; init; }

    /// <summary>The region the call was made in, or <c>global</c>.</summary>
    public required string Region { get; init; }

    /// <summary>The resource a per-resource call was about, when the layout says (a file name); otherwise the data or the order of calls tells.</summary>
    public string? ResourceHint { get; init; }

    /// <summary>1-based position among the responses to this operation (a placebo recording's <c>_N</c>); 0 when not known.</summary>
    public int Ordinal { get; init; }

    public string Name => Service + " " + Operation;

    public (string Code, string? Message)? Error =>
        Body[nameof(Error)] is JsonObject error && Json.String(error, "Code") is { } code ? (code, Json.String(error, "Message")) : null;
}
