using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Rampart.Testing;

/// <summary>
/// The rules AWS documents for a finding in the AWS Security Finding Format (Security Hub's <c>AwsSecurityFinding</c>),
/// which has no JSON schema of its own: the required attributes, their formats and the limits Security Hub keeps.
/// </summary>
public static partial class AsffRules
{
    /// <summary>Every rule <paramref name="finding"/> breaks, each prefixed with the finding's id.</summary>
    public static IEnumerable<string> Problems(JsonElement finding)
    {
        var id = finding.TryGetProperty("Id", out var i) ? i.GetString() : "(no id)";
        var problems = new List<string>();

        string? Text(string name)
        {
            if (finding.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && !string.IsNullOrWhiteSpace(value.GetString()))
                return value.GetString();
            problems.Add($"{name} is missing or blank");
            return null;
        }

        void Length(string name, string? value, int max)
        {
            if (value is not null && value.Length > max)
                problems.Add($"{name} is {value.Length} characters, more than {max}");
        }

        if (Text("SchemaVersion") is { } version && version != "2018-10-08")
            problems.Add($"SchemaVersion {version}");
        Length("Id", Text("Id"), 512);
        Length("GeneratorId", Text("GeneratorId"), 512);
        var account = Text("AwsAccountId");
        if (account is not null && !AccountPattern().IsMatch(account))
            problems.Add($"AwsAccountId {account} is not twelve digits");
        if (Text("ProductArn") is { } arn && (ProductArnPattern().Match(arn) is not { Success: true } match
            || match.Groups["account"].Value != account || match.Groups["owner"].Value != account))
            problems.Add($"ProductArn {arn} is not arn:aws:securityhub:REGION:{account}:product/{account}/default");
        foreach (var name in (string[])["CreatedAt", "UpdatedAt"])
        {
            if (Text(name) is { } time && (!TimePattern().IsMatch(time)
                || !DateTimeOffset.TryParse(time, CultureInfo.InvariantCulture, DateTimeStyles.None, out _)))
                problems.Add($"{name} {time} is not an ISO 8601 timestamp Security Hub takes");
        }

        Length("Title", Text("Title"), 256);
        Length("Description", Text("Description"), 1024);
        if (!finding.TryGetProperty("Types", out var types) || types.GetArrayLength() is 0 or > 50)
            problems.Add("Types must hold one to fifty types");
        else
        {
            foreach (var type in types.EnumerateArray().Select(static t => t.GetString() ?? ""))
            {
                var parts = type.Split('/');
                if (parts.Length > 3 || parts.Any(string.IsNullOrWhiteSpace) || !TypeNamespaces.Contains(parts[0]))
                    problems.Add($"type {type} is not namespace/category/classifier with a Security Hub namespace");
            }
        }

        if (!finding.TryGetProperty("Severity", out var severity) || !severity.TryGetProperty("Label", out var label)
            || label.GetString() is not ("INFORMATIONAL" or "LOW" or "MEDIUM" or "HIGH" or "CRITICAL"))
            problems.Add("Severity.Label is missing or not a Security Hub label");
        if (!finding.TryGetProperty("Resources", out var resources) || resources.GetArrayLength() is 0 or > 32)
            problems.Add("Resources must hold one to thirty-two resources");
        else
        {
            foreach (var resource in resources.EnumerateArray())
            {
                if (!resource.TryGetProperty("Type", out var type) || string.IsNullOrWhiteSpace(type.GetString()))
                    problems.Add("a resource has no Type");
                if (!resource.TryGetProperty("Id", out var resourceId) || string.IsNullOrWhiteSpace(resourceId.GetString()) || resourceId.GetString()!.Length > 512)
                    problems.Add("a resource has no Id or one longer than 512 characters");
                if (resource.TryGetProperty("Partition", out var partition) && partition.GetString() is not ("aws" or "aws-cn" or "aws-us-gov"))
                    problems.Add($"resource partition {partition}");
                if (resource.TryGetProperty("Tags", out var tags) && tags.EnumerateObject().Any(static t => t.Name.Length > 128 || t.Value.GetString()!.Length > 256))
                    problems.Add("a resource tag is longer than Security Hub takes");
            }
        }

        if (finding.TryGetProperty("Compliance", out var compliance))
        {
            if (compliance.GetProperty("Status").GetString() is not ("PASSED" or "WARNING" or "FAILED" or "NOT_AVAILABLE"))
                problems.Add($"Compliance.Status {compliance.GetProperty("Status")}");
            if (compliance.TryGetProperty("RelatedRequirements", out var related) && related.GetArrayLength() > 32)
                problems.Add("more than 32 Compliance.RelatedRequirements");
        }

        if (finding.TryGetProperty("Workflow", out var workflow)
            && workflow.GetProperty("Status").GetString() is not ("NEW" or "NOTIFIED" or "SUPPRESSED" or "RESOLVED"))
            problems.Add($"Workflow.Status {workflow.GetProperty("Status")}");
        if (finding.TryGetProperty("RecordState", out var state) && state.GetString() is not ("ACTIVE" or "ARCHIVED"))
            problems.Add($"RecordState {state}");
        if (finding.TryGetProperty("ProductFields", out var fields)
            && (fields.EnumerateObject().Count() > 50 || fields.EnumerateObject().Any(static f => f.Name.Length > 128 || f.Value.GetString()!.Length > 2048)))
            problems.Add("ProductFields holds more than 50 fields or a field longer than Security Hub takes");
        if (finding.TryGetProperty("Note", out var note)
            && (note.GetProperty("Text").GetString()!.Length > 512 || note.GetProperty("UpdatedBy").GetString()!.Length > 512))
            problems.Add("Note.Text or Note.UpdatedBy longer than 512 characters");

        return problems.Select(problem => $"{id}: {problem}");
    }

    private static readonly HashSet<string> TypeNamespaces = new(StringComparer.Ordinal)
    {
        "Software and Configuration Checks", "TTPs", "Effects", "Unusual Behaviors", "Sensitive Data Identifications",
    };

    [GeneratedRegex("^[0-9]{12}$")]
    private static partial Regex AccountPattern();

    [GeneratedRegex("^arn:aws(-cn|-us-gov)?:securityhub:(?<region>[a-z]{2}(-[a-z]+)+-[0-9]+):(?<account>[0-9]{12}):product/(?<owner>[0-9]{12})/default$")]
    private static partial Regex ProductArnPattern();

    // Security Hub takes seconds, an optional fraction of at most nine digits, and Z or an offset.
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:?\d{2})$")]
    private static partial Regex TimePattern();
}
