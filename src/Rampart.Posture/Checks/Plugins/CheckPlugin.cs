using System.Collections.Immutable;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// The logic of a check that judges a resource by others — a trail by its bucket, a VPC by its flow logs, an account by
/// its chain of trail, metric filter, alarm and subscriber — which the YAML language, one resource at a time, cannot
/// say. A check file names it with <c>plugin:</c> and gives its <c>parameters:</c>; the file keeps the id, title,
/// severity, framework mappings and examples like any check. Implementations are immutable and thread-safe.
/// </summary>
public abstract class CheckPlugin
{
    /// <summary>
    /// Every resource type the plugin reads besides its subjects: when a resource of one of these types (or of the
    /// subject type) is created, changed or deleted, the check is judged again.
    /// </summary>
    public abstract ImmutableArray<string> Reads { get; }

    /// <summary>
    /// Judges the subjects of the inventory at <paramref name="now"/>: every subject, or only those in
    /// <paramref name="scope"/> when given (to judge again what a change can affect).
    /// </summary>
    public abstract IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null);

    /// <summary>
    /// The subjects a change to <paramref name="resource"/> (of the subject type or a type the plugin reads) can affect.
    /// By default every subject of the resource's account; a plugin narrows it (a changed subject judged alone) or widens
    /// it where references cross accounts (a trail to another account's bucket, an alarm to another account's topic).
    /// </summary>
    public virtual JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory)
    {
        Core.Guard.NotNull(resource);
        return JudgeScope.Account(resource.Account);
    }
}

/// <summary>A plugin's judgement of one subject.</summary>
/// <param name="Subject">The resource judged (for account-level checks, the account: <see cref="ResourceTypes.Account"/>).</param>
/// <param name="Status">PASS, FAIL, ERROR or NOT_APPLICABLE.</param>
/// <param name="Evidence">Named facts behind the status (the chain found, or where it breaks).</param>
/// <param name="Error">Why the check could not be decided, for ERROR.</param>
public sealed record PluginJudgement(CloudResource Subject, CheckStatus Status, ImmutableArray<CheckEvidence> Evidence, string? Error = null);
