using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>
/// Everything about the call being written, plus scratch space. One instance per worker, reused for every
/// record so the hot path allocates nothing.
/// </summary>
internal sealed class CloudTrailContext(Organization organization)
{
    private readonly byte[] _objectKey = new byte[256];

    public Organization Organization { get; } = organization;

    public DeterministicRandom Random { get; set; } = new(0);

    public Account Account { get; set; } = null!;

    public RegionEstate Region { get; set; } = null!;

    /// <summary>The <c>awsRegion</c> written: the region, or <c>us-east-1</c> for global services.</summary>
    public string AwsRegion { get; set; } = "";

    public long Time { get; set; }

    public CloudTrailApi Api { get; set; } = null!;

    public Principal Principal { get; set; } = null!;

    public string SourceIp { get; set; } = "";

    public UserAgent Agent { get; set; } = null!;

    /// <summary>An exact user agent (attacks), written instead of <see cref="Agent"/>.</summary>
    public string? AgentText { get; set; }

    public ApiError? Error { get; set; }

    public string? VpcEndpointId { get; set; }

    public string EventVersion { get; set; } = "1.08";

    /// <summary>A known event id (attacks), written instead of a random one.</summary>
    public string? EventId { get; set; }

    public bool CrossAccount { get; set; }

    /// <summary>The S3 bucket of the call, chosen by the request writer and reused by the resources writer.</summary>
    public string Bucket { get; set; } = "";

    public int ObjectKeyLength { get; set; }

    public Span<byte> ObjectKeyBuffer => _objectKey;

    public ReadOnlySpan<byte> ObjectKey => _objectKey.AsSpan(0, ObjectKeyLength);

    /// <summary>The resource the request named, reused by the resources writer.</summary>
    public string Resource { get; set; } = "";

    /// <summary>A second value the request chose for the response (a session name, a new id).</summary>
    public string Detail { get; set; } = "";

    public bool IsError => Error is not null;

    public bool IsConsole => AgentText is null && Agent.IsConsole;

    public T Pick<T>(T[] items) => items[Random.Next(items.Length)];

    public void WriteUuid(Utf8JsonWriter writer, ReadOnlySpan<byte> name)
    {
        Span<byte> buffer = stackalloc byte[TextIds.UuidLength];
        TextIds.WriteUuid(buffer, Random);
        writer.WriteString(name, buffer);
    }

    public void WriteHex(Utf8JsonWriter writer, ReadOnlySpan<byte> name, int length, bool upper = false)
    {
        Span<byte> buffer = stackalloc byte[length];
        TextIds.WriteHex(buffer, Random, upper);
        writer.WriteString(name, buffer);
    }

    /// <summary>Writes an id such as <c>i-0abc…</c>: a prefix and random lower-case hex.</summary>
    public void WritePrefixedHex(Utf8JsonWriter writer, ReadOnlySpan<byte> name, ReadOnlySpan<byte> prefix, int length)
    {
        Span<byte> buffer = stackalloc byte[prefix.Length + length];
        prefix.CopyTo(buffer);
        TextIds.WriteHex(buffer[prefix.Length..], Random);
        writer.WriteString(name, buffer);
    }

    public void WriteTimestamp(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long unixSeconds)
    {
        Span<byte> buffer = stackalloc byte[TextIds.TimestampLength];
        TextIds.WriteTimestamp(buffer, unixSeconds);
        writer.WriteString(name, buffer);
    }

    /// <summary>IAM responses print dates as <c>Mar 3, 2025 2:04:11 PM</c>, unlike the rest of the record.</summary>
    public void WriteIamDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long unixSeconds)
    {
        Span<char> buffer = stackalloc char[32];
        var time = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        time.TryFormat(buffer, out var written, "MMM d, yyyy h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }

    public void WriteTemporaryCredentials(Utf8JsonWriter writer, long expiration)
    {
        writer.WriteStartObject("credentials"u8);
        Span<byte> key = stackalloc byte[20];
        "ASIA"u8.CopyTo(key);
        TextIds.WriteIamAlphabet(key[4..], Random);
        writer.WriteString("accessKeyId"u8, key);
        writer.WriteString("sessionToken"u8, "IQoJb3JpZ2luX2VjEJr//////////wEaCXVzLWVhc3QtMSJHMEUCIQDx3k9Zq0m7Vb2yTnR8a4LcUe5pWfHs1gJ0oKd6Xv9rMwIgYc2"u8);
        WriteCloudTrailDate(writer, "expiration"u8, expiration);
        writer.WriteEndObject();
    }

    /// <summary>STS and a few others print <c>Mar 3, 2025, 2:04:11 PM</c> with a comma after the year.</summary>
    public void WriteCloudTrailDate(Utf8JsonWriter writer, ReadOnlySpan<byte> name, long unixSeconds)
    {
        Span<char> buffer = stackalloc char[32];
        var time = DateTime.UnixEpoch.AddSeconds(unixSeconds);
        time.TryFormat(buffer, out var written, "MMM d, yyyy, h:mm:ss tt", System.Globalization.CultureInfo.InvariantCulture);
        writer.WriteString(name, buffer[..written]);
    }

    public void WriteResource(Utf8JsonWriter writer, string type, string arn, bool withAccount = true)
    {
        writer.WriteStartObject();
        if (withAccount)
            writer.WriteString("accountId"u8, Account.Id);
        writer.WriteString("type"u8, type);
        writer.WriteString("ARN"u8, arn);
        writer.WriteEndObject();
    }

    /// <summary>Writes a one-item resources list.</summary>
    public void WriteResources(Utf8JsonWriter writer, string type, string arn)
    {
        writer.WriteStartArray("resources"u8);
        WriteResource(writer, type, arn);
        writer.WriteEndArray();
    }
}
