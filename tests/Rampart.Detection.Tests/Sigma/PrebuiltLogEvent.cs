using System.Text.Json;
using Rampart.Core.Events;

namespace Rampart.Detection.Tests.Sigma;

/// <summary>
/// An event whose values are built up front, so that reading them allocates nothing: lets tests measure
/// what matching itself allocates.
/// </summary>
internal sealed class PrebuiltLogEvent(string sourceType, Dictionary<string, FieldValue[]> fields) : LogEvent(default)
{
    private readonly FieldValue[] _all = [.. fields.Values.SelectMany(values => values)];

    public override string SourceType { get; } = sourceType;

    public override void CollectValues(FieldPath path, List<FieldValue> values)
    {
        if (fields.TryGetValue(path.Name, out var found))
        {
            foreach (var value in found)
                values.Add(value);
        }
    }

    public override void CollectAllValues(List<FieldValue> values)
    {
        foreach (var value in _all)
            values.Add(value);
    }

    public override EventSummary Summarize() => new();

    public override void WriteTo(Utf8JsonWriter writer) => writer.WriteNullValue();
}
