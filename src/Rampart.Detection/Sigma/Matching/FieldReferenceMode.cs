namespace Rampart.Detection.Sigma.Matching;

/// <summary>How a <c>fieldref</c> compares the two fields.</summary>
internal enum FieldReferenceMode
{
    Equals,
    StartsWith,
    EndsWith,
    Contains,
}
