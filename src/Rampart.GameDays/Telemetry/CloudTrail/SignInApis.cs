using System.Text.Json;
using Rampart.GameDays.Telemetry.Estate;

namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Console sign-in events, written by AWS sign-in rather than by an API call.</summary>
internal static class SignInApis
{
    /// <summary>A wrong password: no error code, the message and a <c>Failure</c> response.</summary>
    public static readonly ApiError FailedAuthentication = new("", "Failed authentication", 1);

    public static CloudTrailApi ConsoleLogin { get; } = Login(mfa: true);

    /// <summary>The same event for a user without MFA (attacks).</summary>
    public static CloudTrailApi ConsoleLoginWithoutMfa { get; } = Login(mfa: false);

    public static IEnumerable<CloudTrailApi> All()
    {
        yield return ConsoleLogin;
    }

    private static CloudTrailApi Login(bool mfa) => new()
    {
        Service = Services.Get("signin.amazonaws.com"),
        EventName = "ConsoleLogin",
        Weight = 0.6,
        Callers = Persona.Human | Persona.Root,
        EventType = "AwsConsoleSignIn",
        HasRequestId = false,
        Response = (writer, context) =>
        {
            writer.WriteStartObject("responseElements"u8);
            writer.WriteString("ConsoleLogin"u8, context.IsError ? "Failure"u8 : "Success"u8);
            writer.WriteEndObject();
        },
        ResponseOnError = true,
        AdditionalData = (writer, context) => WriteLoginData(writer, context, mfa),
        Errors = [FailedAuthentication],
        ErrorRate = 0.04,
    };

    private static void WriteLoginData(Utf8JsonWriter writer, CloudTrailContext context, bool mfa)
    {
        writer.WriteStartObject("additionalEventData"u8);
        writer.WriteString("LoginTo"u8, "https://console.aws.amazon.com/console/home?hashArgs=%23&isauthcode=true&state=hashArgsFromTB_" + context.AwsRegion + "_" + Generation.TextIds.Hex(context.Random, 16));
        writer.WriteString("MobileVersion"u8, "No"u8);
        if (mfa)
        {
            var principal = context.Principal;
            var device = principal.Kind == PrincipalKind.Root
                ? "arn:aws:iam::" + principal.AccountId + ":mfa/root-account-mfa-device"
                : "arn:aws:iam::" + principal.AccountId + ":mfa/" + principal.Name;
            writer.WriteString("MFAIdentifier"u8, device);
        }

        writer.WriteString("MFAUsed"u8, mfa ? "Yes"u8 : "No"u8);
        writer.WriteEndObject();
    }
}
