namespace Rampart.Posture.Checks;

/// <summary>One step of a directly compiled path.</summary>
internal sealed record PathStep(PathStepKind Kind, string? Name = null, int Index = 0, PathFilter? Filter = null)
{
    // Looking a member up by its UTF-8 name spares System.Text.Json transcoding the name at every lookup.
    public byte[] Utf8Name { get; } = Name is null ? [] : System.Text.Encoding.UTF8.GetBytes(Name);
}
