namespace Rampart.Detection.Sigma.Searches;

/// <summary>The YAML type of a value in a rule.</summary>
internal enum RuleValueKind
{
    String,
    Number,
    Boolean,
    Null,
}
