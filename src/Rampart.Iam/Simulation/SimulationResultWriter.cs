using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Simulation;

/// <summary>Writes simulation results as the documented JSON: <c>{"id", "decision", "trace"}</c> or <c>{"id", "errors"}</c>.</summary>
public static class SimulationResultWriter
{
    /// <summary>Writes a decision with its trace.</summary>
    public static void WriteResult(Utf8JsonWriter json, string? id, EvaluationResult result)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(result);
        json.WriteStartObject();
        WriteId(json, id);
        json.WriteString("decision", result.Decision.ToString());
        WriteTrace(json, "trace", result.Trace);
        json.WriteEndObject();
    }

    /// <summary>Writes the diagnostics of an input that could not be simulated.</summary>
    public static void WriteErrors(Utf8JsonWriter json, string? id, IEnumerable<Diagnostic> diagnostics)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(diagnostics);
        json.WriteStartObject();
        WriteId(json, id);
        json.WriteStartArray("errors");
        foreach (var diagnostic in diagnostics)
        {
            json.WriteStartObject();
            json.WriteString("code", diagnostic.Code);
            json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
            json.WriteString("location", diagnostic.Location.ToString());
            json.WriteString("message", diagnostic.Message);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>Writes a trace as the property <paramref name="name"/>: <c>{"reason", "layers": [{"layer", "result", "statements"}]}</c>.</summary>
    internal static void WriteTrace(Utf8JsonWriter json, string name, EvaluationTrace trace)
    {
        json.WriteStartObject(name);
        json.WriteString("reason", trace.Reason);
        json.WriteStartArray("layers");
        foreach (var layer in trace.Layers)
        {
            json.WriteStartObject();
            json.WriteString("layer", layer.Layer);
            json.WriteString("result", layer.Result);
            json.WriteStartArray("statements");
            foreach (var statement in layer.Statements)
            {
                json.WriteStartObject();
                json.WriteString("policy", statement.Policy);
                json.WriteString("statement", statement.Statement);
                if (statement.Sid is { } sid)
                    json.WriteString("sid", sid);
                json.WriteString("effect", statement.Effect.ToString());
                if (statement.Principal is { } principal)
                    json.WriteString("principal", principal.ToString());
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }

    // The id is echoed as given: a string, a number or any JSON value.
    private static void WriteId(Utf8JsonWriter json, string? id)
    {
        json.WritePropertyName("id");
        if (id is null)
            json.WriteNullValue();
        else
            json.WriteRawValue(id);
    }
}
