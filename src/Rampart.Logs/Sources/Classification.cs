using System.Text.Json;

namespace Rampart.Logs.Sources;

/// <summary>What a JSON value is, and the element that is the record (the <c>detail</c> of an EventBridge envelope, the array of a container).</summary>
internal readonly record struct Classification(RecordKind Kind, JsonElement Element, ContainerKind Container = ContainerKind.None, string? Name = null);
