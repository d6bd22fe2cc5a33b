namespace Rampart.Core.Events;

/// <summary>The JSON kind of a value found in an event.</summary>
public enum FieldValueKind
{
    /// <summary>An explicit null (or a missing value marker such as <c>-</c> in flow logs).</summary>
    Null,

    /// <summary>A string.</summary>
    String,

    /// <summary>A number; <see cref="FieldValue.Text"/> holds it as written.</summary>
    Number,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>An object; <see cref="FieldValue.Text"/> holds its JSON text.</summary>
    Object,
}
