using Rampart.Core.Events;

namespace Rampart.Logs.Tests.Support;

/// <summary>What a test keeps of an event, copied out while the event was still valid.</summary>
internal sealed record ReadEvent(
    string SourceType,
    EventOrigin Origin,
    EventSummary Summary,
    string Json,
    IReadOnlyDictionary<string, IReadOnlyList<FieldValue>> Fields,
    IReadOnlyList<FieldValue> AllValues)
{
    public IReadOnlyList<FieldValue> Values(string path) => Fields[path];

    public FieldValue Value(string path) => Assert.Single(Fields[path]);

    public string? Text(string path) => Value(path).Text;
}
