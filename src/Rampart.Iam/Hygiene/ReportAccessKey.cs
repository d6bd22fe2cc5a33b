namespace Rampart.Iam.Hygiene;

/// <summary>One of a user's two access-key slots in the credential report (<c>access_key_1_…</c>, <c>access_key_2_…</c>).</summary>
/// <param name="Number">1 or 2.</param>
/// <param name="Active">Whether an active key is in the slot; null when the cell is unreadable or the column missing.</param>
/// <param name="LastRotated">When the key was created or last rotated; null when <c>N/A</c> (no key) or unknown.</param>
/// <param name="LastUsed">When the key was last used; null when <c>N/A</c> (never used, or not since April 2015) or unknown.</param>
/// <param name="LastUsedRegion">The region of that use, or null.</param>
/// <param name="LastUsedService">The service of that use, or null.</param>
public readonly record struct ReportAccessKey(int Number, bool? Active, DateTimeOffset? LastRotated, DateTimeOffset? LastUsed, string? LastUsedRegion, string? LastUsedService);
