using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>The value of one evidence path for a resource; <see cref="JsonValueKind.Undefined"/> when the path selects nothing.</summary>
/// <param name="Path">The path, as written in the check.</param>
/// <param name="Value">Its value.</param>
public sealed record CheckEvidence(string Path, JsonElement Value);
