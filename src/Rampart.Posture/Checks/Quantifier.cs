namespace Rampart.Posture.Checks;

/// <summary>How a condition applies to the elements of a list.</summary>
internal enum Quantifier
{
    /// <summary><c>each</c>: every element (true for an empty or missing list).</summary>
    Each,

    /// <summary><c>some</c>: at least one element.</summary>
    Some,

    /// <summary><c>none</c>: no element.</summary>
    None,
}
