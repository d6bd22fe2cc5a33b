using System.Collections.Frozen;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Accounts;

/// <summary>
/// Managed policies kept apart from an account export, to fill in those an export attaches but does not hold (an export
/// taken with <c>--filter</c>, or trimmed to customer policies): typically AWS managed policies, which are the same in
/// every account. Immutable and thread-safe.
/// </summary>
public sealed class ManagedPolicyLibrary
{
    private readonly FrozenDictionary<string, ManagedPolicy> _byArn;

    private ManagedPolicyLibrary(IEnumerable<ManagedPolicy> policies)
    {
        var byArn = new Dictionary<string, ManagedPolicy>(StringComparer.Ordinal);
        foreach (var policy in policies)
            byArn.TryAdd(policy.Arn, policy);
        _byArn = byArn.ToFrozenDictionary(StringComparer.Ordinal);
    }

    /// <summary>A library with nothing in it.</summary>
    public static ManagedPolicyLibrary Empty { get; } = new([]);

    /// <summary>The number of policies.</summary>
    public int Count => _byArn.Count;

    /// <summary>The policies, in no particular order.</summary>
    public IEnumerable<ManagedPolicy> Policies => _byArn.Values;

    /// <summary>The policy with this ARN, or null.</summary>
    public ManagedPolicy? Find(string arn) => _byArn.GetValueOrDefault(Guard.NotNull(arn));

    /// <summary>A library of <paramref name="policies"/>; where two share an ARN the first is kept.</summary>
    public static ManagedPolicyLibrary From(IEnumerable<ManagedPolicy> policies) => new(Guard.NotNull(policies));

    /// <summary>
    /// Reads a library from a file that is either an account export (its <c>Policies</c>, as
    /// <c>aws iam get-account-authorization-details --filter AWSManagedPolicy</c> writes them) or a JSON object of policy
    /// names to <c>{"arn", "document"}</c>. Problems are reported with the file's path; what could be read is kept.
    /// </summary>
    public static ManagedPolicyLibrary Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        string text;
        try
        {
            text = File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            diagnostics.Report(AuthorizationDiagnostics.NotFound(path));
            return Empty;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Report(AuthorizationDiagnostics.CannotRead(path, e.Message));
            return Empty;
        }

        return IsNameMap(text, out var policies, path) ? new ManagedPolicyLibrary(policies) : new ManagedPolicyLibrary(AccountAuthorizationReader.Parse(text, path, diagnostics).Policies);
    }

    // {"Name": {"arn": "…", "document": {…}}, …}: every value an object with those two members.
    private static bool IsNameMap(string text, out List<ManagedPolicy> policies, string path)
    {
        policies = [];
        try
        {
            using var json = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = AccountAuthorizationReader.MaxDepth });
            if (json.RootElement.ValueKind != JsonValueKind.Object)
                return false;
            foreach (var entry in json.RootElement.EnumerateObject())
            {
                if (entry.Value.ValueKind != JsonValueKind.Object
                    || !entry.Value.TryGetProperty("arn", out var arn) || arn.ValueKind != JsonValueKind.String
                    || !entry.Value.TryGetProperty("document", out var document) || document.ValueKind != JsonValueKind.Object)
                {
                    policies.Clear();
                    return false;
                }

                var origin = $"{path}: $['{entry.Name}'].document";
                policies.Add(new ManagedPolicy(arn.GetString()!, entry.Name, "", "/", "", new PolicyText(document.GetRawText(), origin), 0, 0, true, null, null));
            }

            return policies.Count > 0;
        }
        catch (JsonException)
        {
            // Not a name map: the export reader reports what is wrong with it.
            return false;
        }
    }
}
