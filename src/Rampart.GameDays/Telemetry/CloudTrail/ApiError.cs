namespace Rampart.GameDays.Telemetry.CloudTrail;

/// <summary>An error an API returns, with its share among that API's failures. An empty code writes no <c>errorCode</c>.</summary>
internal sealed record ApiError(string Code, string? Message, double Weight, ApiErrorKind Kind = ApiErrorKind.Fixed);
