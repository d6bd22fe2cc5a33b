using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Iam.Evaluation;
using Rampart.Iam.Policies;
using Rampart.Iam.Simulation;

namespace Rampart.Iam.Access;

/// <summary>
/// Writes answers of <c>rampart iam can</c> and <c>who-can</c> as the documented JSON (docs/iam-access.md):
/// <c>{"principal", "name", "type", "decision", "conditional", "grants", "requirements", "gaps", "trace"}</c>.
/// </summary>
public static class AccessAnswerWriter
{
    /// <summary>Writes one answer as a JSON object.</summary>
    /// <param name="json">The writer.</param>
    /// <param name="answer">The answer.</param>
    /// <param name="includeTrace">Whether to add the full trace.</param>
    public static void Write(Utf8JsonWriter json, AccessAnswer answer, bool includeTrace)
    {
        Core.Guard.NotNull(json);
        Core.Guard.NotNull(answer);
        json.WriteStartObject();
        json.WriteString("principal", answer.PrincipalArn);
        json.WriteString("name", answer.PrincipalName);
        json.WriteString("type", answer.Kind == AccessPrincipalKind.User ? "user" : "role");
        json.WriteString("decision", answer.Result.Decision.ToString());
        json.WriteBoolean("conditional", answer.Result.IsConditional);
        json.WriteString("reason", answer.Result.Trace.Reason);
        json.WriteStartArray("grants");
        foreach (var (layer, statement) in Grants(answer))
        {
            json.WriteStartObject();
            json.WriteString("layer", layer);
            json.WriteString("policy", statement.Policy);
            json.WriteString("statement", statement.Statement);
            if (statement.Sid is { } sid)
                json.WriteString("sid", sid);
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("requirements");
        foreach (var requirement in answer.Result.Requirements)
        {
            json.WriteStartObject();
            json.WriteString("layer", requirement.Layer);
            json.WriteString("policy", requirement.Policy);
            json.WriteString("statement", requirement.Statement);
            if (requirement.Sid is { } sid)
                json.WriteString("sid", sid);
            json.WriteString("effect", requirement.Effect.ToString());
            json.WriteStartArray("conditions");
            foreach (var condition in requirement.Conditions)
            {
                json.WriteStartObject();
                json.WriteString("operator", condition.OperatorName);
                json.WriteString("key", condition.Key);
                json.WriteStartArray("values");
                foreach (var value in condition.Values)
                    json.WriteStringValue(value);
                json.WriteEndArray();
                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndArray();
        json.WriteStartArray("gaps");
        foreach (var gap in answer.Gaps)
            json.WriteStringValue(gap);
        json.WriteEndArray();
        if (includeTrace)
            SimulationResultWriter.WriteTrace(json, "trace", answer.Result.Trace);
        json.WriteEndObject();
    }

    /// <summary>
    /// The Allow statements that grant the request: those of the identity policies and the resource policy (the layers
    /// that grant; the others only limit).
    /// </summary>
    public static ImmutableArray<(string Layer, StatementTrace Statement)> Grants(AccessAnswer answer)
    {
        Core.Guard.NotNull(answer);
        if (answer.Result.Decision != Decision.Allowed)
            return [];
        var grants = ImmutableArray.CreateBuilder<(string, StatementTrace)>();
        foreach (var layer in answer.Result.Trace.Layers)
        {
            if (layer.Layer is not ("identityPolicies" or "resourcePolicy"))
                continue;
            foreach (var statement in layer.Statements)
            {
                if (statement.Effect == PolicyEffect.Allow)
                    grants.Add((layer.Layer, statement));
            }
        }

        return grants.ToImmutable();
    }
}
