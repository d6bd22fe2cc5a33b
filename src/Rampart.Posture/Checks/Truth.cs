namespace Rampart.Posture.Checks;

/// <summary>A condition's outcome: it can hold, not hold, or be undecidable (the view then says why).</summary>
internal enum Truth : byte
{
    False,
    True,
    Error,
}
