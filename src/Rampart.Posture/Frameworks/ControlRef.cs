using System.Diagnostics.CodeAnalysis;

namespace Rampart.Posture.Frameworks;

/// <summary>
/// Names one control of one framework, written <c>framework:control</c> (for example <c>cis-aws-3.0:1.8</c>).
/// The framework id never holds a colon, so the first colon separates the two.
/// </summary>
/// <param name="Framework">The framework id.</param>
/// <param name="Control">The control id, exactly as the standard numbers it.</param>
public readonly record struct ControlRef(string Framework, string Control)
{
    /// <summary>Reads <c>framework:control</c>; false when either part is empty or the colon is missing.</summary>
    public static bool TryParse(string? text, [NotNullWhen(true)] out ControlRef? result)
    {
        result = null;
        if (string.IsNullOrEmpty(text))
            return false;
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
            return false;
        result = new ControlRef(text[..colon], text[(colon + 1)..]);
        return true;
    }

    /// <summary>Formats as <c>framework:control</c>.</summary>
    public override string ToString() => Framework + ":" + Control;
}
