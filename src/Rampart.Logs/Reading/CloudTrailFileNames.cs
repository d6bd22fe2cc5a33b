namespace Rampart.Logs.Reading;

/// <summary>
/// Recognises CloudTrail digest and Insights files by their S3 layout
/// (<c>AWSLogs/&lt;account&gt;/CloudTrail-Digest/…</c>, <c>…/CloudTrail-Insight/…</c>) or their file names
/// (<c>&lt;account&gt;_CloudTrail-Digest_&lt;region&gt;_…</c>, <c>…_CloudTrail-Insight_…</c>).
/// </summary>
internal static class CloudTrailFileNames
{
    public static CloudTrailFileKind? Classify(string path)
    {
        if (Mentions(path, "CloudTrail-Digest"))
            return CloudTrailFileKind.Digest;
        return Mentions(path, "CloudTrail-Insight") ? CloudTrailFileKind.Insights : null;
    }

    private static bool Mentions(string path, string marker)
    {
        var name = Path.GetFileName(path.AsSpan());
        if (name.Contains("_" + marker + "_", StringComparison.Ordinal))
            return true;
        foreach (var range in path.AsSpan().SplitAny('/', '\\'))
        {
            if (path.AsSpan()[range].SequenceEqual(marker))
                return true;
        }

        return false;
    }
}
