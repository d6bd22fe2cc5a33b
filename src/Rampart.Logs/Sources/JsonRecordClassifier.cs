using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Logs.Sources;

/// <summary>
/// Decides what a JSON value is: envelopes are opened (EventBridge <c>detail</c>), containers are recognised, and
/// objects are told apart by their properties, unless the format was forced. A file-name hint settles records
/// whose shape says nothing. Every test is a lookup in the record's table of top-level properties.
/// </summary>
internal sealed class JsonRecordClassifier
{
    private readonly LogFormat _forced;
    private readonly LogFormat _hint;

    public JsonRecordClassifier(LogFormat forced, LogFormat hint)
    {
        _forced = forced;
        _hint = hint;
    }

    /// <summary>
    /// Classifies the value loaded in <paramref name="value"/>, found inside <paramref name="container"/> (or at the top
    /// level). An EventBridge envelope is left with its <c>detail</c> loaded, since that is the record.
    /// </summary>
    public Classification Classify(JsonRecord value, ContainerKind container)
    {
        switch (container)
        {
            case ContainerKind.Records:
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.CloudTrail)) : new(RecordKind.NotObject, value.ValueKind);
            case ContainerKind.Findings:
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.GuardDuty)) : new(RecordKind.NotObject, value.ValueKind);
            case ContainerKind.QueryResultRows:
                if (value.ValueKind == JsonValueKind.Array)
                    return new(RecordKind.LakeRow, JsonValueKind.Array);
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.CloudTrail)) : new(RecordKind.NotObject, value.ValueKind);
            default:
                return ClassifyObject(value);
        }
    }

    /// <summary>Classifies a merged CloudTrail Lake row.</summary>
    public Classification ClassifyLakeRow() => Typed(Chosen(LogFormat.CloudTrail));

    private static Classification Typed(LogFormat format) => format switch
    {
        LogFormat.VpcFlow => new(RecordKind.VpcFlow),
        LogFormat.Route53Resolver => new(RecordKind.Route53Resolver),
        LogFormat.GuardDuty => new(RecordKind.GuardDuty),
        _ => new(RecordKind.CloudTrail),
    };

    private static Classification? Container(JsonRecord value, ReadOnlySpan<byte> name, ContainerKind kind)
    {
        if (!value.TryGetProperty(name, out var items))
            return null;
        var text = System.Text.Encoding.UTF8.GetString(name);
        var itemsKind = value.GetPropertyKind(name);
        return itemsKind == JsonValueKind.Array
            ? new(RecordKind.Container, JsonValueKind.Array, kind, text, items)
            : new(RecordKind.ContainerNotArray, itemsKind, kind, text);
    }

    private static bool IsGuardDutyArn(JsonRecord value) =>
        value.TryGetString("arn"u8, out var arn) && arn.Contains(":guardduty:", StringComparison.Ordinal);

    // Loads a part of an already validated record, which cannot fail but for a broken invariant.
    private static void Load(JsonRecord record, ReadOnlyMemory<byte> json)
    {
        if (!record.TryLoad(json, out var error))
            throw new InvalidOperationException("A part of a validated JSON record failed validation.", error);
    }

    private LogFormat Chosen(LogFormat implied) => _forced == LogFormat.Auto ? implied : _forced;

    private Classification ClassifyObject(JsonRecord value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return new(RecordKind.NotObject, value.ValueKind);

        // CloudTrail writes eventVersion first: settle the most common record with one comparison.
        if (value.FirstPropertyIs("eventVersion"u8))
            return Typed(Chosen(LogFormat.CloudTrail));

        if (value.TryGetString("detail-type"u8, out var type) && value.GetPropertyKind("detail"u8) == JsonValueKind.Object
            && value.TryGetProperty("detail"u8, out var detail))
        {
            var envelope = value.Utf8Json;
            Load(value, detail);
            if (type.EndsWith("via CloudTrail", StringComparison.Ordinal))
                return Typed(Chosen(LogFormat.CloudTrail));
            if (type == "GuardDuty Finding")
                return Typed(Chosen(LogFormat.GuardDuty));
            var inner = ClassifyObject(value);
            if (inner.Kind != RecordKind.Unrecognised)
                return inner;
            Load(value, envelope);
        }

        if (Container(value, "Records"u8, ContainerKind.Records) is { } records)
            return records;
        if ((Container(value, "findings"u8, ContainerKind.Findings) ?? Container(value, "Findings"u8, ContainerKind.Findings)) is { } findings)
            return findings;
        if (Container(value, "QueryResultRows"u8, ContainerKind.QueryResultRows) is { } rows)
            return rows;

        if (_forced != LogFormat.Auto)
            return Typed(_forced);
        if (ByPantherLogType(value) is { } panther)
            return Typed(panther);
        if (value.HasProperty("eventVersion"u8) || value.HasProperty("eventSource"u8) || value.HasProperty("eventName"u8) || value.HasProperty("eventID"u8))
            return Typed(LogFormat.CloudTrail);
        if ((value.HasProperty("schemaVersion"u8) && (value.HasProperty("service"u8) || value.HasProperty("resource"u8))) || IsGuardDutyArn(value))
            return Typed(LogFormat.GuardDuty);
        if (value.HasProperty("query_name"u8) || value.HasProperty("query_timestamp"u8))
            return Typed(LogFormat.Route53Resolver);
        if (Flow.FlowJsonRecord.LooksLikeFlow(value))
            return Typed(LogFormat.VpcFlow);
        return _hint != LogFormat.Auto ? Typed(_hint) : new(RecordKind.Unrecognised);
    }

    // Panther's test events name their log type; its AWS ones map onto ours.
    private static LogFormat? ByPantherLogType(JsonRecord value)
    {
        if (!value.TryGetString("p_log_type"u8, out var type))
            return null;
        return type switch
        {
            "AWS.CloudTrail" => LogFormat.CloudTrail,
            "AWS.VPCFlow" => LogFormat.VpcFlow,
            "AWS.VPCDns" => LogFormat.Route53Resolver,
            "AWS.GuardDuty" => LogFormat.GuardDuty,
            _ => null,
        };
    }
}
