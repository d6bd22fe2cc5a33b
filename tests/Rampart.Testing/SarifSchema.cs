using System.Text.Json;
using Json.Schema;

namespace Rampart.Testing;

/// <summary>
/// The official SARIF 2.1.0 JSON schema, as the SARIF SDK package ships it (downloaded at restore, copied beside the
/// tests), with formats asserted.
/// </summary>
public static class SarifSchema
{
    private static readonly Lazy<JsonSchema> Schema = new(static () =>
        JsonSchema.FromText(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Schemata", "sarif-2.1.0.json"))));

    /// <summary>Every place where <paramref name="log"/> breaks the schema, as <c>location (schema path): keyword: message</c>.</summary>
    public static IReadOnlyList<string> Problems(JsonElement log)
    {
        var result = Schema.Value.Evaluate(log, new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        if (result.IsValid)
            return [];
        // The list also holds the failed branches of every `anyOf`, most of which another branch satisfied: the errors
        // outside any `anyOf` come first, as they are the ones that say what is wrong.
        List<string> problems = [.. (result.Details ?? []).Where(static d => d.Errors is { Count: > 0 })
            .SelectMany(static d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Key}: {e.Value}"))
            .OrderBy(static p => p.Contains("/anyOf/", StringComparison.Ordinal))];
        return problems.Count > 0 ? problems : ["the log does not match the SARIF 2.1.0 schema"];
    }
}
