using System.Collections.Immutable;
using System.Text.Json;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// <c>root-hardware-mfa</c>: per account, the root user has MFA (the account summary's <c>AccountMFAEnabled</c>, or
/// else the credential report's root row) and it is not a virtual device (no device of
/// <c>list-virtual-mfa-devices</c> is assigned to root). A virtual device on root fails whatever else is known; without
/// the device list, or without any sign of whether root has MFA, the account cannot be judged.
/// </summary>
internal sealed class RootHardwareMfa : CheckPlugin
{
    public override ImmutableArray<string> Reads { get; } =
        [ResourceTypes.VirtualMfaDevices, ResourceTypes.AccountSummary, ResourceTypes.CredentialReportRow];

    public static CheckPlugin Create(JsonElement parameters, Action<string> problem) => new RootHardwareMfa();

    public override IEnumerable<PluginJudgement> Judge(ResourceInventory inventory, DateTimeOffset now, JudgeScope? scope = null)
    {
        foreach (var account in PluginFacts.Accounts(inventory, scope))
        {
            var devices = inventory.OfType(ResourceTypes.VirtualMfaDevices, account.Account).FirstOrDefault();
            var onRoot = devices is null ? [] : PluginFacts.Items(devices.Configuration, "VirtualMFADevices")
                .Where(static d => d.TryGetProperty("User", out var user) && PluginFacts.Text(user, "Arn") is { } arn && arn.EndsWith(":root", StringComparison.Ordinal))
                .Take(1).ToList();
            if (onRoot is [var device])
            {
                yield return new PluginJudgement(account, CheckStatus.Fail, PluginFacts.Evidence(
                    ("reason", "the root user's MFA is a virtual device"), ("device", PluginFacts.Text(device, "SerialNumber"))));
                continue;
            }

            var mfa = RootHasMfa(inventory, account.Account);
            if (mfa == false)
            {
                yield return new PluginJudgement(account, CheckStatus.Fail, PluginFacts.Evidence(("reason", "the root user has no MFA")));
                continue;
            }

            if (devices is null || mfa is null)
            {
                yield return new PluginJudgement(account, CheckStatus.Error, [], devices is null
                    ? "the account's virtual MFA devices were not collected (aws iam list-virtual-mfa-devices)"
                    : "whether the root user has MFA was not collected (aws iam get-account-summary or the credential report)");
                continue;
            }

            yield return new PluginJudgement(account, CheckStatus.Pass, PluginFacts.Evidence(
                ("rootMfa", true), ("virtualDevices", PluginFacts.Items(devices.Configuration, "VirtualMFADevices").Count())));
        }
    }

    // The account summary's AccountMFAEnabled (1 or 0), or else the credential report's root row's mfa_active.
    private static bool? RootHasMfa(ResourceInventory inventory, string account)
    {
        if (inventory.OfType(ResourceTypes.AccountSummary, account).FirstOrDefault() is { } summary
            && summary.Configuration.ValueKind == JsonValueKind.Object
            && summary.Configuration.TryGetProperty("AccountMFAEnabled", out var enabled) && enabled.ValueKind == JsonValueKind.Number)
            return enabled.GetInt32() == 1;
        var root = inventory.OfType(ResourceTypes.CredentialReportRow, account)
            .FirstOrDefault(static r => PluginFacts.Text(r.Configuration, "user") == "<root_account>");
        return root is null ? null : PluginFacts.Flag(root.Configuration, "mfa_active");
    }
}
