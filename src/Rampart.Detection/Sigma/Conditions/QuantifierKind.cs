namespace Rampart.Detection.Sigma.Conditions;

/// <summary>How many of the selected search identifiers must match.</summary>
internal enum QuantifierKind
{
    /// <summary><c>1 of</c> or <c>any of</c>.</summary>
    Any,

    /// <summary><c>all of</c>.</summary>
    All,
}
