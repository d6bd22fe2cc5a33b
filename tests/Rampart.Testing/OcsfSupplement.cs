using System.Text.Json.Nodes;

namespace Rampart.Testing;

/// <summary>
/// The OCSF definitions that Compliance Finding (class 2003) and the objects the findings use need and the shared OCSF
/// dataset does not hold yet (as the OCSF schema repository defines them after 1.5),
/// stated in the dataset's own shape but reduced to what <see cref="OcsfSchema"/> checks: parent, requirement,
/// enumerated ids and their captions, deprecation. A definition file in the dataset always wins over these.
/// </summary>
internal static class OcsfSupplement
{
    private static readonly Dictionary<string, string> Definitions = new(StringComparer.Ordinal)
    {
        ["compliance_finding"] = """
            {"uid": 3, "name": "compliance_finding", "category": "findings", "extends": "finding",
             "attributes": {
               "compliance": {"requirement": "required"},
               "remediation": {"requirement": "recommended"},
               "resource": {"requirement": "recommended", "@deprecated": {"since": "1.3.0"}},
               "resources": {"requirement": "recommended"}}}
            """,
        ["compliance"] = """
            {"name": "compliance", "extends": "object",
             "attributes": {
               "assessments": {"requirement": "optional"},
               "category": {"requirement": "optional"},
               "checks": {"requirement": "optional"},
               "compliance_references": {"requirement": "optional", "@deprecated": {"since": "1.5.0"}},
               "compliance_standards": {"requirement": "optional", "@deprecated": {"since": "1.5.0"}},
               "control": {"requirement": "recommended"},
               "control_parameters": {"requirement": "optional"},
               "desc": {"requirement": "optional"},
               "requirements": {"requirement": "optional"},
               "standards": {"requirement": "recommended"},
               "status": {"requirement": "recommended"},
               "status_code": {"requirement": "optional"},
               "status_detail": {"requirement": "optional", "@deprecated": {"since": "1.4.0"}},
               "status_details": {"requirement": "optional"},
               "status_id": {"requirement": "recommended",
                 "enum": {"1": {"caption": "Pass"}, "2": {"caption": "Warning"}, "3": {"caption": "Fail"}}}}}
            """,
        ["_entity"] = """
            {"name": "_entity", "extends": "object",
             "attributes": {"name": {"requirement": "recommended"}, "uid": {"requirement": "recommended"}}}
            """,
        ["_resource"] = """
            {"name": "_resource", "extends": "_entity",
             "attributes": {
               "created_time": {"requirement": "optional"}, "data": {"requirement": "optional"}, "labels": {"requirement": "optional"},
               "modified_time": {"requirement": "optional"}, "name": {}, "tags": {"requirement": "optional"},
               "type": {"requirement": "optional"}, "uid": {}, "uid_alt": {"requirement": "optional"}}}
            """,
        ["cloud"] = """
            {"name": "cloud", "extends": "object",
             "attributes": {
               "account": {"requirement": "optional"}, "cloud_partition": {"requirement": "optional"}, "org": {"requirement": "optional"},
               "project_uid": {"requirement": "optional"}, "provider": {"requirement": "required"},
               "region": {"requirement": "recommended"}, "zone": {"requirement": "optional"}}}
            """,
        ["analytic"] = """
            {"name": "analytic", "extends": "_entity",
             "attributes": {
               "algorithm": {"requirement": "optional"}, "category": {"requirement": "optional"}, "desc": {"requirement": "optional"},
               "name": {}, "related_analytics": {"requirement": "optional", "@deprecated": {"since": "1.0.0"}},
               "state": {"requirement": "optional"},
               "state_id": {"requirement": "optional", "enum": {"1": {"caption": "Active"}, "2": {"caption": "Suppressed"}, "3": {"caption": "Experimental"}}},
               "type": {"requirement": "optional"},
               "type_id": {"requirement": "required", "enum": {
                 "0": {"caption": "Unknown"}, "1": {"caption": "Rule"}, "2": {"caption": "Behavioral"}, "3": {"caption": "Statistical"},
                 "4": {"caption": "Learning (ML/DL)"}, "5": {"caption": "Fingerprinting"}, "6": {"caption": "Tagging"},
                 "7": {"caption": "Keyword Match"}, "8": {"caption": "Regular Expressions"}, "9": {"caption": "Exact Data Match"},
                 "10": {"caption": "Partial Data Match"}, "11": {"caption": "Indexed Data Match"}, "99": {"caption": "Other"}}},
               "uid": {}, "version": {"requirement": "optional"}}}
            """,
    };

    /// <summary>The definition named <paramref name="name"/>, or null when this supplement has none.</summary>
    public static JsonNode? Definition(string name) => Definitions.TryGetValue(name, out var text) ? JsonNode.Parse(text) : null;
}
