namespace Rampart.Detection.Sigma;

/// <summary>The <c>logsource</c> of a Sigma rule, as written (values are kept in the rule's own case).</summary>
/// <param name="Product">The product, such as <c>aws</c> or <c>windows</c>; null when absent.</param>
/// <param name="Category">The generic category, such as <c>dns</c> or <c>firewall</c>; null when absent.</param>
/// <param name="Service">The product's log, such as <c>cloudtrail</c>; null when absent.</param>
/// <param name="Definition">Free text describing what the source must log; never evaluated.</param>
public sealed record SigmaLogSource(string? Product, string? Category, string? Service, string? Definition);
