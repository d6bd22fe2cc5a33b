namespace Rampart.Iam.Accounts;

/// <summary>
/// The JSON text of one policy document as an account export holds it, not yet parsed, and where it came from.
/// </summary>
/// <param name="Json">
/// The document's JSON text: the object exactly as written in the file, or, when the file held the document as a string
/// (what the raw IAM API returns), that string decoded from URL encoding (<c>%XX</c> escapes; <c>+</c> is left as is).
/// </param>
/// <param name="Origin">
/// Where the document came from, as <c>file: JSON path</c>, for example
/// <c>authz.json: $.RoleDetailList[3].AssumeRolePolicyDocument</c>; suitable as the path of a
/// <see cref="Core.Diagnostics.SourceLocation"/> whose line and column count within <paramref name="Json"/>.
/// </param>
public sealed record PolicyText(string Json, string Origin)
{
    /// <summary>Returns <see cref="Origin"/>; the text can be long.</summary>
    public override string ToString() => Origin;
}
