using System.Buffers;

namespace Rampart.Logs.Reading;

/// <summary>
/// Finds where one JSON value ends without parsing it: tracks nesting and strings only, with vectorised searches,
/// and resumes where it stopped when more bytes arrive. The parser that follows validates the value; this only
/// has to be right about valid JSON and to stop somewhere sensible on anything else.
/// </summary>
internal struct JsonValueScanner
{
    private static readonly SearchValues<byte> Structural = SearchValues.Create("\"{}[]"u8);
    private static readonly SearchValues<byte> StructuralOrNewline = SearchValues.Create("\"{}[]\n"u8);
    private static readonly SearchValues<byte> InString = SearchValues.Create("\"\\"u8);
    private static readonly SearchValues<byte> InStringOrNewline = SearchValues.Create("\"\\\n"u8);
    private static readonly SearchValues<byte> ScalarEnd = SearchValues.Create(" \t\r\n,]}"u8);

    private Kind _kind;
    private int _depth;
    private bool _inString;
    private bool _escapePending;

    private enum Kind : byte
    {
        Unknown,
        Container,
        String,
        Scalar,
    }

    /// <summary>How many bytes from the start of the value have been looked at (the value's length once complete).</summary>
    public int Position { get; private set; }

    /// <summary>Scans <paramref name="data"/>, which starts at the value's first byte, from where the last call stopped.</summary>
    /// <param name="data">The bytes from the start of the value.</param>
    /// <param name="stopAtNewline">Stop at a line break inside the value (JSON lines, where a value never spans lines).</param>
    public ScanResult Scan(ReadOnlySpan<byte> data, bool stopAtNewline)
    {
        var i = Position;
        if (_kind == Kind.Unknown)
        {
            if (i >= data.Length)
                return ScanResult.NeedMoreData;
            switch (data[i])
            {
                case (byte)'{' or (byte)'[':
                    _kind = Kind.Container;
                    _depth = 1;
                    i++;
                    break;
                case (byte)'"':
                    _kind = Kind.String;
                    _inString = true;
                    i++;
                    break;
                default:
                    _kind = Kind.Scalar;
                    break;
            }
        }

        if (_kind == Kind.Scalar)
        {
            var end = data[i..].IndexOfAny(ScalarEnd);
            if (end < 0)
            {
                Position = data.Length;
                return ScanResult.NeedMoreData;
            }

            Position = i + end;
            return ScanResult.Complete;
        }

        while (i < data.Length)
        {
            if (_inString)
            {
                if (_escapePending)
                {
                    _escapePending = false;
                    i++;
                    continue;
                }

                var next = data[i..].IndexOfAny(stopAtNewline ? InStringOrNewline : InString);
                if (next < 0)
                {
                    i = data.Length;
                    break;
                }

                i += next;
                switch (data[i])
                {
                    case (byte)'\\':
                        _escapePending = true;
                        i++;
                        continue;
                    case (byte)'\n':
                        Position = i;
                        return ScanResult.NewlineInValue;
                    default:
                        _inString = false;
                        i++;
                        if (_kind == Kind.String)
                        {
                            Position = i;
                            return ScanResult.Complete;
                        }

                        continue;
                }
            }

            var found = data[i..].IndexOfAny(stopAtNewline ? StructuralOrNewline : Structural);
            if (found < 0)
            {
                i = data.Length;
                break;
            }

            i += found;
            switch (data[i])
            {
                case (byte)'"':
                    _inString = true;
                    break;
                case (byte)'{' or (byte)'[':
                    _depth++;
                    break;
                case (byte)'}' or (byte)']':
                    if (--_depth == 0)
                    {
                        Position = i + 1;
                        return ScanResult.Complete;
                    }

                    break;
                default:
                    Position = i;
                    return ScanResult.NewlineInValue;
            }

            i++;
        }

        Position = i;
        return ScanResult.NeedMoreData;
    }

    /// <summary>Moves past the line break <see cref="Scan"/> stopped at, to go on scanning across lines.</summary>
    public void StepOverNewline() => Position++;

    /// <summary>Accounts for <paramref name="count"/> bytes at the start of the value having been consumed (streaming a skipped value).</summary>
    public void Rebase(int count) => Position -= count;
}
