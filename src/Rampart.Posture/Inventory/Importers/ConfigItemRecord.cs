using Rampart.Core.Diagnostics;

namespace Rampart.Posture.Inventory.Importers;

/// <summary>
/// One AWS Config configuration item as read: the resource it describes, or for an item that says the resource was
/// deleted or is not recorded, only the resource's key and that status, so that a history can end a resource.
/// </summary>
/// <param name="Key">The resource's key.</param>
/// <param name="CapturedAt">The item's capture time, when it says.</param>
/// <param name="Resource">The resource; null when <paramref name="Status"/> ends it.</param>
/// <param name="Status">The <c>configurationItemStatus</c> (<c>OK</c>, <c>ResourceDiscovered</c>, <c>ResourceDeleted</c>…), when given.</param>
/// <param name="At">Where the item is.</param>
/// <param name="Described">The resource as messages name it: <c>AWS::EC2::Volume `vol-1`</c>.</param>
internal sealed record ConfigItemRecord(string Key, DateTimeOffset? CapturedAt, CloudResource? Resource, string? Status, SourceLocation At, string Described);
