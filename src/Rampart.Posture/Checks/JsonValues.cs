using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>JSON comparisons shared by paths and operators.</summary>
internal static class JsonValues
{
    /// <summary>Deep equality; numbers compare by value; a missing value equals only null.</summary>
    public static bool Equal(JsonElement a, JsonElement b)
    {
        var aNull = a.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        var bNull = b.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null;
        if (aNull || bNull)
            return aNull && bNull;
        if (a.ValueKind is JsonValueKind.True or JsonValueKind.False || b.ValueKind is JsonValueKind.True or JsonValueKind.False)
            return a.ValueKind == b.ValueKind;
        if (a.ValueKind == JsonValueKind.Number && b.ValueKind == JsonValueKind.Number)
            return a.GetDouble() == b.GetDouble();
        if (a.ValueKind == JsonValueKind.String && b.ValueKind == JsonValueKind.String)
            return a.ValueEquals(b.GetString());
        return JsonElement.DeepEquals(a, b);
    }

    public static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "a list",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
