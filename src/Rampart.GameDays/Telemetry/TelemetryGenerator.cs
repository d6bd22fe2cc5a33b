using Rampart.Core;
using Rampart.GameDays.Telemetry.Generation;

namespace Rampart.GameDays.Telemetry;

/// <summary>
/// Writes realistic, deterministic AWS telemetry (CloudTrail, VPC Flow Logs, Route 53 Resolver query logs)
/// in the layouts AWS delivers to S3, optionally with attacks mixed in, and a <c>manifest.json</c> describing
/// what was written. See docs/generate.md.
/// </summary>
public static class TelemetryGenerator
{
    /// <summary>
    /// Generates the telemetry <paramref name="options"/> describe. Memory stays bounded whatever the size:
    /// each writer holds one file at a time.
    /// </summary>
    /// <param name="options">What to write; must pass <see cref="TelemetryOptions.Validate"/>.</param>
    /// <param name="progress">
    /// Receives a running total in the unit of <see cref="TelemetryOptions.Size"/>: baseline CloudTrail-equivalent
    /// records (ending at the requested count) or compressed bytes written. Reported from worker threads.
    /// </param>
    /// <param name="cancellationToken">Stops between files; files already written stay.</param>
    /// <returns>What was written, also saved as <see cref="TelemetryManifest.FileName"/> in the output directory.</returns>
    /// <exception cref="ArgumentException">The options are invalid; the message lists every problem.</exception>
    /// <exception cref="IOException">The output directory or a file cannot be written.</exception>
    /// <exception cref="UnauthorizedAccessException">The output directory is not writable.</exception>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> was cancelled.</exception>
    public static TelemetryManifest Generate(TelemetryOptions options, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        Guard.NotNull(options);
        var problems = options.Validate();
        if (!problems.IsEmpty)
            throw new ArgumentException("Invalid telemetry options:" + Environment.NewLine + string.Join(Environment.NewLine, problems), nameof(options));
        return new GenerationRun(options).Execute(progress, cancellationToken);
    }
}
