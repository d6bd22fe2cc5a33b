using Rampart.Core.Diagnostics;

namespace Rampart.Iam.Hygiene;

/// <summary>One server certificate IAM stores (an entry of <c>ServerCertificateMetadataList</c>).</summary>
/// <param name="Name">The certificate's name (<c>ServerCertificateName</c>).</param>
/// <param name="Arn">Its ARN; empty when the entry gives none.</param>
/// <param name="Expiration">When it expires, if known.</param>
/// <param name="UploadDate">When it was uploaded, if known.</param>
/// <param name="Location">Where the entry is in the input.</param>
public sealed record ServerCertificate(string Name, string Arn, DateTimeOffset? Expiration, DateTimeOffset? UploadDate, SourceLocation Location);
