namespace Rampart.Posture.Checks;

/// <summary>The steps of the JMESPath subset that paths compile to directly (see <see cref="PathSyntax"/>).</summary>
internal enum PathStepKind
{
    Field,
    Index,
    ListWildcard,
    Flatten,
    Filter,
    Current,
}
