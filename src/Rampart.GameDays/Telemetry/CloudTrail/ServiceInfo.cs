namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>Facts about an AWS service that shape its CloudTrail records.</summary>
/// <param name="EventSource">The <c>eventSource</c>, e.g. <c>ec2.amazonaws.com</c>.</param>
/// <param name="IamPrefix">The IAM action prefix, e.g. <c>ec2</c>.</param>
/// <param name="CliName">The AWS CLI command group, e.g. <c>s3api</c>.</param>
/// <param name="Host">The endpoint host before the region (regional) or the whole host (global).</param>
/// <param name="Global">Global services deliver to the home region and report <c>us-east-1</c>.</param>
/// <param name="Versions">The <c>eventVersion</c> values the service writes today, most common first.</param>
internal sealed record ServiceInfo(string EventSource, string IamPrefix, string CliName, string Host, bool Global, string[] Versions);
