namespace Rampart.Detection.Sigma.Conditions;

/// <summary>A token and the 0-based offset in the condition where it starts.</summary>
internal readonly record struct ConditionToken(ConditionTokenKind Kind, string Text, int Offset)
{
    public bool IsWord(string word) => Kind == ConditionTokenKind.Word && string.Equals(Text, word, StringComparison.OrdinalIgnoreCase);

    /// <summary>How the token reads in a message.</summary>
    public string Describe() => Kind == ConditionTokenKind.End ? "the end of the condition" : $"'{Text}'";
}
