using System.Text.Json;

namespace Rampart.Posture.Checks;

/// <summary>
/// What a path selects: nothing (JMESPath's null), one JSON value, or the list a projection made. Projections keep
/// their elements in a list rather than building JSON, so selecting costs no copy.
/// </summary>
internal readonly struct PathValue
{
    private PathValue(JsonElement element, List<JsonElement>? items, bool present)
    {
        Element = element;
        Items = items;
        IsPresent = present;
    }

    public static PathValue Missing => default;

    /// <summary>Whether anything was selected (a JSON null counts as nothing).</summary>
    public bool IsPresent { get; }

    /// <summary>The single value, when <see cref="Items"/> is null.</summary>
    public JsonElement Element { get; }

    /// <summary>The projected elements, when the path projects.</summary>
    public List<JsonElement>? Items { get; }

    /// <summary>Whether the value is a list, projected or a JSON array.</summary>
    public bool IsList => Items is not null || (IsPresent && Element.ValueKind == JsonValueKind.Array);

    public int Count => Items?.Count ?? Element.GetArrayLength();

    public static PathValue Of(JsonElement element) =>
        element.ValueKind is JsonValueKind.Undefined or JsonValueKind.Null ? default : new PathValue(element, null, true);

    public static PathValue Of(List<JsonElement> items) => new(default, items, true);

    /// <summary>Copies the elements of a list into <paramref name="into"/>.</summary>
    public void CopyItems(List<JsonElement> into)
    {
        if (Items is not null)
        {
            into.AddRange(Items);
            return;
        }

        foreach (var item in Element.EnumerateArray())
            into.Add(item);
    }

    /// <summary>The value as JSON, for evidence: a projection becomes an array.</summary>
    public JsonElement ToJson()
    {
        if (!IsPresent)
            return default;
        if (Items is null)
            return Element;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartArray();
            foreach (var item in Items)
                item.WriteTo(json);
            json.WriteEndArray();
        }

        using var document = JsonDocument.Parse(buffer.ToArray());
        return document.RootElement.Clone();
    }
}
