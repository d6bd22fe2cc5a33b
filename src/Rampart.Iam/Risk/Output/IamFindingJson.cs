using System.Text.Json;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Simulation;

namespace Rampart.Iam.Risk.Output;

/// <summary>
/// Writes a finding as the documented JSON object (docs/iam-analyze.md): <c>{"principal", "category", "checkId",
/// "severity", "title", "policy", "statement", "controls", "proof": {"facts", "evaluations", "path"}}</c>.
/// </summary>
public static class IamFindingJson
{
    /// <summary>Writes <paramref name="finding"/> as one JSON object.</summary>
    public static void Write(Utf8JsonWriter json, IamFinding finding)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(finding);
        json.WriteStartObject();
        json.WriteString("principal", finding.Principal);
        json.WriteString("category", RiskCategories.Name(finding.Category));
        json.WriteString("checkId", finding.CheckId);
        json.WriteString("severity", finding.Severity.ToString().ToLowerInvariant());
        json.WriteString("title", finding.Title);
        if (finding.Policy is { } policy)
            json.WriteString("policy", policy);
        if (finding.Statement is { } statement)
            json.WriteString("statement", statement);
        json.WriteStartArray("controls");
        foreach (var control in finding.Controls)
            json.WriteStringValue(control);
        json.WriteEndArray();
        WriteProof(json, finding.Proof);
        json.WriteEndObject();
    }

    /// <summary>Writes the proof as the property <c>proof</c>.</summary>
    public static void WriteProof(Utf8JsonWriter json, FindingProof proof)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(proof);
        json.WriteStartObject("proof");
        json.WriteStartArray("facts");
        foreach (var fact in proof.Facts)
            json.WriteStringValue(fact);
        json.WriteEndArray();
        json.WriteStartArray("evaluations");
        foreach (var evaluation in proof.Evaluations)
        {
            json.WriteStartObject();
            json.WriteString("principal", evaluation.Principal);
            json.WriteString("action", evaluation.Action);
            json.WriteString("resource", evaluation.Resource);
            WriteResult(json, evaluation.Result);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("path");
        foreach (var step in proof.Path)
        {
            json.WriteStartObject();
            json.WriteString("principal", step.Principal);
            json.WriteString("action", step.Action);
            json.WriteString("resource", step.Resource);
            json.WriteString("gains", step.Gains);
            if (step.Evaluation is { } result)
                WriteResult(json, result);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, OpenEvaluationResult result)
    {
        json.WriteString("decision", result.Decision.ToString());
        json.WriteBoolean("conditional", result.IsConditional);
        if (result.IsConditional)
        {
            json.WriteStartArray("requirements");
            foreach (var requirement in result.Requirements)
            {
                json.WriteStartObject();
                json.WriteString("layer", requirement.Layer);
                json.WriteString("policy", requirement.Policy);
                json.WriteString("statement", requirement.Statement);
                json.WriteString("effect", requirement.Effect.ToString());
                json.WriteString("conditions", requirement.Describe());
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        SimulationResultWriter.WriteTrace(json, "trace", result.Trace);
    }
}
