using System.Globalization;
using System.Text.Json;
using Rampart.Core;

namespace Rampart.Posture.Assessment.Output;

/// <summary>
/// Writes an assessment as OCSF 1.x Compliance Findings (class 2003, category Findings, activity Create), one JSON
/// object per line, one per result.
/// </summary>
/// <remarks>
/// <para>
/// <c>compliance.status_id</c> is Pass (1) for PASS, Fail (3) for FAIL and MUTED, Warning (2) for ERROR (the check
/// could not be decided, the reason in <c>compliance.status_details</c>) and Other (99, <c>Not Applicable</c>) for
/// NOT_APPLICABLE. A muted failure keeps its compliance
/// status and carries the finding status Suppressed (3); every other finding is New (1).
/// </para>
/// <para>
/// <c>compliance.control</c> is the check id, <c>compliance.standards</c> the framework ids the check maps to
/// (<c>rampart</c> when none) and <c>compliance.requirements</c> the controls written <c>framework:control</c>.
/// <c>finding_info.uid</c> is a hash of the account, check and resource, equal across runs. The evidence, Rampart's own
/// status, the mute and the resource's provenance are in <c>unmapped</c>: the schema's <c>evidences</c> object describes
/// observed artifacts (processes, connections…), not configuration values.
/// </para>
/// </remarks>
public static class AssessmentOcsfWriter
{
    /// <summary>The OCSF schema version the records follow.</summary>
    public const string OcsfVersion = "1.6.0";

    /// <summary>Writes one Compliance Finding per result, each on its own line, in the report's order.</summary>
    public static void Write(Stream output, AssessmentDocument document)
    {
        Guard.NotNull(output);
        Guard.NotNull(document);
        var time = document.Time.ToUnixTimeMilliseconds();
        foreach (var result in document.Report.Results)
        {
            using (var json = new Utf8JsonWriter(output, OutputFacts.Compact))
                Record(json, result, document, time);
            output.WriteByte((byte)'\n');
        }
    }

    private static void Record(Utf8JsonWriter json, AssessedResult assessed, AssessmentDocument document, long time)
    {
        var result = assessed.Result;
        var resource = assessed.Resource;
        var check = document.Check(result.CheckId);
        var title = document.Title(result.CheckId);
        var (statusId, status) = ComplianceStatus(assessed.Status);
        json.WriteStartObject();
        json.WriteNumber("activity_id", 1);
        json.WriteString("activity_name", "Create");
        json.WriteNumber("category_uid", 2);
        json.WriteString("category_name", "Findings");
        json.WriteNumber("class_uid", 2003);
        json.WriteString("class_name", "Compliance Finding");
        json.WriteNumber("type_uid", 200301);
        json.WriteString("type_name", "Compliance Finding: Create");
        json.WriteNumber("severity_id", (int)result.Severity);
        json.WriteString("severity", OutputFacts.SeverityName(result.Severity));
        var muted = assessed.Mute is not null;
        json.WriteNumber("status_id", muted ? 3 : 1);
        json.WriteString("status", muted ? "Suppressed" : "New");
        json.WriteNumber("time", time);
        json.WriteString("message", string.Create(CultureInfo.InvariantCulture, $"{assessed.Status}: {title}"));

        json.WriteStartObject("metadata");
        json.WriteString("version", OcsfVersion);
        json.WriteStartObject("product");
        json.WriteString("name", OutputFacts.ProductName);
        json.WriteString("vendor_name", OutputFacts.ProductName);
        json.WriteString("version", OutputFacts.ProductVersion);
        json.WriteEndObject();
        json.WriteString("log_name", "posture-assessment");
        OutputFacts.WriteStrings(json, "profiles", ["cloud"]);
        json.WriteEndObject();

        json.WriteStartObject("finding_info");
        json.WriteString("uid", OutputFacts.FindingId(assessed));
        json.WriteString("title", title);
        if (check is { Description.Length: > 0 })
            json.WriteString("desc", check.Description.Trim());
        OutputFacts.WriteStrings(json, "types", ["Configuration"]);
        json.WriteStartObject("analytic");
        json.WriteString("uid", result.CheckId);
        json.WriteString("name", result.CheckId);
        json.WriteNumber("type_id", 1);
        json.WriteString("type", "Rule");
        json.WriteEndObject();
        json.WriteNumber("first_seen_time", time);
        json.WriteNumber("last_seen_time", time);
        json.WriteEndObject();

        json.WriteStartObject("compliance");
        json.WriteString("control", result.CheckId);
        OutputFacts.WriteStrings(json, "standards", result.Controls.IsEmpty ? ["rampart"] : OutputFacts.Frameworks(result.Controls));
        OutputFacts.WriteStrings(json, "requirements", result.Controls);
        json.WriteNumber("status_id", statusId);
        json.WriteString("status", status);
        // status_detail is deprecated since OCSF 1.4.0 in favour of the list status_details.
        if (result.Error is { } error)
            OutputFacts.WriteStrings(json, "status_details", [error]);
        json.WriteEndObject();

        if (check is { Remediation.Length: > 0 })
        {
            json.WriteStartObject("remediation");
            json.WriteString("desc", check.Remediation.Trim());
            json.WriteEndObject();
        }

        json.WriteStartObject("cloud");
        json.WriteString("provider", "AWS");
        if (resource.Region != "global")
            json.WriteString("region", resource.Region);
        json.WriteStartObject("account");
        json.WriteString("uid", resource.Account);
        json.WriteNumber("type_id", 10);
        json.WriteString("type", "AWS Account");
        json.WriteEndObject();
        json.WriteEndObject();

        json.WriteStartArray("resources");
        json.WriteStartObject();
        json.WriteString("uid", resource.Key);
        json.WriteString("name", resource.Id);
        json.WriteString("type", resource.Type);
        json.WriteString("cloud_partition", "aws");
        json.WriteString("region", resource.Region);
        json.WriteStartObject("owner");
        json.WriteStartObject("account");
        json.WriteString("uid", resource.Account);
        json.WriteNumber("type_id", 10);
        json.WriteString("type", "AWS Account");
        json.WriteEndObject();
        json.WriteEndObject();
        if (!resource.Tags.IsEmpty)
        {
            json.WriteStartArray("tags");
            foreach (var (key, value) in resource.Tags)
            {
                json.WriteStartObject();
                json.WriteString("name", key);
                json.WriteString("value", value);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.WriteEndArray();

        json.WriteStartObject("unmapped");
        json.WriteString("check_id", result.CheckId);
        json.WriteString("status", assessed.Status);
        OutputFacts.WriteStrings(json, "controls", result.Controls);
        OutputFacts.WriteEvidence(json, "evidence", result.Evidence);
        if (assessed.Mute is { } mute)
        {
            json.WriteStartObject("mute");
            json.WriteString("reason", mute.Reason);
            if (mute.Expires is { } expires)
                json.WriteString("expires", expires.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            json.WriteString("location", mute.Location.ToString());
            json.WriteEndObject();
        }

        json.WriteStartObject("provenance");
        json.WriteString("importer", resource.Provenance.Importer);
        json.WriteString("source", resource.Provenance.Source);
        json.WriteEndObject();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static (int Id, string Caption) ComplianceStatus(string status) => status switch
    {
        "PASS" => (1, "Pass"),
        "FAIL" or "MUTED" => (3, "Fail"),
        "ERROR" => (2, "Warning"),
        _ => (99, "Not Applicable"),
    };
}
