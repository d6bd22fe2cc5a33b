using System.Collections.Immutable;
using System.Globalization;
using Rampart.Core.Events;
using Rampart.Iam.Catalog;

namespace Rampart.Iam.Activity;

/// <summary>
/// What principals did, gathered from CloudTrail events: per user and role, the actions called (when last, how often,
/// on which resources, how often refused), console sign-ins, and the last use of each access key. Feed events with
/// <see cref="Observe"/>; not thread-safe while observing, immutable in use afterwards.
/// </summary>
public sealed class IamActivity
{
    /// <summary>At most this many distinct resources are kept per principal and action; more are counted, not kept.</summary>
    public const int MaxResourcesPerAction = 256;

    private static readonly FieldPath IdentityType = FieldPath.Parse("userIdentity.type");
    private static readonly FieldPath IdentityArn = FieldPath.Parse("userIdentity.arn");
    private static readonly FieldPath IssuerArn = FieldPath.Parse("userIdentity.sessionContext.sessionIssuer.arn");
    private static readonly FieldPath AccessKey = FieldPath.Parse("userIdentity.accessKeyId");
    private static readonly FieldPath EventSource = FieldPath.Parse("eventSource");
    private static readonly FieldPath EventName = FieldPath.Parse("eventName");
    private static readonly FieldPath EventTime = FieldPath.Parse("eventTime");
    private static readonly FieldPath Region = FieldPath.Parse("awsRegion");
    private static readonly FieldPath Account = FieldPath.Parse("recipientAccountId");
    private static readonly FieldPath ErrorCode = FieldPath.Parse("errorCode");
    private static readonly FieldPath ResourceArns = FieldPath.Parse("resources.ARN");

    private readonly IamCatalog _catalog;
    private readonly Dictionary<string, PrincipalActivity> _principals = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DateTimeOffset> _keys = new(StringComparer.Ordinal);
    private readonly List<FieldValue> _values = [];

    /// <summary>Starts empty, naming actions with <paramref name="catalog"/> (the embedded one when null).</summary>
    public IamActivity(IamCatalog? catalog = null) => _catalog = catalog ?? IamCatalog.Default;

    /// <summary>The earliest event time seen, or null before any event.</summary>
    public DateTimeOffset? From { get; private set; }

    /// <summary>The latest event time seen, or null before any event.</summary>
    public DateTimeOffset? To { get; private set; }

    /// <summary>CloudTrail events observed.</summary>
    public long Events { get; private set; }

    /// <summary>The users and roles seen acting, by ARN (a role's sessions count for the role).</summary>
    public IReadOnlyDictionary<string, PrincipalActivity> Principals => _principals;

    /// <summary>When each long-term access key id (<c>AKIA…</c>) was last seen signing a call.</summary>
    public IReadOnlyDictionary<string, DateTimeOffset> AccessKeys => _keys;

    /// <summary>The activity of a user or role, or null when it was not seen.</summary>
    public PrincipalActivity? Find(string arn) => _principals.GetValueOrDefault(Core.Guard.NotNull(arn));

    /// <summary>Takes one event into account; events of other sources, and calls AWS made on its own behalf, are ignored.</summary>
    public void Observe(LogEvent record)
    {
        Core.Guard.NotNull(record);
        if (record.SourceType != LogSourceTypes.CloudTrail)
            return;
        if (!DateTimeOffset.TryParse(First(record, EventTime), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var time)
            || First(record, EventName) is not { } name)
        {
            return;
        }

        Events++;
        From = From is { } from && from <= time ? from : time;
        To = To is { } to && to >= time ? to : time;

        var type = First(record, IdentityType);
        var arn = type switch
        {
            "IAMUser" or "Root" => First(record, IdentityArn),
            "AssumedRole" or "FederatedUser" => First(record, IssuerArn) ?? First(record, IdentityArn),
            _ => null,
        };
        if (arn is null)
            return;
        // Long-term keys only: session keys (ASIA…) live an hour and are nobody's to remove.
        if (First(record, AccessKey) is { } key && key.StartsWith("AKIA", StringComparison.Ordinal))
            _keys[key] = _keys.TryGetValue(key, out var seen) && seen > time ? seen : time;

        if (!_principals.TryGetValue(arn, out var principal))
            _principals[arn] = principal = new PrincipalActivity(arn);
        principal.Touch(time);
        var source = First(record, EventSource) ?? "";
        if (source == "signin.amazonaws.com")
        {
            if (name == "ConsoleLogin")
                principal.SignedIn(time);
            return;
        }

        if (CloudTrailActions.ToIamAction(source, name, _catalog) is not { } action)
            return;
        var refused = First(record, ErrorCode) is "AccessDenied" or "AccessDeniedException" or "Client.UnauthorizedOperation" or "UnauthorizedOperation";
        _values.Clear();
        record.CollectValues(ResourceArns, _values);
        var resources = _values.Select(static v => v.Text).OfType<string>().ToList();
        resources.AddRange(RequestResources.From(record, action, First(record, Region), First(record, Account)));
        principal.Called(action, time, refused, resources);
    }

    private string? First(LogEvent record, FieldPath path)
    {
        _values.Clear();
        record.CollectValues(path, _values);
        return _values.Count > 0 && !_values[0].IsNull ? _values[0].Text : null;
    }
}

/// <summary>What one user or role did.</summary>
public sealed class PrincipalActivity
{
    private readonly Dictionary<string, ActionActivity> _actions = new(StringComparer.OrdinalIgnoreCase);

    internal PrincipalActivity(string arn) => Arn = arn;

    /// <summary>The user's or role's ARN.</summary>
    public string Arn { get; }

    /// <summary>The last time it acted.</summary>
    public DateTimeOffset LastSeen { get; private set; }

    /// <summary>The last console sign-in, if any.</summary>
    public DateTimeOffset? LastSignIn { get; private set; }

    /// <summary>The actions called, by IAM action name.</summary>
    public IReadOnlyDictionary<string, ActionActivity> Actions => _actions;

    /// <summary>The services used (IAM prefixes) and when each was last used successfully.</summary>
    public ImmutableDictionary<string, DateTimeOffset> Services() =>
        _actions.Values.Where(static a => a.Allowed > 0)
            .GroupBy(static a => a.Action[..a.Action.IndexOf(':', StringComparison.Ordinal)], StringComparer.OrdinalIgnoreCase)
            .ToImmutableDictionary(static g => g.Key, static g => g.Max(static a => a.LastAllowed!.Value), StringComparer.OrdinalIgnoreCase);

    internal void Touch(DateTimeOffset time)
    {
        if (time > LastSeen)
            LastSeen = time;
    }

    internal void SignedIn(DateTimeOffset time)
    {
        if (LastSignIn is not { } last || time > last)
            LastSignIn = time;
    }

    internal void Called(string action, DateTimeOffset time, bool refused, List<string> resources)
    {
        if (!_actions.TryGetValue(action, out var activity))
            _actions[action] = activity = new ActionActivity(action);
        activity.Add(time, refused, resources);
    }
}

/// <summary>One action of one principal: how often, when last, on what.</summary>
public sealed class ActionActivity
{
    private readonly HashSet<string> _resources = new(StringComparer.Ordinal);

    internal ActionActivity(string action) => Action = action;

    /// <summary>The IAM action (<c>s3:GetObject</c>).</summary>
    public string Action { get; }

    /// <summary>Calls that succeeded.</summary>
    public long Allowed { get; private set; }

    /// <summary>Calls refused for lack of permission.</summary>
    public long Refused { get; private set; }

    /// <summary>The last successful call, if any.</summary>
    public DateTimeOffset? LastAllowed { get; private set; }

    /// <summary>The resources of successful calls, as ARNs (at most <see cref="IamActivity.MaxResourcesPerAction"/>).</summary>
    public IReadOnlyCollection<string> Resources => _resources;

    /// <summary>Whether more distinct resources were seen than kept.</summary>
    public bool ResourcesTruncated { get; private set; }

    /// <summary>Successful calls that named no resource the trail shows.</summary>
    public long WithoutResource { get; private set; }

    internal void Add(DateTimeOffset time, bool refused, List<string> resources)
    {
        if (refused)
        {
            Refused++;
            return;
        }

        Allowed++;
        if (LastAllowed is not { } last || time > last)
            LastAllowed = time;
        if (resources.Count == 0)
            WithoutResource++;
        foreach (var resource in resources)
        {
            if (_resources.Count < IamActivity.MaxResourcesPerAction)
                _resources.Add(resource);
            else if (!_resources.Contains(resource))
                ResourcesTruncated = true;
        }
    }

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Action} ×{Allowed}");
}
