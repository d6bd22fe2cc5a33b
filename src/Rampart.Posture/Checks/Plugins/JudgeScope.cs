using System.Collections.Frozen;
using Rampart.Posture.Inventory;

namespace Rampart.Posture.Checks.Plugins;

/// <summary>
/// Which subjects a plugin check judges again after a change: every subject of some accounts (a new trail can change
/// every bucket of its account), and some subjects by key (a changed bucket changes only its own result). Immutable.
/// </summary>
public sealed class JudgeScope
{
    /// <summary>A scope of whole accounts and single subjects.</summary>
    public JudgeScope(IEnumerable<string> accounts, IEnumerable<string> subjects)
    {
        Accounts = Core.Guard.NotNull(accounts).ToFrozenSet(StringComparer.Ordinal);
        Subjects = Core.Guard.NotNull(subjects).ToFrozenSet(StringComparer.Ordinal);
    }

    /// <summary>The accounts every subject of which is judged.</summary>
    public FrozenSet<string> Accounts { get; }

    /// <summary>The keys of single subjects judged.</summary>
    public FrozenSet<string> Subjects { get; }

    /// <summary>Whether nothing is to be judged.</summary>
    public bool IsEmpty => Accounts.Count == 0 && Subjects.Count == 0;

    /// <summary>The scope of one account's subjects.</summary>
    public static JudgeScope Account(string account) => new([account], []);

    /// <summary>The scope of single subjects.</summary>
    public static JudgeScope Only(params IEnumerable<string> keys) => new([], keys);

    /// <summary>Whether <paramref name="subject"/> is judged.</summary>
    public bool Includes(CloudResource subject)
    {
        Core.Guard.NotNull(subject);
        return Accounts.Contains(subject.Account) || Subjects.Contains(subject.Key);
    }

    /// <summary>The subjects of <paramref name="type"/> in scope: those of its accounts, then single ones of that type.</summary>
    public IEnumerable<CloudResource> Of(ResourceInventory inventory, string type)
    {
        Core.Guard.NotNull(inventory);
        foreach (var account in Accounts.Order(StringComparer.Ordinal))
        {
            foreach (var resource in inventory.OfType(type, account))
                yield return resource;
        }

        foreach (var key in Subjects.Order(StringComparer.Ordinal))
        {
            if (inventory.Find(key) is { } resource && resource.Type == type && !Accounts.Contains(resource.Account))
                yield return resource;
        }
    }

    /// <summary>Both scopes together.</summary>
    public JudgeScope Union(JudgeScope other)
    {
        Core.Guard.NotNull(other);
        return new JudgeScope(Accounts.Concat(other.Accounts), Subjects.Concat(other.Subjects));
    }
}
