namespace Rampart.Detection.Tests.Sigma;

/// <summary>Small valid CloudTrail rules for loader tests.</summary>
internal static class RuleText
{
    public static string For(string title, string eventName, string? id = null) => $"""
        title: {title}
        id: {id ?? Guid.NewGuid().ToString()}
        logsource:
            product: aws
            service: cloudtrail
        detection:
            selection:
                eventName: '{eventName}'
            condition: selection
        level: medium

        """;
}
