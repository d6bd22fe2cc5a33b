using System.Globalization;

namespace Rampart.Core.Events;

/// <summary>One value found at a field path of an event. Arrays are flattened into their elements.</summary>
public readonly record struct FieldValue
{
    private FieldValue(FieldValueKind kind, string? text)
    {
        Kind = kind;
        Text = text;
    }

    /// <summary>An explicit null.</summary>
    public static FieldValue Null { get; } = new(FieldValueKind.Null, null);

    /// <summary>The kind of value.</summary>
    public FieldValueKind Kind { get; }

    /// <summary>The value as text: the string, the number as written, <c>true</c>/<c>false</c>, or an object's JSON; null for <see cref="FieldValueKind.Null"/>.</summary>
    public string? Text { get; }

    /// <summary>Whether this is an explicit null.</summary>
    public bool IsNull => Kind == FieldValueKind.Null;

    /// <summary>A string value.</summary>
    public static FieldValue FromString(string value) => new(FieldValueKind.String, value);

    /// <summary>A number, kept as written.</summary>
    public static FieldValue FromNumber(string text) => new(FieldValueKind.Number, text);

    /// <summary>A boolean.</summary>
    public static FieldValue FromBoolean(bool value) => new(FieldValueKind.Boolean, value ? "true" : "false");

    /// <summary>An object, kept as JSON text.</summary>
    public static FieldValue FromObject(string json) => new(FieldValueKind.Object, json);

    /// <summary>Reads the value as a number: numbers, and strings that hold one (flow logs and Route 53 write ports as strings).</summary>
    public bool TryGetNumber(out double number)
    {
        if (Kind is FieldValueKind.Number or FieldValueKind.String && Text is not null)
            return double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out number);
        number = 0;
        return false;
    }
}
