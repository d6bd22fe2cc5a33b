using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>
/// What a JSON value is. A record is the <see cref="Core.Events.JsonRecord"/> that was classified (for an EventBridge
/// envelope, loaded again over its <c>detail</c>); a container names its array of records, given in <see cref="Items"/>.
/// </summary>
/// <param name="Kind">What the value is.</param>
/// <param name="ValueKind">The JSON kind of the value the diagnostic names (the record, or a container property that is not an array).</param>
/// <param name="Container">The container found, for <see cref="RecordKind.Container"/> and <see cref="RecordKind.ContainerNotArray"/>.</param>
/// <param name="Name">The container property as written.</param>
/// <param name="Items">The container's array, a slice of the record's bytes.</param>
internal readonly record struct Classification(
    RecordKind Kind,
    JsonValueKind ValueKind = JsonValueKind.Object,
    ContainerKind Container = ContainerKind.None,
    string? Name = null,
    ReadOnlyMemory<byte> Items = default);
