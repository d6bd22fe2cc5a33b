using System.Globalization;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core;

namespace Rampart.Iam.Risk.Output;

/// <summary>Writes IAM analysis results as JSON lines, OCSF Detection Findings, or a table for a terminal.</summary>
public static class IamFindingWriters
{
    /// <summary>The OCSF schema version the records follow.</summary>
    public const string OcsfVersion = "1.6.0";

    private static readonly JsonWriterOptions Compact = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly string ProductVersion =
        typeof(IamFindingWriters).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>One finding per line, as <see cref="IamFindingJson"/> writes it.</summary>
    public static void WriteJsonLines(Stream output, IamAnalysisResult result)
    {
        Guard.NotNull(output);
        Guard.NotNull(result);
        foreach (var finding in result.Findings)
            Line(output, json => IamFindingJson.Write(json, finding));
    }

    /// <summary>
    /// One OCSF 1.x Detection Finding (class 2004, activity Create) per line: the principal as the resource, the category
    /// and check in <c>finding_info</c>, the proof in <c>unmapped</c>.
    /// </summary>
    public static void WriteOcsf(Stream output, IamAnalysisResult result)
    {
        Guard.NotNull(output);
        Guard.NotNull(result);
        var time = result.Time.ToUnixTimeMilliseconds();
        foreach (var finding in result.Findings)
        {
            Line(output, json =>
            {
                json.WriteStartObject();
                json.WriteNumber("activity_id", 1);
                json.WriteString("activity_name", "Create");
                json.WriteNumber("category_uid", 2);
                json.WriteString("category_name", "Findings");
                json.WriteNumber("class_uid", 2004);
                json.WriteString("class_name", "Detection Finding");
                json.WriteNumber("type_uid", 200401);
                json.WriteString("type_name", "Detection Finding: Create");
                json.WriteNumber("severity_id", (int)finding.Severity);
                json.WriteString("severity", finding.Severity.ToString());
                json.WriteNumber("status_id", 1);
                json.WriteString("status", "New");
                json.WriteNumber("time", time);
                json.WriteString("message", finding.Title);
                json.WriteStartObject("metadata");
                json.WriteString("version", OcsfVersion);
                json.WriteStartObject("product");
                json.WriteString("name", "Rampart");
                json.WriteString("vendor_name", "Rampart");
                json.WriteString("version", ProductVersion);
                json.WriteEndObject();
                json.WriteString("log_name", "iam-analysis");
                json.WriteStartArray("profiles");
                json.WriteStringValue("cloud");
                json.WriteEndArray();
                json.WriteEndObject();
                json.WriteStartObject("finding_info");
                json.WriteString("uid", Fingerprint(result.Account, finding));
                json.WriteString("title", finding.Title);
                json.WriteStartArray("types");
                json.WriteStringValue(RiskCategories.Name(finding.Category));
                json.WriteEndArray();
                json.WriteStartObject("analytic");
                json.WriteString("uid", finding.CheckId);
                json.WriteString("name", finding.CheckId);
                json.WriteNumber("type_id", 1);
                json.WriteString("type", "Rule");
                json.WriteEndObject();
                json.WriteNumber("first_seen_time", time);
                json.WriteNumber("last_seen_time", time);
                json.WriteEndObject();
                json.WriteStartObject("cloud");
                json.WriteString("provider", "AWS");
                if (result.Account is { } account)
                {
                    json.WriteStartObject("account");
                    json.WriteString("uid", account);
                    json.WriteNumber("type_id", 10);
                    json.WriteString("type", "AWS Account");
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteStartArray("resources");
                json.WriteStartObject();
                json.WriteString("uid", finding.Principal);
                json.WriteString("type", ResourceType(finding.Principal));
                json.WriteString("cloud_partition", "aws");
                json.WriteEndObject();
                json.WriteEndArray();
                json.WriteStartObject("unmapped");
                json.WriteString("category", RiskCategories.Name(finding.Category));
                json.WriteString("check_id", finding.CheckId);
                if (finding.Policy is { } policy)
                    json.WriteString("policy", policy);
                if (finding.Statement is { } statement)
                    json.WriteString("statement", statement);
                json.WriteStartArray("controls");
                foreach (var control in finding.Controls)
                    json.WriteStringValue(control);
                json.WriteEndArray();
                IamFindingJson.WriteProof(json, finding.Proof);
                json.WriteEndObject();
                json.WriteEndObject();
            });
        }
    }

    /// <summary>A table for a terminal: one line per finding, its first facts under it, the notes and a summary at the end.</summary>
    public static void WriteTable(TextWriter output, IamAnalysisResult result)
    {
        Guard.NotNull(output);
        Guard.NotNull(result);
        foreach (var finding in result.Findings)
        {
            output.WriteLine($"{finding.Severity.ToString().ToUpperInvariant(),-13} {RiskCategories.Name(finding.Category),-27} {finding.CheckId}");
            output.WriteLine($"    {finding.Title}");
            output.WriteLine($"    principal: {finding.Principal}");
            if (finding.Policy is { } policy)
                output.WriteLine($"    policy: {policy}{(finding.Statement is { } s ? " " + s : "")}");
            foreach (var step in finding.Proof.Path)
                output.WriteLine($"    → {Short(step.Principal)} {step.Action} on {step.Resource}: {step.Gains}");
            foreach (var fact in finding.Proof.Facts.Take(3))
                output.WriteLine($"    · {fact}");
        }

        foreach (var note in result.Notes)
            output.WriteLine($"note ({note.Scope}): {note.Message}");
        output.WriteLine(Summary(result));
    }

    /// <summary>One sentence: how many findings of each severity, over how many principals.</summary>
    public static string Summary(IamAnalysisResult result)
    {
        Guard.NotNull(result);
        var counts = Enum.GetValues<Severity>().Reverse()
            .Select(s => (Severity: s, Count: result.Findings.Count(f => f.Severity == s)))
            .Where(static c => c.Count > 0)
            .Select(static c => string.Create(CultureInfo.InvariantCulture, $"{c.Count} {c.Severity.ToString().ToLowerInvariant()}"));
        var text = string.Join(", ", counts);
        return string.Create(CultureInfo.InvariantCulture,
            $"{result.Findings.Length} findings{(text.Length > 0 ? $" ({text})" : "")} over {result.Principals} users and roles{(result.Account is { } a ? $" of account {a}" : "")}; {result.Notes.Length} notes.");
    }

    internal static string Short(string arn)
    {
        var cut = arn.LastIndexOf(':');
        return cut < 0 ? arn : arn[(cut + 1)..];
    }

    private static string ResourceType(string arn) => arn switch
    {
        _ when arn.Contains(":user/", StringComparison.Ordinal) => "AWS::IAM::User",
        _ when arn.Contains(":role/", StringComparison.Ordinal) => "AWS::IAM::Role",
        _ when arn.Contains(":group/", StringComparison.Ordinal) => "AWS::IAM::Group",
        _ when arn.Contains(":policy/", StringComparison.Ordinal) => "AWS::IAM::Policy",
        _ when arn.EndsWith(":root", StringComparison.Ordinal) => "AWS::Account",
        _ => "AWS::Resource",
    };

    // The same finding on the same principal of the same account gets the same id in every run, so stores can deduplicate.
    private static string Fingerprint(string? account, IamFinding finding)
    {
        var text = $"{account}\n{finding.CheckId}\n{finding.Principal}\n{finding.Policy}\n{finding.Statement}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..32];
    }

    private static void Line(Stream output, Action<Utf8JsonWriter> write)
    {
        using (var json = new Utf8JsonWriter(output, Compact))
            write(json);
        output.WriteByte((byte)'\n');
    }
}
