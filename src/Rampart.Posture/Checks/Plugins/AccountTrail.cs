using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>account-trail</c>: per account, at least one trail is logging and records read and write management events — in
/// every region unless <c>multi-region: false</c>. A trail whose status or selectors were not collected is given the
/// benefit of the doubt, and the evidence says so.
/// </summary>
internal sealed class AccountTrail(bool multiRegion) : CheckPlugin
{
    public override ImmutableArray<string> Reads { get; } = [TrailFacts.Type];

    public override JudgeScope ScopeOf(CloudResource resource, ResourceInventory inventory) =>
        PluginFacts.AccountScope(Core.Guard.NotNull(resource), Core.Guard.NotNull(inventory));

    /// <summary>Reads <c>{multi-region: true | false}</c> (optional, true by default).</summary>
    public static CheckPlugin? Create(JsonElement parameters, Action<string> problem)
    {
        if (parameters.ValueKind != JsonValueKind.Object || !parameters.TryGetProperty("multi-region", out var value))
            return new AccountTrail(multiRegion: true);
        if (value.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            problem("`parameters.multi-region` must be true or false");
            return null;
        }

        return new AccountTrail(value.GetBoolean());
    }

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        foreach (var account in PluginFacts.Accounts(inventory, scope))
        {
            if (PluginFacts.NoTrails(inventory, account) is { } notCollected)
            {
                yield return notCollected;
                continue;
            }

            var trails = TrailFacts.In(inventory, account.Account).ToList();
            bool Records(TrailFacts t) => (t.MultiRegion || !multiRegion) && t.Logging != false && t.AllManagementEvents != false;
            var recording = trails.FirstOrDefault(t => Records(t) && t.Logging == true && t.AllManagementEvents == true)
                ?? trails.FirstOrDefault(Records);
            if (recording is not null)
            {
                var unknown = new List<string>();
                if (recording.Logging is null)
                    unknown.Add("its status (get-trail-status) was not collected");
                if (recording.AllManagementEvents is null)
                    unknown.Add("its event selectors (get-event-selectors) were not collected; a trail records all management events unless told otherwise");
                yield return new PluginJudgement(account, CheckStatus.Pass, PluginFacts.Evidence(
                    ("trail", recording.Resource.Key), ("assumed", unknown.Count == 0 ? null : unknown)));
                continue;
            }

            var reason = trails.Count == 0
                ? "the account has no trail"
                : multiRegion ? "no trail is multi-region, logging and recording all management events" : "no trail is logging and recording all management events";
            yield return new PluginJudgement(account, CheckStatus.Fail, PluginFacts.Evidence(
                ("reason", reason),
                ("trails", trails.Select(static t => $"{t.Name}: multi-region {t.MultiRegion}, logging {Said(t.Logging)}, all management events {Said(t.AllManagementEvents)}").ToList())));
        }
    }

    private static string Said(bool? value) => value switch { true => "yes", false => "no", _ => "not collected" };
}
