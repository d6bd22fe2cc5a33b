using System.Text;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Input;
using Rampart.Logs.Reading;

namespace Rampart.Logs.Flow;

/// <summary>
/// Reads the flow log text format line by line: a header line names the fields (and may appear again, where
/// files were concatenated); lines without a header are read by their field count. Events point into the input
/// buffer and expire when the reader moves on.
/// </summary>
internal sealed class FlowTextReader : IRecordSource
{
    private readonly ByteInput _input;
    private readonly FileProblems _problems;
    private readonly ReadLease _lease = new();
    private readonly int _maxRecordBytes;
    private FlowSchema? _schema;
    private int[] _scratch = new int[128];
    private long _records;
    private LogEvent? _current;

    public FlowTextReader(ByteInput input, FileProblems problems, int maxRecordBytes)
    {
        _input = input;
        _problems = problems;
        _maxRecordBytes = maxRecordBytes;
    }

    public LogEvent Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public bool MoveNext()
    {
        _lease.Advance();
        _current = null;
        while (NextLine(out var length, out var lineLength))
        {
            var line = _input.Span[..lineLength];
            if (line.Length > 0 && line[^1] == (byte)'\r')
                line = line[..^1];
            if (line.IndexOfAnyExcept((byte)' ', (byte)'\t') < 0)
            {
                _input.Consume(length);
                continue;
            }

            if (FlowLine.TryReadHeader(line, out var names))
            {
                _schema = FlowSchema.FromHeader(Encoding.ASCII.GetString(line), names);
                _input.Consume(length);
                continue;
            }

            var record = ++_records;
            if (TryCreate(line, record, out var flow))
            {
                _current = flow;
                _problems.RecordsRead++;
                _input.Consume(length);
                return true;
            }

            _input.Consume(length);
        }

        return false;
    }

    public void Dispose()
    {
        _current = null;
        _lease.Advance();
    }

    private bool TryCreate(ReadOnlySpan<byte> line, long record, out FlowLogEvent? flow)
    {
        flow = null;
        var count = FlowLine.Split(line, ref _scratch);
        var schema = _schema ?? FlowSchema.ForHeaderless(count);
        if (schema is null)
        {
            _problems.Skip(LogDiagnostics.FlowUnknownLayout(Here(record), count), line);
            return false;
        }

        if (count != schema.Count)
        {
            _problems.Skip(LogDiagnostics.FlowFieldCount(Here(record), count, schema.Count), line);
            return false;
        }

        for (var i = 0; i < count; i++)
        {
            if (!schema.IsNumeric(i))
                continue;
            var value = line.Slice(_scratch[2 * i], _scratch[(2 * i) + 1]);
            if (FlowLine.IsWholeNumber(value) || (value.Length == 1 && value[0] == (byte)'-'))
                continue;
            var location = Here(record) with { Column = _input.Column + _scratch[2 * i] };
            _problems.Skip(LogDiagnostics.FlowBadNumber(location, schema.Names[i], Encoding.UTF8.GetString(value)), line);
            return false;
        }

        var origin = new EventOrigin(_problems.Path, _input.Line, record);
        flow = new FlowLogEvent(schema, _input.Memory[..line.Length], _scratch[..(2 * count)], origin, _lease);
        return true;
    }

    // Finds the next line in the window, reading more as needed; a line longer than the record limit is skipped
    // here, streamed to the quarantine. Returns the line's length with and without its line break.
    private bool NextLine(out int length, out int lineLength)
    {
        var searched = 0;
        while (true)
        {
            var span = _input.Span;
            var newline = span[searched..].IndexOf((byte)'\n');
            if (newline >= 0)
            {
                newline += searched;
                if (newline >= _maxRecordBytes)
                {
                    var record = ++_records;
                    _problems.Skip(LogDiagnostics.RecordTooLarge(Here(record), _maxRecordBytes), span[..newline]);
                    _input.Consume(newline + 1);
                    searched = 0;
                    continue;
                }

                length = newline + 1;
                lineLength = newline;
                return true;
            }

            searched = span.Length;
            if (searched >= _maxRecordBytes)
            {
                SkipLongLine();
                searched = 0;
                continue;
            }

            if (_input.Fill())
                continue;
            if (_input.IsEnded)
            {
                length = lineLength = _input.Length;
                return length > 0;
            }

            SkipLongLine();
            searched = 0;
        }
    }

    private void SkipLongLine()
    {
        var record = ++_records;
        using var skipped = _problems.BeginSkip(LogDiagnostics.RecordTooLarge(Here(record), _maxRecordBytes));
        while (true)
        {
            var span = _input.Span;
            var newline = span.IndexOf((byte)'\n');
            skipped.Append(newline >= 0 ? span[..newline] : span);
            _input.Consume(newline >= 0 ? newline + 1 : span.Length);
            if (newline >= 0 || !_input.Fill())
                return;
        }
    }

    private SourceLocation Here(long record) => new(_problems.Path, _input.Line, _input.Column, record);
}
