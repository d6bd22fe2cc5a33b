using System.Buffers;
using Rampart.Logs.Flow;

namespace Rampart.Logs.Reading;

/// <summary>Tells JSON from flow log text from anything else by the first bytes (after gunzip), and reads hints from file names.</summary>
internal static class FormatDetector
{
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);

    /// <summary>What <paramref name="head"/> (the start of the file, at least its first line when it has one) looks like.</summary>
    public static InputShape Detect(ReadOnlySpan<byte> head)
    {
        var start = head.IndexOfAnyExcept(Whitespace);
        if (start < 0)
            return InputShape.Empty;
        var first = head[start];
        if (first is (byte)'{' or (byte)'[')
            return InputShape.Json;
        if (IsBinary(head))
            return InputShape.Binary;
        var line = head[start..];
        var end = line.IndexOf((byte)'\n');
        if (end >= 0)
            line = line[..end];
        if (line.Length > 0 && line[^1] == (byte)'\r')
            line = line[..^1];
        return FlowLine.TryReadHeader(line, out _) || FlowLine.LooksLikeRecord(line) ? InputShape.FlowText : InputShape.OtherText;
    }

    /// <summary>The format a path suggests (<c>…/CloudTrail/…</c>, <c>vpcflowlogs</c>, <c>vpcdnsquerylogs</c>, <c>GuardDuty</c>), or <see cref="LogFormat.Auto"/>.</summary>
    public static LogFormat HintFromPath(string path)
    {
        if (path.Contains("CloudTrail", StringComparison.OrdinalIgnoreCase))
            return LogFormat.CloudTrail;
        if (path.Contains("vpcflowlogs", StringComparison.OrdinalIgnoreCase))
            return LogFormat.VpcFlow;
        if (path.Contains("vpcdnsquerylogs", StringComparison.OrdinalIgnoreCase) || path.Contains("route53", StringComparison.OrdinalIgnoreCase))
            return LogFormat.Route53Resolver;
        return path.Contains("GuardDuty", StringComparison.OrdinalIgnoreCase) ? LogFormat.GuardDuty : LogFormat.Auto;
    }

    // Text logs never hold control bytes other than tab and line breaks; compressed and binary data nearly always do early on.
    private static bool IsBinary(ReadOnlySpan<byte> head)
    {
        var sample = head[..Math.Min(head.Length, 4096)];
        foreach (var b in sample)
        {
            if (b < 0x20 && b is not ((byte)'\t' or (byte)'\n' or (byte)'\r'))
                return true;
            if (b == 0x7F)
                return true;
        }

        return false;
    }
}
