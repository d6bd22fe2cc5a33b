namespace Rampart.GameDays.Telemetry.Estate;

/// <summary>User agents of the tools people and workloads use against AWS, in several versions each.</summary>
internal static class UserAgents
{
    public static readonly UserAgent ConsoleInternal = new(UserAgentFamily.Console, "AWS Internal");

    public static readonly UserAgent[] Browsers =
    [
        new(UserAgentFamily.Browser, "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/121.0.0.0 Safari/537.36"),
        new(UserAgentFamily.Browser, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/122.0.0.0 Safari/537.36"),
        new(UserAgentFamily.Browser, "Mozilla/5.0 (Macintosh; Intel Mac OS X 14.3; rv:123.0) Gecko/20100101 Firefox/123.0"),
        new(UserAgentFamily.Browser, "Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.3 Safari/605.1.15"),
        new(UserAgentFamily.Browser, "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Safari/537.36 Edg/120.0.2210.91"),
    ];

    public static readonly UserAgent[] AwsCli =
    [
        new(UserAgentFamily.AwsCliV2, "aws-cli/2.15.30 Python/3.11.8 Darwin/23.3.0 exe/x86_64 prompt/off"),
        new(UserAgentFamily.AwsCliV2, "aws-cli/2.13.25 Python/3.11.5 Linux/6.2.0-1016-aws exe/x86_64.ubuntu.22 prompt/off"),
        new(UserAgentFamily.AwsCliV2, "aws-cli/2.15.10 Python/3.11.6 Windows/10 exe/AMD64 prompt/off"),
        new(UserAgentFamily.AwsCliV2, "aws-cli/2.14.6 Python/3.11.6 Linux/5.10.205-195.807.amzn2.x86_64 exe/x86_64.amzn.2 prompt/off"),
        new(UserAgentFamily.AwsCliV1, "aws-cli/1.29.62 Python/3.9.16 Linux/5.10.196-185.743.amzn2.x86_64 botocore/1.31.62"),
    ];

    public static readonly UserAgent[] Boto3 =
    [
        new(UserAgentFamily.Boto3, "Boto3/1.34.51 md/Botocore#1.34.51 ua/2.0 os/linux#5.10.209-198.858.amzn2.x86_64 md/arch#x86_64 lang/python#3.11.8 md/pyimpl#CPython cfg/retry-mode#legacy Botocore/1.34.51"),
        new(UserAgentFamily.Boto3, "Boto3/1.26.90 Python/3.9.16 Linux/5.10.167-147.601.amzn2.x86_64 Botocore/1.29.90"),
        new(UserAgentFamily.Boto3, "Boto3/1.24.28 Python/3.8.16 Linux/4.14.311-233.529.amzn2.x86_64 exec-env/AWS_Lambda_python3.8 Botocore/1.27.28"),
    ];

    public static readonly UserAgent[] JavaSdk =
    [
        new(UserAgentFamily.JavaSdk, "aws-sdk-java/2.21.29 Linux/5.10.201-191.748.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/17.0.9+8-LTS Java/17.0.9 vendor/Amazon.com_Inc. io/sync http/Apache cfg/retry-mode/legacy"),
        new(UserAgentFamily.JavaSdk, "aws-sdk-java/1.12.596 Linux/5.10.199-190.747.amzn2.x86_64 OpenJDK_64-Bit_Server_VM/11.0.21+9-LTS java/11.0.21 vendor/Amazon.com_Inc. cfg/retry-mode/standard"),
    ];

    public static readonly UserAgent[] GoSdk =
    [
        new(UserAgentFamily.GoSdk, "aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.7 md/GOOS#linux md/GOARCH#amd64 api/sts#1.28.1"),
        new(UserAgentFamily.GoSdk, "aws-sdk-go/1.50.8 (go1.21.6; linux; amd64)"),
    ];

    public static readonly UserAgent[] JavaScriptSdk =
    [
        new(UserAgentFamily.JavaScriptSdk, "aws-sdk-js/3.515.0 ua/2.0 os/linux#5.10.209-219.830.amzn2.x86_64 lang/js md/nodejs#20.11.1 api/dynamodb#3.515.0 exec-env/AWS_Lambda_nodejs20.x"),
        new(UserAgentFamily.JavaScriptSdk, "aws-sdk-nodejs/2.1554.0 linux/v18.19.0 exec-env/AWS_Lambda_nodejs18.x promise"),
    ];

    public static readonly UserAgent[] DotNetSdk =
    [
        new(UserAgentFamily.DotNetSdk, "aws-sdk-dotnet-coreclr/3.7.303.4 aws-sdk-dotnet-core/3.7.302.21 .NET_Core/8.0.2 OS/Linux_5.10.209-198.858.amzn2.x86_64_#1_SMP ClientAsync"),
    ];

    public static readonly UserAgent[] Terraform =
    [
        new(UserAgentFamily.Terraform, "APN/1.0 HashiCorp/1.0 Terraform/1.7.4 (+https://www.terraform.io) terraform-provider-aws/5.38.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go-v2/1.25.2 os/linux lang/go#1.21.7 md/GOOS#linux md/GOARCH#amd64 api/ec2#1.148.1"),
        new(UserAgentFamily.Terraform, "APN/1.0 HashiCorp/1.0 Terraform/1.5.7 (+https://www.terraform.io) terraform-provider-aws/5.31.0 (+https://registry.terraform.io/providers/hashicorp/aws) aws-sdk-go/1.49.13 (go1.20.12; linux; amd64)"),
    ];

    public static readonly UserAgent DatadogIntegration = new(UserAgentFamily.Other, "Datadog/1.0 aws-sdk-go-v2/1.24.1 os/linux lang/go#1.21.5 md/GOOS#linux md/GOARCH#amd64");

    /// <summary>An SDK a workload is built with; the same app keeps one SDK.</summary>
    public static UserAgent[] Sdks(int choice) => (choice % 5) switch
    {
        0 => Boto3,
        1 => JavaSdk,
        2 => GoSdk,
        3 => JavaScriptSdk,
        _ => DotNetSdk,
    };

    public static UserAgent Service(string servicePrincipal) => new(UserAgentFamily.AwsService, servicePrincipal);
}
