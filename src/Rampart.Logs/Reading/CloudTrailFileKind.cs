namespace Rampart.Logs.Reading;

/// <summary>CloudTrail files that hold no API events.</summary>
internal enum CloudTrailFileKind
{
    /// <summary>A digest file (log file integrity validation).</summary>
    Digest,

    /// <summary>An Insights file (unusual-activity events, not API calls).</summary>
    Insights,
}
