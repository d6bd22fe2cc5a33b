using System.Collections.Immutable;

namespace Rampart.Iam.Hygiene;

/// <summary>The account's virtual MFA devices (<c>aws iam list-virtual-mfa-devices</c>). Read one with <see cref="VirtualMfaDeviceReader"/>.</summary>
/// <param name="Source">The input's name as given.</param>
/// <param name="Devices">The devices, in input order.</param>
public sealed record VirtualMfaDeviceList(string Source, ImmutableArray<VirtualMfaDevice> Devices);
