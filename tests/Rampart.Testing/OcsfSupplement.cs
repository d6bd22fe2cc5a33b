using System.Text.Json.Nodes;

namespace Rampart.Testing;

/// <summary>
/// The OCSF 1.6 definitions that Compliance Finding (class 2003) needs and the shared OCSF dataset does not hold yet,
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
    };

    /// <summary>The definition named <paramref name="name"/>, or null when this supplement has none.</summary>
    public static JsonNode? Definition(string name) => Definitions.TryGetValue(name, out var text) ? JsonNode.Parse(text) : null;
}
