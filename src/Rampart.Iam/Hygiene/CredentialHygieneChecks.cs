using Rampart.Core;
using Rampart.Iam.Risk;

namespace Rampart.Iam.Hygiene;

/// <summary>
/// Account and credential hygiene: the IAM recommendations of CIS AWS Foundations 3.0 section 1 that the account's own
/// data can prove, as <see cref="IamFinding"/>s of category <see cref="RiskCategory.CredentialHygiene"/>. Check ids are in
/// <see cref="HygieneCheckIds"/>; <c>docs/iam-hygiene.md</c> lists each with its severity, control and input.
/// </summary>
/// <remarks>
/// Pure: no I/O and no clock; ages are measured to the <c>now</c> passed in. Every input is optional: a check whose input
/// is missing is skipped and adds an <see cref="AnalysisNote"/> naming the input that enables it. Never throws on what the
/// inputs hold.
/// </remarks>
public static class CredentialHygieneChecks
{
    /// <summary>Runs every check with the default thresholds (<see cref="HygieneOptions.Default"/>).</summary>
    /// <param name="inputs">What was read.</param>
    /// <param name="now">The time ages are measured to.</param>
    /// <param name="findings">Where findings go, in check order.</param>
    /// <param name="notes">Where notes on skipped or narrowed checks go.</param>
    public static void Run(HygieneInputs inputs, DateTimeOffset now, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes) =>
        Run(inputs, now, HygieneOptions.Default, findings, notes);

    /// <summary>Runs every check with the thresholds in <paramref name="options"/>.</summary>
    /// <param name="inputs">What was read.</param>
    /// <param name="now">The time ages are measured to.</param>
    /// <param name="options">The thresholds.</param>
    /// <param name="findings">Where findings go, in check order.</param>
    /// <param name="notes">Where notes on skipped or narrowed checks go.</param>
    public static void Run(HygieneInputs inputs, DateTimeOffset now, HygieneOptions options, ICollection<IamFinding> findings, ICollection<AnalysisNote> notes)
    {
        Guard.NotNull(inputs);
        Guard.NotNull(options);
        Guard.NotNull(findings);
        Guard.NotNull(notes);
        var context = new HygieneContext(inputs, now, options, findings, notes);
        RootChecks.Run(context);
        PasswordPolicyChecks.Run(context);
        UserCredentialChecks.Run(context);
        AccountPolicyChecks.Run(context);
        CertificateChecks.Run(context);
        context.Note(
            "credential-hygiene",
            "not checked, as no input carries them: contact and security-question details (CIS 1.1 to 1.3), instance roles (1.18), IAM Access Analyzer in every region (1.20), central identity management (1.21).");
    }
}
