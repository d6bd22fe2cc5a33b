using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Rampart.Core;
using Rampart.Iam.Access;
using Rampart.Iam.Catalog;
using Rampart.Iam.Evaluation;

namespace Rampart.Iam.Activity;

/// <summary>A least-privilege policy written from what a principal did, and how it differs from what it holds.</summary>
/// <param name="PrincipalArn">The user or role.</param>
/// <param name="Json">The identity policy, indented JSON, version 2012-10-17.</param>
/// <param name="Statements">The statements, as written in <paramref name="Json"/>.</param>
/// <param name="Kept">Each action the policy allows, with the resources it is limited to.</param>
/// <param name="Removed">Services the principal may use today that the policy no longer allows (nothing in the trail used them).</param>
/// <param name="Notes">What the trail cannot show and the policy may therefore lack, for a person to decide.</param>
public sealed record GeneratedPolicy(
    string PrincipalArn,
    string Json,
    ImmutableArray<GeneratedStatement> Statements,
    ImmutableArray<string> Kept,
    ImmutableArray<string> Removed,
    ImmutableArray<string> Notes);

/// <summary>One statement of a generated policy.</summary>
/// <param name="Sid">Its Sid.</param>
/// <param name="Actions">The actions, sorted.</param>
/// <param name="Resources">The resources, sorted; <c>*</c> alone for actions that take no resource or showed none.</param>
public sealed record GeneratedStatement(string Sid, ImmutableArray<string> Actions, ImmutableArray<string> Resources);

/// <summary>
/// Writes the least-privilege identity policy that covers what a principal did successfully in CloudTrail: each action it
/// called, limited to the resources it called it on, generalised where many resources share a prefix (object keys under a
/// prefix, many functions or tables) and left at <c>*</c> where the action takes no resource or the trail shows none.
/// </summary>
public static class PolicyGenerator
{
    /// <summary>Beyond this many distinct resources of one action, they are generalised to their common prefix.</summary>
    public const int MaxListedResources = 10;

    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Generates the policy for <paramref name="principalArn"/>, or null when the trail shows it did nothing.</summary>
    /// <param name="access">The account, to compare with what the principal holds; null to skip the comparison.</param>
    /// <param name="principalArn">The user or role.</param>
    /// <param name="activity">What CloudTrail showed.</param>
    public static GeneratedPolicy? Generate(AccountAccess? access, string principalArn, IamActivity activity)
    {
        Guard.NotNull(principalArn);
        Guard.NotNull(activity);
        var seen = activity.Find(principalArn);
        var called = seen?.Actions.Values.Where(static a => a.Allowed > 0).OrderBy(static a => a.Action, StringComparer.Ordinal).ToList() ?? [];
        if (called.Count == 0)
            return null;
        var catalog = IamCatalog.Default;
        var notes = ImmutableArray.CreateBuilder<string>();

        // Actions with the same resources share a statement, one per service.
        var byResources = new Dictionary<(string Service, string Resources), List<string>>();
        var kept = ImmutableArray.CreateBuilder<string>();
        foreach (var action in called)
        {
            var wildcardOnly = catalog.TryGetAction(action.Action, out var known) && known.IsWildcardOnly;
            var resources = wildcardOnly || action.Resources.Count == 0 ? ["*"] : Generalise(action.Resources, action.ResourcesTruncated);
            if (!wildcardOnly && action.Resources.Count > 0 && action.WithoutResource > 0)
                notes.Add(string.Create(CultureInfo.InvariantCulture, $"{action.Action}: {action.WithoutResource} calls named no resource the trail shows; the policy covers only the resources seen"));
            var key = (action.Action[..action.Action.IndexOf(':', StringComparison.Ordinal)], string.Join("\n", resources));
            if (!byResources.TryGetValue(key, out var actions))
                byResources[key] = actions = [];
            actions.Add(action.Action);
            kept.Add($"{action.Action} on {string.Join(", ", resources)}");
        }

        var statements = byResources
            .OrderBy(static pair => pair.Key.Service, StringComparer.Ordinal).ThenBy(static pair => pair.Key.Resources, StringComparer.Ordinal)
            .Select((pair, i) => new GeneratedStatement(
                Sid(pair.Key.Service, i),
                [.. pair.Value.Order(StringComparer.Ordinal)],
                [.. pair.Key.Resources.Split('\n').Order(StringComparer.Ordinal)]))
            .ToImmutableArray();

        foreach (var refused in seen!.Actions.Values.Where(static a => a.Refused > 0 && a.Allowed == 0).OrderBy(static a => a.Action, StringComparer.Ordinal))
            notes.Add(string.Create(CultureInfo.InvariantCulture, $"{refused.Action} was called {refused.Refused} times and refused each time; it is not in the policy"));
        var removed = ImmutableArray.CreateBuilder<string>();
        if (access is not null)
            Compare(access, principalArn, called, removed, notes);
        if (!activity.Principals.Values.Any(static p => p.Actions.ContainsKey("s3:GetObject") || p.Actions.ContainsKey("s3:PutObject")))
            notes.Add("the trail shows no S3 object reads or writes by anyone: if S3 data events are not logged, object access is missing from the policy");
        return new GeneratedPolicy(principalArn, Write(statements), statements, kept.ToImmutable(), removed.ToImmutable(), notes.ToImmutable());
    }

    // Compares with what the principal may do today: passed roles cannot be seen in the trail, and services it holds but did not use go.
    private static void Compare(AccountAccess access, string principalArn, List<ActionActivity> called, ImmutableArray<string>.Builder removed, ImmutableArray<string>.Builder notes)
    {
        if (!access.TryFindPrincipal(principalArn, out _, out _))
        {
            notes.Add($"{principalArn} is not in the account data, so the policy is not compared with what it holds");
            return;
        }

        if (access.Can(principalArn, "iam:PassRole", "*").Result.Decision == Decision.Allowed && !called.Any(static a => a.Action == "iam:PassRole"))
        {
            notes.Add("it may pass roles today (iam:PassRole), which CloudTrail never logs as its own call: if it hands roles to Lambda, EC2, ECS or other services, add iam:PassRole on those roles");
        }

        var used = called.Select(static a => a.Action[..a.Action.IndexOf(':', StringComparison.Ordinal)]).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var statements = access.IdentityPolicies(principalArn).SelectMany(static p => p.Document.Statements).Where(static s => s.Effect == Policies.PolicyEffect.Allow).ToList();
        var everything = statements.Any(static s => s.IsNotAction || s.Actions.Any(static a => a == "*" || a.StartsWith('*')));
        var named = everything
            ? ["every service"]
            : statements.SelectMany(static s => s.Actions).Select(static a => a[..Math.Max(0, a.IndexOf(':', StringComparison.Ordinal))])
                .Where(s => s.Length > 0 && !used.Contains(s)).Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.Ordinal).ToList();
        foreach (var service in named)
            removed.Add(service);
        foreach (var action in called)
        {
            var resource = action.Resources.FirstOrDefault() ?? "*";
            if (access.Can(principalArn, action.Action, resource).Result.Decision != Decision.Allowed)
                notes.Add($"{action.Action} on {resource} succeeded in the trail but its policies no longer allow it (changed since?)");
        }
    }

    // Object keys collapse to their common folder; many resources of one kind to their common prefix.
    private static List<string> Generalise(IReadOnlyCollection<string> resources, bool truncated)
    {
        var result = new List<string>();
        foreach (var group in resources.GroupBy(Container, StringComparer.Ordinal))
        {
            var items = group.Distinct(StringComparer.Ordinal).ToList();
            if (items.Count == 1 && !truncated)
            {
                result.Add(items[0]);
                continue;
            }

            var isObject = group.Key.StartsWith("arn:aws:s3:::", StringComparison.Ordinal) && group.Key.Contains('/', StringComparison.Ordinal);
            if (!isObject && items.Count <= MaxListedResources && !truncated)
            {
                result.AddRange(items);
                continue;
            }

            var prefix = CommonPrefix(items);
            var cut = prefix.LastIndexOfAny(['/', ':']);
            result.Add((cut >= 0 && cut >= group.Key.Length - 1 ? prefix[..(cut + 1)] : group.Key) + "*");
        }

        return [.. result.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)];
    }

    // What a resource lives in: a bucket for an object, otherwise the ARN up to its last separator.
    private static string Container(string arn)
    {
        if (arn.StartsWith("arn:aws:s3:::", StringComparison.Ordinal))
        {
            var slash = arn.IndexOf('/', StringComparison.Ordinal);
            return slash < 0 ? arn : arn[..(slash + 1)];
        }

        var cut = arn.LastIndexOfAny(['/', ':']);
        return cut < 0 ? arn : arn[..(cut + 1)];
    }

    private static string CommonPrefix(List<string> items)
    {
        var prefix = items[0];
        foreach (var item in items.Skip(1))
        {
            var length = 0;
            while (length < prefix.Length && length < item.Length && prefix[length] == item[length])
                length++;
            prefix = prefix[..length];
        }

        return prefix;
    }

    private static string Sid(string service, int index)
    {
        var text = new StringBuilder();
        var upper = true;
        foreach (var c in service)
        {
            if (!char.IsAsciiLetterOrDigit(c))
            {
                upper = true;
                continue;
            }

            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }

        return text.Append(index.ToString(CultureInfo.InvariantCulture)).ToString();
    }

    private static string Write(ImmutableArray<GeneratedStatement> statements)
    {
        var document = new
        {
            Version = "2012-10-17",
            Statement = statements.Select(static s => new Dictionary<string, object>
            {
                ["Sid"] = s.Sid,
                ["Effect"] = "Allow",
                ["Action"] = s.Actions.Length == 1 ? s.Actions[0] : s.Actions,
                ["Resource"] = s.Resources.Length == 1 ? s.Resources[0] : s.Resources,
            }),
        };
        return JsonSerializer.Serialize(document, Indented);
    }
}
