namespace Rampart.Posture.Checks;

/// <summary>What an operator's <c>value</c> must be.</summary>
internal enum OperatorValue
{
    None,
    Any,
    List,
    Scalar,
    Text,
    Number,
    Regex,
    Cidr,
    Ports,
    AccountList,
    ActionList,
}
