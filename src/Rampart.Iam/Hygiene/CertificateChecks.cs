using System.Globalization;
using Rampart.Core;

namespace Rampart.Iam.Hygiene;

/// <summary>Expired server certificates stored in IAM (CIS 1.19).</summary>
internal static class CertificateChecks
{
    public static void Run(HygieneContext context)
    {
        if (context.Inputs.ServerCertificates is not { } list)
        {
            var stored = context.Inputs.AccountSummary?.ServerCertificates;
            if (stored is null)
                context.Note(HygieneCheckIds.ExpiredServerCertificate, "skipped: it reads `aws iam list-server-certificates` (the account summary alone would say whether any are stored).");
            else if (stored > 0)
                context.Note(HygieneCheckIds.ExpiredServerCertificate, string.Create(CultureInfo.InvariantCulture, $"the account summary says IAM stores {stored} server certificates, but their expiry was not checked: give `aws iam list-server-certificates`."));
            return;
        }

        foreach (var certificate in list.Certificates)
        {
            if (certificate.Expiration is not { } expiration || expiration >= context.Now)
                continue;
            context.Add(
                HygieneCheckIds.ExpiredServerCertificate,
                Severity.Medium,
                certificate.Arn.Length > 0 ? certificate.Arn : certificate.Name,
                $"Server certificate {certificate.Name} expired {HygieneContext.Days(context.DaysSince(expiration))} ago and is still stored in IAM.",
                [
                    $"{certificate.Location}: ServerCertificateName = {certificate.Name}",
                    $"Expiration = {HygieneContext.Format(expiration)}, before {context.NowText}",
                ],
                HygieneContext.Controls("CIS 1.19", "FSBP IAM.26"));
        }
    }
}
