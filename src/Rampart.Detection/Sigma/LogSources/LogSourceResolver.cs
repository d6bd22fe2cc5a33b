using Rampart.Core.Events;

namespace Rampart.Detection.Sigma.LogSources;

/// <summary>
/// Decides which Rampart source type a rule's <c>logsource</c> fits (docs/taxonomy.md): <c>product: aws</c>
/// with <c>service</c> cloudtrail, vpcflow, route53_resolver (or route53) or guardduty; <c>product: aws</c>
/// without a service means CloudTrail; the generic categories of the field mapping (<c>dns</c>,
/// <c>firewall</c>) run over their source type. Everything else is another product's rule.
/// </summary>
internal static class LogSourceResolver
{
    public static LogSourceTarget? Resolve(SigmaLogSource logSource)
    {
        var product = logSource.Product?.Trim().ToLowerInvariant();
        var service = logSource.Service?.Trim().ToLowerInvariant();
        var category = logSource.Category?.Trim();
        if (product is not (null or "aws"))
            return null;
        if (service is null && category is not null && FieldMappingCatalog.Categories.TryGetValue(category, out var mapping))
            return new LogSourceTarget(mapping.SourceType, mapping);
        if (product is null)
            return null;
        return service switch
        {
            null or "cloudtrail" => new LogSourceTarget(LogSourceTypes.CloudTrail, null),
            "vpcflow" => new LogSourceTarget(LogSourceTypes.VpcFlow, null),
            "route53_resolver" or "route53" => new LogSourceTarget(LogSourceTypes.Route53Resolver, null),
            "guardduty" => new LogSourceTarget(LogSourceTypes.GuardDuty, null),
            _ => null,
        };
    }

    /// <summary>The log source as messages show it: <c>(product: windows, category: process_creation)</c>.</summary>
    public static string Describe(SigmaLogSource logSource)
    {
        var parts = new List<string>(3);
        if (logSource.Product is not null)
            parts.Add("product: " + logSource.Product);
        if (logSource.Category is not null)
            parts.Add("category: " + logSource.Category);
        if (logSource.Service is not null)
            parts.Add("service: " + logSource.Service);
        return parts.Count == 0 ? "(empty)" : "(" + string.Join(", ", parts) + ")";
    }
}
