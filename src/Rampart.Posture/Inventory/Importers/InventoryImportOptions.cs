namespace Rampart.Posture.Inventory.Importers;

/// <summary>How inputs are imported into an inventory.</summary>
public sealed record InventoryImportOptions
{
    /// <summary>The defaults: every resource as last captured.</summary>
    public static InventoryImportOptions Default { get; } = new();

    /// <summary>
    /// The instant the inventory describes, or null (the default) for the latest capture. With an instant, a resource of
    /// an AWS Config history is its last item captured at or before it, and is absent when it had no item yet or that item
    /// says it was deleted. Inputs that are one capture rather than a history (CLI exports, recordings) are taken as read,
    /// and said so.
    /// </summary>
    public DateTimeOffset? AsOf { get; init; }
}
