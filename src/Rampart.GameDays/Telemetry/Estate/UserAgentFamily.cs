namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>The tool behind a request, which decides how its user agent is written.</summary>
internal enum UserAgentFamily
{
    Console,
    Browser,
    AwsCliV2,
    AwsCliV1,
    Boto3,
    JavaSdk,
    GoSdk,
    JavaScriptSdk,
    DotNetSdk,
    Terraform,
    AwsService,
    Other,
}
