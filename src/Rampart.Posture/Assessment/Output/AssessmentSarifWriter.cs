using System.Globalization;
using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Posture.Checks;

namespace Rampart.Posture.Assessment.Output;

/// <summary>
/// Writes an assessment as a SARIF 2.1.0 log: one run of the tool <c>Rampart</c> with a rule per check and a result per
/// FAIL, ERROR and MUTED result (passes and not-applicable results are left out, as code scanners leave out clean code).
/// </summary>
/// <remarks>
/// <para>
/// A failure's <c>level</c> follows the check's severity: <c>error</c> for critical and high, <c>warning</c> for medium,
/// <c>note</c> for low and informational. An ERROR result (the check could not be decided) has <c>kind</c>
/// <c>review</c> and level <c>none</c>, as SARIF requires for a kind other than <c>fail</c>. A muted failure carries a
/// suppression of kind <c>external</c>, status <c>accepted</c>, with the mute's reason as justification and the mute
/// file as its location.
/// </para>
/// <para>
/// The location is logical: the resource key, kind <c>resource</c>. When the resource was read from a file, the location
/// also names that file (a relative path as given, an absolute one as a <c>file:</c> URI), with the JSON path in the
/// location's <c>properties</c>. <c>partialFingerprints</c> carry the stable finding id. Rules carry the severity, the
/// controls and a <c>security-severity</c> score for scanners that rank by it.
/// </para>
/// </remarks>
public static class AssessmentSarifWriter
{
    /// <summary>The SARIF version written.</summary>
    public const string Version = "2.1.0";

    /// <summary>The schema the log names.</summary>
    public const string Schema = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>Writes the log, indented.</summary>
    public static void Write(Stream output, AssessmentDocument document)
    {
        Guard.NotNull(output);
        Guard.NotNull(document);
        var rules = Rules(document);
        var index = rules.Select((rule, i) => (rule.Id, i)).ToDictionary(static p => p.Id, static p => p.i, StringComparer.Ordinal);
        using var json = new Utf8JsonWriter(output, OutputFacts.Indented);
        json.WriteStartObject();
        json.WriteString("$schema", Schema);
        json.WriteString("version", Version);
        json.WriteStartArray("runs");
        json.WriteStartObject();
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", OutputFacts.ProductName);
        json.WriteString("version", OutputFacts.ProductVersion);
        json.WriteStartArray("rules");
        foreach (var rule in rules)
            Rule(json, rule);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteStartArray("invocations");
        json.WriteStartObject();
        json.WriteBoolean("executionSuccessful", true);
        json.WriteString("endTimeUtc", OutputFacts.Iso(document.Time));
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteStartArray("results");
        foreach (var result in document.Report.Results.Where(static r => r.Status is "FAIL" or "ERROR" or "MUTED"))
            Result(json, result, index[result.Result.CheckId], document);
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.Flush();
        output.WriteByte((byte)'\n');
    }

    // Every check given, then any check a result names that was not given (so every ruleId is among the rules).
    private static List<CheckDefinition> Rules(AssessmentDocument document)
    {
        var rules = document.Checks.DistinctBy(static c => c.Id, StringComparer.Ordinal).ToList();
        var known = rules.Select(static r => r.Id).ToHashSet(StringComparer.Ordinal);
        foreach (var result in document.Report.Results)
        {
            if (known.Add(result.Result.CheckId))
            {
                rules.Add(new CheckDefinition
                {
                    Id = result.Result.CheckId,
                    Title = result.Result.CheckId,
                    Severity = result.Result.Severity,
                    ResourceTypes = [result.Resource.Type],
                    Location = new Core.Diagnostics.SourceLocation(""),
                });
            }
        }

        return rules;
    }

    private static void Rule(Utf8JsonWriter json, CheckDefinition check)
    {
        json.WriteStartObject();
        json.WriteString("id", check.Id);
        json.WriteString("name", Name(check.Id));
        json.WriteStartObject("shortDescription");
        json.WriteString("text", check.Title);
        json.WriteEndObject();
        if (check.Description.Length > 0)
        {
            json.WriteStartObject("fullDescription");
            json.WriteString("text", check.Description.Trim());
            json.WriteEndObject();
        }

        if (check.Remediation.Length > 0)
        {
            json.WriteStartObject("help");
            json.WriteString("text", check.Remediation.Trim());
            json.WriteEndObject();
        }

        json.WriteStartObject("defaultConfiguration");
        json.WriteString("level", Level(check.Severity));
        json.WriteEndObject();
        json.WriteStartObject("properties");
        json.WriteString("severity", OutputFacts.SeverityText(check.Severity));
        json.WriteString("security-severity", SecuritySeverity(check.Severity));
        OutputFacts.WriteStrings(json, "controls", check.Controls);
        OutputFacts.WriteStrings(json, "resourceTypes", check.ResourceTypes);
        OutputFacts.WriteStrings(json, "tags", ["security", "posture", .. OutputFacts.Frameworks(check.Controls)]);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void Result(Utf8JsonWriter json, AssessedResult assessed, int ruleIndex, AssessmentDocument document)
    {
        var result = assessed.Result;
        var resource = assessed.Resource;
        json.WriteStartObject();
        json.WriteString("ruleId", result.CheckId);
        json.WriteNumber("ruleIndex", ruleIndex);
        if (assessed.Status == "ERROR")
        {
            json.WriteString("kind", "review");
            json.WriteString("level", "none");
        }
        else
        {
            json.WriteString("kind", "fail");
            json.WriteString("level", Level(result.Severity));
        }

        json.WriteStartObject("message");
        json.WriteString("text", Message(assessed, document));
        json.WriteEndObject();

        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (OutputFacts.SourceFile(resource.Provenance.Source) is { } file)
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(file));
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("name", resource.Id);
        json.WriteString("fullyQualifiedName", resource.Key);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        if (OutputFacts.SourcePath(resource.Provenance.Source) is { } path)
        {
            json.WriteStartObject("properties");
            json.WriteString("jsonPath", path);
            json.WriteEndObject();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("partialFingerprints");
        json.WriteString("rampartFindingId/v1", OutputFacts.FindingId(assessed));
        json.WriteEndObject();

        if (assessed.Mute is { } mute)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("status", "accepted");
            var until = mute.Expires is { } expires ? expires.ToString(" '(until' yyyy-MM-dd')'", CultureInfo.InvariantCulture) : "";
            json.WriteString("justification", mute.Reason + until);
            if (mute.Location.Path is { Length: > 0 } muteFile)
            {
                json.WriteStartObject("location");
                json.WriteStartObject("physicalLocation");
                json.WriteStartObject("artifactLocation");
                json.WriteString("uri", Uri(muteFile));
                json.WriteEndObject();
                if (mute.Location.Line > 0)
                {
                    json.WriteStartObject("region");
                    json.WriteNumber("startLine", mute.Location.Line);
                    if (mute.Location.Column > 0)
                        json.WriteNumber("startColumn", mute.Location.Column);
                    json.WriteEndObject();
                }

                json.WriteEndObject();
                json.WriteEndObject();
            }

            json.WriteEndObject();
            json.WriteEndArray();
        }

        json.WriteStartObject("properties");
        json.WriteString("status", assessed.Status);
        json.WriteString("severity", OutputFacts.SeverityText(result.Severity));
        json.WriteString("resourceType", resource.Type);
        json.WriteString("account", resource.Account);
        json.WriteString("region", resource.Region);
        OutputFacts.WriteStrings(json, "controls", result.Controls);
        OutputFacts.WriteEvidence(json, "evidence", result.Evidence);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static string Message(AssessedResult assessed, AssessmentDocument document)
    {
        var text = new StringBuilder();
        text.Append(document.Title(assessed.Result.CheckId)).Append(": ").Append(assessed.Result.ResourceKey);
        if (assessed.Result.Error is { } error)
            text.Append(" could not be decided: ").Append(error);
        foreach (var evidence in assessed.Result.Evidence)
            text.Append("\n  ").Append(evidence.Path).Append(" = ").Append(OutputFacts.Clip(OutputFacts.ValueText(evidence), 200));
        return text.ToString();
    }

    private static string Level(Severity severity) => severity switch
    {
        Severity.Critical or Severity.High => "error",
        Severity.Medium => "warning",
        _ => "note",
    };

    private static string SecuritySeverity(Severity severity) => severity switch
    {
        Severity.Critical => "9.5",
        Severity.High => "8.0",
        Severity.Medium => "5.5",
        Severity.Low => "3.0",
        _ => "0.0",
    };

    // ec2-sg-ssh-open-ipv4 → Ec2SgSshOpenIpv4: SARIF's rule name is an identifier-like word.
    private static string Name(string id) =>
        string.Concat(id.Split(['-', '.', '_'], StringSplitOptions.RemoveEmptyEntries).Select(static part => char.ToUpperInvariant(part[0]) + part[1..]));

    private static string Uri(string file) =>
        Path.IsPathRooted(file) ? new Uri(file).AbsoluteUri : file.Replace('\\', '/');
}
