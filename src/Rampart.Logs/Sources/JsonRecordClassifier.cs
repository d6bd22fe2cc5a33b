using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>
/// Decides what a JSON value is: envelopes are opened (EventBridge <c>detail</c>), containers are recognised, and
/// objects are told apart by their properties, unless the format was forced. A file-name hint settles records
/// whose shape says nothing.
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

    /// <summary>Classifies <paramref name="value"/>, found inside <paramref name="container"/> (or at the top level).</summary>
    public Classification Classify(JsonElement value, ContainerKind container)
    {
        switch (container)
        {
            case ContainerKind.Records:
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.CloudTrail), value) : new(RecordKind.NotObject, value);
            case ContainerKind.Findings:
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.GuardDuty), value) : new(RecordKind.NotObject, value);
            case ContainerKind.QueryResultRows:
                if (value.ValueKind == JsonValueKind.Array)
                    return new(RecordKind.LakeRow, value);
                return value.ValueKind == JsonValueKind.Object ? Typed(Chosen(LogFormat.CloudTrail), value) : new(RecordKind.NotObject, value);
            default:
                return ClassifyObject(value);
        }
    }

    /// <summary>Classifies a merged CloudTrail Lake row.</summary>
    public Classification ClassifyLakeRow(JsonElement row) => Typed(Chosen(LogFormat.CloudTrail), row);

    private static Classification Typed(LogFormat format, JsonElement element) => format switch
    {
        LogFormat.VpcFlow => new(RecordKind.VpcFlow, element),
        LogFormat.Route53Resolver => new(RecordKind.Route53Resolver, element),
        LogFormat.GuardDuty => new(RecordKind.GuardDuty, element),
        _ => new(RecordKind.CloudTrail, element),
    };

    private static Classification? Container(JsonElement value, string name, ContainerKind kind)
    {
        if (!value.TryGetProperty(name, out var items))
            return null;
        return items.ValueKind == JsonValueKind.Array
            ? new(RecordKind.Container, items, kind, name)
            : new(RecordKind.ContainerNotArray, items, kind, name);
    }

    private static bool Has(JsonElement value, string name) => value.TryGetProperty(name, out _);

    private static bool IsGuardDutyArn(JsonElement value) =>
        value.TryGetProperty("arn", out var arn) && arn.ValueKind == JsonValueKind.String && arn.GetString()!.Contains(":guardduty:", StringComparison.Ordinal);

    private LogFormat Chosen(LogFormat implied) => _forced == LogFormat.Auto ? implied : _forced;

    private Classification ClassifyObject(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.Object)
            return new(RecordKind.NotObject, value);

        // CloudTrail writes eventVersion first: settle the most common record with one comparison.
        using (var properties = value.EnumerateObject())
        {
            if (properties.MoveNext() && properties.Current.NameEquals("eventVersion"u8))
                return Typed(Chosen(LogFormat.CloudTrail), value);
        }

        if (value.TryGetProperty("detail-type", out var detailType) && detailType.ValueKind == JsonValueKind.String
            && value.TryGetProperty("detail", out var detail) && detail.ValueKind == JsonValueKind.Object)
        {
            var type = detailType.GetString()!;
            if (type.EndsWith("via CloudTrail", StringComparison.Ordinal))
                return Typed(Chosen(LogFormat.CloudTrail), detail);
            if (type == "GuardDuty Finding")
                return Typed(Chosen(LogFormat.GuardDuty), detail);
            var inner = ClassifyObject(detail);
            if (inner.Kind != RecordKind.Unrecognised)
                return inner;
        }

        if (Container(value, "Records", ContainerKind.Records) is { } records)
            return records;
        if ((Container(value, "findings", ContainerKind.Findings) ?? Container(value, "Findings", ContainerKind.Findings)) is { } findings)
            return findings;
        if (Container(value, "QueryResultRows", ContainerKind.QueryResultRows) is { } rows)
            return rows;

        if (_forced != LogFormat.Auto)
            return Typed(_forced, value);
        if (ByPantherLogType(value) is { } panther)
            return Typed(panther, value);
        if (Has(value, "eventVersion") || Has(value, "eventSource") || Has(value, "eventName") || Has(value, "eventID"))
            return Typed(LogFormat.CloudTrail, value);
        if ((Has(value, "schemaVersion") && (Has(value, "service") || Has(value, "resource"))) || IsGuardDutyArn(value))
            return Typed(LogFormat.GuardDuty, value);
        if (Has(value, "query_name") || Has(value, "query_timestamp"))
            return Typed(LogFormat.Route53Resolver, value);
        if (Flow.FlowJsonRecord.LooksLikeFlow(value))
            return Typed(LogFormat.VpcFlow, value);
        return _hint != LogFormat.Auto ? Typed(_hint, value) : new(RecordKind.Unrecognised, value);
    }

    // Panther's test events name their log type; its AWS ones map onto ours.
    private static LogFormat? ByPantherLogType(JsonElement value)
    {
        if (!value.TryGetProperty("p_log_type", out var type) || type.ValueKind != JsonValueKind.String)
            return null;
        return type.GetString() switch
        {
            "AWS.CloudTrail" => LogFormat.CloudTrail,
            "AWS.VPCFlow" => LogFormat.VpcFlow,
            "AWS.VPCDns" => LogFormat.Route53Resolver,
            "AWS.GuardDuty" => LogFormat.GuardDuty,
            _ => null,
        };
    }
}
