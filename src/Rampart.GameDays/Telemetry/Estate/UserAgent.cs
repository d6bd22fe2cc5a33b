namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>A user agent string and how CloudTrail decorates it.</summary>
internal sealed class UserAgent(UserAgentFamily family, string text)
{
    public UserAgentFamily Family { get; } = family;

    public string Text { get; } = text;

    public byte[] Utf8 { get; } = System.Text.Encoding.UTF8.GetBytes(text);

    /// <summary>Calls made from the console carry console session credentials.</summary>
    public bool IsConsole => Family is UserAgentFamily.Console or UserAgentFamily.Browser;

    /// <summary>AWS CLI v2 appends <c>command/service.operation</c>.</summary>
    public bool AppendsCliCommand => Family == UserAgentFamily.AwsCliV2;
}
