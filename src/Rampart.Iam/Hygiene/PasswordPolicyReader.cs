using System.Collections.Immutable;
using System.Text;
using System.Text.Json;
using Rampart.Core;
using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// Reads <c>aws iam get-account-password-policy</c> output (<c>{"PasswordPolicy": {…}}</c>), bare or as placebo records it.
/// </summary>
/// <remarks>
/// The command fails with <c>NoSuchEntity</c> and prints nothing when no policy is set, so a missing file, an empty file and
/// a recorded <c>NoSuchEntity</c> error all read as <see cref="AccountPasswordPolicy.NotSet"/>, with an Info diagnostic
/// saying so. Other problems are reported (codes in <see cref="HygieneDiagnostics"/>) and what is readable is kept.
/// </remarks>
public static class PasswordPolicyReader
{
    /// <summary>The name an unnamed stream is given in diagnostics.</summary>
    public const string UnnamedSource = "<stream>";

    private const string PolicyMember = "PasswordPolicy";

    private static readonly JsonInputReader.Reading<AccountPasswordPolicy> Reading = new()
    {
        Command = "aws iam get-account-password-policy",
        Member = PolicyMember,
        Body = ReadPolicy,
        OnMissingFile = (path, diagnostics) =>
        {
            diagnostics.Report(HygieneDiagnostics.NoPolicyFile(path));
            return AccountPasswordPolicy.NotSet(path);
        },
        OnEmpty = (at, diagnostics) =>
        {
            diagnostics.Report(HygieneDiagnostics.EmptyPolicy(at));
            return AccountPasswordPolicy.NotSet(at.Path);
        },
        OnError = (code, at, diagnostics) =>
        {
            if (code != "NoSuchEntity")
                return null;
            diagnostics.Report(HygieneDiagnostics.NoPasswordPolicy(at, code));
            return AccountPasswordPolicy.NotSet(at.Path);
        },
    };

    /// <summary>Reads the file at <paramref name="path"/>; a missing file means no policy is set. Null when the input is unusable.</summary>
    public static AccountPasswordPolicy? Read(string path, IDiagnosticSink diagnostics)
    {
        Guard.NotEmpty(path);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(path, diagnostics, Reading);
    }

    /// <summary>Reads <paramref name="stream"/> to its end (it is not closed); <paramref name="source"/> names it in diagnostics.</summary>
    public static AccountPasswordPolicy? Read(Stream stream, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(stream);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(stream, source, diagnostics, Reading);
    }

    /// <summary>Reads JSON text held in a string; <paramref name="source"/> names it in diagnostics.</summary>
    public static AccountPasswordPolicy? Parse(string json, string source, IDiagnosticSink diagnostics)
    {
        Guard.NotNull(json);
        Guard.NotNull(source);
        Guard.NotNull(diagnostics);
        return JsonInputReader.Read(Encoding.UTF8.GetBytes(json), source, new LimitedSink(diagnostics), Reading);
    }

    private static AccountPasswordPolicy ReadPolicy(JsonResponse response, JsonElement policy, string path, IDiagnosticSink diagnostics)
    {
        var locations = ImmutableDictionary.CreateBuilder<string, SourceLocation>(StringComparer.Ordinal);
        var result = new AccountPasswordPolicy { Source = response.Source, IsSet = true };
        foreach (var member in policy.EnumerateObject())
        {
            var at = path + "." + member.Name;
            var value = member.Value;
            int? Int() => JsonInputReader.Integer(response, value, at, diagnostics) is { } number ? (int)Math.Clamp(number, int.MinValue, int.MaxValue) : null;
            bool? Bool() => JsonInputReader.Boolean(response, value, at, diagnostics);
            switch (member.Name)
            {
                case nameof(AccountPasswordPolicy.MinimumPasswordLength):
                    result = result with { MinimumPasswordLength = Int() };
                    break;
                case nameof(AccountPasswordPolicy.RequireSymbols):
                    result = result with { RequireSymbols = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.RequireNumbers):
                    result = result with { RequireNumbers = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.RequireUppercaseCharacters):
                    result = result with { RequireUppercaseCharacters = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.RequireLowercaseCharacters):
                    result = result with { RequireLowercaseCharacters = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.AllowUsersToChangePassword):
                    result = result with { AllowUsersToChangePassword = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.ExpirePasswords):
                    result = result with { ExpirePasswords = Bool() };
                    break;
                case nameof(AccountPasswordPolicy.MaxPasswordAge):
                    result = result with { MaxPasswordAge = Int() };
                    break;
                case nameof(AccountPasswordPolicy.PasswordReusePrevention):
                    result = result with { PasswordReusePrevention = Int() };
                    break;
                case nameof(AccountPasswordPolicy.HardExpiry):
                    result = result with { HardExpiry = Bool() };
                    break;
                default:
                    continue;
            }

            locations[member.Name] = response.At(at);
        }

        return result with { Locations = locations.ToImmutable() };
    }
}
