using System.Collections.Immutable;

namespace Rampart.Iam.Hygiene;

/// <summary>The server certificates IAM stores (<c>aws iam list-server-certificates</c>). Read one with <see cref="ServerCertificateReader"/>.</summary>
/// <param name="Source">The input's name as given.</param>
/// <param name="Certificates">The certificates, in input order.</param>
public sealed record ServerCertificateList(string Source, ImmutableArray<ServerCertificate> Certificates);
