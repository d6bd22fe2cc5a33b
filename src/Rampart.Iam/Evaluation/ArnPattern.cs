namespace Rampart.Iam.Evaluation;

/// <summary>
/// ARN matching as IAM does it: the six colon-separated parts (<c>arn:partition:service:region:account:resource</c>) are
/// matched one by one, case-sensitively, a wildcard never reaching past its part's colon; the resource part keeps any
/// colons of its own. <c>*</c> alone matches everything.
/// </summary>
internal static class ArnPattern
{
    public static bool Matches(string pattern, string value)
    {
        if (pattern is "*")
            return true;
        Span<Range> patternParts = stackalloc Range[6];
        Span<Range> valueParts = stackalloc Range[6];
        var patternCount = Split(pattern, patternParts);
        var valueCount = Split(value, valueParts);
        // A value that is not an ARN ("*" for actions without resources) is matched whole; an ARN only by a full ARN pattern.
        if (valueCount != 6)
            return Wildcard.Matches(pattern, value, ignoreCase: false);
        if (patternCount != 6)
            return false;
        for (var i = 0; i < 6; i++)
        {
            if (!Wildcard.Matches(pattern.AsSpan()[patternParts[i]], value.AsSpan()[valueParts[i]], ignoreCase: false))
                return false;
        }

        return true;
    }

    // Splits at the first five colons; an escaped colon (\:) does not split.
    private static int Split(string text, Span<Range> parts)
    {
        var count = 0;
        var start = 0;
        for (var i = 0; i < text.Length && count < 5; i++)
        {
            if (text[i] == '\\')
            {
                i++;
                continue;
            }

            if (text[i] == ':')
            {
                parts[count++] = new Range(start, i);
                start = i + 1;
            }
        }

        if (count < 5)
            return count;
        parts[5] = new Range(start, text.Length);
        return 6;
    }
}
