using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>One virtual MFA device (an entry of <c>VirtualMFADevices</c>).</summary>
/// <param name="SerialNumber">The device's serial number, an ARN such as <c>arn:aws:iam::123456789012:mfa/root-account-mfa-device</c>.</param>
/// <param name="UserArn">The ARN of the user it is assigned to (<c>User.Arn</c>; <c>arn:…:root</c> for root), or null when unassigned.</param>
/// <param name="EnableDate">When it was enabled, if known.</param>
/// <param name="Location">Where the entry is in the input.</param>
public sealed record VirtualMfaDevice(string SerialNumber, string? UserArn, DateTimeOffset? EnableDate, SourceLocation Location)
{
    /// <summary>Whether it is assigned to the root user: <see cref="UserArn"/> ends in <c>:root</c>. The serial number's name proves nothing; any user's device may be called <c>root-account-mfa-device</c>.</summary>
    public bool IsRoot => UserArn is not null && UserArn.EndsWith(":root", StringComparison.Ordinal);
}
