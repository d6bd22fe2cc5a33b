using System.Buffers;
using System.Text.Json;
using Rampart.Core.Diagnostics;
using Rampart.Core.Events;
using Rampart.Logs.Flow;
using Rampart.Logs.Input;
using Rampart.Logs.Sources;

namespace Rampart.Logs.Reading;

/// <summary>
/// Reads a stream of JSON values: JSON lines, concatenated or pretty-printed objects, top-level arrays, and objects
/// that hold an array of records (CloudTrail <c>Records</c>, GuardDuty <c>findings</c>, CloudTrail Lake
/// <c>QueryResultRows</c>), which are walked one record at a time. Each record's extent is found without
/// parsing — its line in JSON lines, the next record's start in an array of records that start alike, else a
/// light scan of braces and strings — then loaded in place (no copy) into a <see cref="JsonRecord"/>: one
/// validating <see cref="Utf8JsonReader"/> pass that notes the top-level properties, and the only full pass a record
/// gets unless a rule looks into it. The record, and the event over it, live until the next <see cref="MoveNext"/>.
/// A broken record is skipped on its own: its extent gives the next one's start.
/// </summary>
internal sealed class JsonRecordReader : IRecordSource
{
    private const int MaxHeaderBytes = 4096;

    // How far ahead the start of the next record is looked for before scanning takes over.
    private static readonly SearchValues<byte> Whitespace = SearchValues.Create(" \t\r\n"u8);
    private static readonly SearchValues<byte> LineEnd = SearchValues.Create("\n"u8);
    private static readonly SearchValues<byte> ElementStart = SearchValues.Create(",]{"u8);

    private readonly ByteInput _input;
    private readonly FileProblems _problems;
    private readonly JsonRecordClassifier _classifier;
    private readonly JsonDocumentOptions _documentOptions;
    private readonly JsonRecord _record;
    private readonly List<Range> _pendingItems = [];
    private readonly int _maxRecordBytes;
    private State _state;
    private ContainerKind _container;
    private string _containerName = "";
    private bool _containerInObject;
    private bool _expectSeparator;
    private bool? _linesMode;
    private long _records;
    private bool _finished;
    private ReadOnlyMemory<byte> _pending;
    private int _pendingNext;
    private bool _hasPending;
    private ContainerKind _pendingKind;
    private SourceLocation _pendingLocation;
    private LogEvent? _current;

    public JsonRecordReader(ByteInput input, FileProblems problems, JsonRecordClassifier classifier, LogReadOptions options)
    {
        _input = input;
        _problems = problems;
        _classifier = classifier;
        _maxRecordBytes = options.MaxRecordBytes;
        _documentOptions = new JsonDocumentOptions { MaxDepth = options.MaxDepth };
        _record = new JsonRecord(options.MaxDepth);
    }

    private enum State
    {
        TopLevel,
        InContainer,
        AfterContainer,
    }

    public LogEvent Current => _current ?? throw new InvalidOperationException("MoveNext has not returned true.");

    public bool MoveNext()
    {
        Release();
        while (!_finished || _hasPending)
        {
            if (_hasPending)
            {
                if (NextPending())
                    return true;
                continue;
            }

            var produced = _state switch
            {
                State.TopLevel => StepTopLevel(),
                State.InContainer => StepContainer(),
                _ => StepAfterContainer(),
            };
            if (produced)
                return true;
        }

        return false;
    }

    public void Dispose()
    {
        _hasPending = false;
        _pending = default;
        Release();
        _finished = true;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.Null => "null",
        JsonValueKind.Array => "an array",
        _ => "an object",
    };

    private static string? DescribeStart(ReadOnlySpan<byte> start) => start switch
    {
        [(byte)'"', ..] => "a string",
        [(byte)'-' or (>= (byte)'0' and <= (byte)'9'), ..] => "a number",
        _ when start.StartsWith("true"u8) || start.StartsWith("false"u8) => "a boolean",
        _ when start.StartsWith("null"u8) => "null",
        _ => null,
    };

    // JsonException positions are relative to the record: its first line continues the record's line.
    private static SourceLocation ErrorLocation(SourceLocation record, JsonException exception)
    {
        var line = exception.LineNumber ?? 0;
        var column = exception.BytePositionInLine ?? 0;
        return line == 0
            ? record with { Column = record.Column + column }
            : record with { Line = record.Line + line, Column = column + 1 };
    }

    private static string Reason(JsonException exception)
    {
        var message = exception.Message;
        var cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut < 0)
            cut = message.IndexOf(" Path:", StringComparison.Ordinal);
        return (cut >= 0 ? message[..cut] : message).TrimEnd('.', ' ');
    }

    // The event handed out last expires: its bytes are about to be consumed or moved.
    private void Release()
    {
        _current = null;
        _record.Clear();
    }

    private SourceLocation Here(long record) => new(_problems.Path, _input.Line, _input.Column, record);

    private bool StepTopLevel()
    {
        if (!SkipWhitespace())
        {
            _finished = true;
            return false;
        }

        var first = _input.Span[0];
        if (first == (byte)'[')
        {
            _input.Consume(1);
            EnterContainer(ContainerKind.Array, "array", inObject: false);
            return false;
        }

        if (first != (byte)'{')
        {
            var location = Here(++_records);
            var what = DescribeStart(_input.Span);
            SkipUntil(LineEnd, 0, what is null
                ? LogDiagnostics.UnexpectedText(location, "where a JSON record should start")
                : LogDiagnostics.NotAnObject(location, what));
            return false;
        }

        var (kind, name, length) = MatchContainerHeader();
        if (kind != ContainerKind.None)
        {
            _input.Consume(length);
            EnterContainer(kind, name, inObject: true);
            return false;
        }

        return ReadValue(topLevel: true);
    }

    private bool StepContainer()
    {
        if (!SkipWhitespace())
        {
            _problems.ReportAlways(LogDiagnostics.TruncatedContainer(Here(0), _containerName));
            _finished = true;
            return false;
        }

        var first = _input.Span[0];
        if (first == (byte)']')
        {
            _input.Consume(1);
            _state = _containerInObject ? State.AfterContainer : State.TopLevel;
            return false;
        }

        if (first == (byte)',')
        {
            if (_expectSeparator)
            {
                _input.Consume(1);
                _expectSeparator = false;
            }
            else
            {
                SkipUntil(ElementStart, 1, LogDiagnostics.UnexpectedText(Here(++_records), $"between the records of `{_containerName}`"));
            }

            return false;
        }

        // A missing comma between two objects is forgiven: both records are intact.
        if (_expectSeparator && first != (byte)'{')
        {
            SkipUntil(ElementStart, 0, LogDiagnostics.UnexpectedText(Here(++_records), $"between the records of `{_containerName}`"));
            return false;
        }

        var created = ReadValue(topLevel: false);
        _expectSeparator = true;
        return created;
    }

    private bool StepAfterContainer()
    {
        if (!SkipWhitespace())
        {
            _problems.ReportAlways(LogDiagnostics.TruncatedAfterContainer(Here(0), _containerName));
            _finished = true;
            return false;
        }

        var first = _input.Span[0];
        if (first == (byte)'}')
        {
            _input.Consume(1);
            _state = State.TopLevel;
            return false;
        }

        // Properties after the array (a NextToken) are stepped over.
        if (first == (byte)',')
        {
            _input.Consume(1);
            if (SkipWhitespace() && TrySkipValue() && SkipWhitespace() && _input.Span[0] == (byte)':')
            {
                _input.Consume(1);
                if (SkipWhitespace() && TrySkipValue())
                    return false;
            }
        }

        if (_input.Length > 0)
            SkipUntil(LineEnd, 0, LogDiagnostics.UnexpectedText(Here(++_records), $"after the `{_containerName}` array"));
        _state = State.TopLevel;
        return false;
    }

    private void EnterContainer(ContainerKind kind, string name, bool inObject)
    {
        _state = State.InContainer;
        _container = kind;
        _containerName = name;
        _containerInObject = inObject;
        _expectSeparator = false;
    }

    private (ContainerKind Kind, string Name, int Length) MatchContainerHeader()
    {
        while (true)
        {
            var match = ContainerHeader.Match(_input.Span, out var kind, out var name, out var length);
            if (match == HeaderMatch.Yes)
                return (kind, name, length);
            if (match == HeaderMatch.No || _input.Length >= MaxHeaderBytes || !_input.Fill())
                return (ContainerKind.None, "", 0);
        }
    }

    // Reads one value at the start of the window; true when it became the current event.
    private bool ReadValue(bool topLevel)
    {
        var record = ++_records;
        var location = Here(record);
        var (loaded, length) = topLevel && _linesMode == true ? LoadLine(location)
            : !topLevel ? LoadInPlace()
            : (false, 0);
        if (!loaded && length == 0)
        {
            length = ScanValue(topLevel, location);
            if (length == 0)
                return false;
            loaded = Load(location, length);
        }

        if (!loaded)
            return false;
        return Classify(topLevel, record, location, length);
    }

    // Finds the extent of a value with the scanner; 0 when the value was skipped (cut off, too large, a broken line).
    private int ScanValue(bool topLevel, SourceLocation location)
    {
        var scanner = new JsonValueScanner();
        var stopAtNewline = topLevel && _linesMode != false;
        while (true)
        {
            var result = scanner.Scan(_input.Span, stopAtNewline);
            if (result == ScanResult.Complete)
                break;
            if (result == ScanResult.NewlineInValue)
            {
                if (_linesMode is null && !NextLineStartsValue(scanner.Position))
                {
                    // The first record spans lines: the file is pretty-printed, not JSON lines.
                    _linesMode = false;
                    stopAtNewline = false;
                    scanner.StepOverNewline();
                    continue;
                }

                _linesMode = true;
                SkipBuffered(LogDiagnostics.IncompleteLine(location), scanner.Position);
                return 0;
            }

            if (scanner.Position >= _maxRecordBytes)
            {
                SkipOversized(scanner, location, stopAtNewline);
                return 0;
            }

            if (_input.Fill())
                continue;
            if (!_input.IsEnded)
            {
                SkipOversized(scanner, location, stopAtNewline);
                return 0;
            }

            SkipBuffered(LogDiagnostics.TruncatedRecord(location), _input.Length);
            return 0;
        }

        if (topLevel)
            _linesMode ??= true;
        return scanner.Position;
    }

    // Loads the first length bytes of the window in place; false (and the record skipped) when they are not JSON.
    private bool Load(SourceLocation location, int length)
    {
        if (_record.TryLoad(_input.Memory[..length], out var error))
            return true;
        SkipBuffered(LogDiagnostics.InvalidJson(ErrorLocation(location, error), Reason(error)), length);
        return false;
    }

    // JSON lines: the line is the record, so no scan is needed to find where it ends. Returns (false, 0) to fall
    // back to scanning (a line longer than the limit), or (false, n) when the line was skipped.
    private (bool Loaded, int Length) LoadLine(SourceLocation location)
    {
        var searched = 0;
        int newline;
        while (true)
        {
            var span = _input.Span;
            var found = span[searched..].IndexOf((byte)'\n');
            if (found >= 0)
            {
                newline = searched + found;
                break;
            }

            searched = span.Length;
            if (searched >= _maxRecordBytes)
                return (false, 0);
            if (!_input.Fill())
            {
                if (!_input.IsEnded)
                    return (false, 0);
                newline = _input.Length;
                break;
            }
        }

        if (newline >= _maxRecordBytes)
            return (false, 0);
        if (_record.TryLoad(_input.Memory[..newline], out var error))
            return (true, newline);

        // Say why as precisely as the scanner can: cut short, ended early, or simply invalid.
        var scanner = new JsonValueScanner();
        var result = scanner.Scan(_input.Span[..newline], stopAtNewline: true);
        var diagnostic = result != ScanResult.NeedMoreData ? LogDiagnostics.InvalidJson(ErrorLocation(location, error), Reason(error))
            : newline == _input.Length && _input.IsEnded ? LogDiagnostics.TruncatedRecord(location)
            : LogDiagnostics.IncompleteLine(location);
        SkipBuffered(diagnostic, newline);
        return (false, newline);
    }

    // An element of an array of records is loaded where it lies: the one validating pass also finds where it
    // ends, so no scan goes ahead of it. An element cut off by the end of the window is loaded again once the
    // window holds more; one that is not valid JSON is left to the scanner, which finds its extent and says why.
    private (bool Loaded, int Length) LoadInPlace()
    {
        while (true)
        {
            switch (_record.TryLoadPrefix(_input.Memory, out var length))
            {
                case JsonPrefixLoad.Loaded:
                    return (true, length);
                case JsonPrefixLoad.Invalid:
                    return (false, 0);
            }

            if (_input.Length >= _maxRecordBytes || !_input.Fill())
                return (false, 0);
        }
    }

    private bool Classify(bool topLevel, long record, SourceLocation location, int length)
    {
        var classification = _classifier.Classify(_record, topLevel ? ContainerKind.None : _container);
        if (classification.Kind == RecordKind.Container)
        {
            // An object whose records sit after other properties: it is not a record itself. Its array stays in
            // the window, which is not refilled before the last of them is read.
            _records--;
            _pending = classification.Items;
            _pendingItems.Clear();
            ItemExtents(_pending.Span, _pendingItems, _record.MaxDepth);
            _pendingNext = 0;
            _pendingKind = classification.Container;
            _pendingLocation = location;
            _hasPending = true;
            _input.Consume(length);
            return false;
        }

        var created = TryCreate(classification, new EventOrigin(_problems.Path, location.Line, record), location, _input.Span[..length]);
        _input.Consume(length);
        return created;
    }

    // Where each element of a validated array lies.
    private static void ItemExtents(ReadOnlySpan<byte> array, List<Range> extents, int maxDepth)
    {
        var reader = new Utf8JsonReader(array, new JsonReaderOptions { MaxDepth = maxDepth });
        reader.Read();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            extents.Add(start..(int)reader.BytesConsumed);
        }
    }

    private bool NextPending()
    {
        while (_pendingNext < _pendingItems.Count)
        {
            var item = _pending[_pendingItems[_pendingNext++]];
            var record = ++_records;
            var location = _pendingLocation with { Record = record };

            // Already validated as part of the container, so loading cannot fail.
            if (!_record.TryLoad(item, out var error))
                throw new InvalidOperationException("An element of a validated JSON array failed validation.", error);
            var classification = _classifier.Classify(_record, _pendingKind);
            if (TryCreate(classification, new EventOrigin(_problems.Path, location.Line, record), location, item.Span))
                return true;
        }

        _hasPending = false;
        _pending = default;
        return false;
    }

    private bool TryCreate(Classification classification, EventOrigin origin, SourceLocation location, ReadOnlySpan<byte> raw)
    {
        switch (classification.Kind)
        {
            case RecordKind.CloudTrail:
                return Created(CloudTrailRecords.Event(_record, origin));
            case RecordKind.Route53Resolver:
                return Created(new JsonLogEvent(LogSourceTypes.Route53Resolver, _record, origin, Route53ResolverRecords.Summarize));
            case RecordKind.GuardDuty:
                return Created(new JsonLogEvent(LogSourceTypes.GuardDuty, _record, origin, GuardDutyFindings.Summarize));
            case RecordKind.VpcFlow:
                return Created(FlowJsonRecord.Create(_record, origin));
            case RecordKind.LakeRow:
                var row = LakeRows.Merge(_record.Utf8Json, _documentOptions);
                if (!_record.TryLoad(row, out var error))
                    throw new InvalidOperationException("A merged CloudTrail Lake row is not valid JSON.", error);
                return TryCreate(_classifier.ClassifyLakeRow(), origin, location, raw);
            case RecordKind.Container:
                // Containers inside containers are not a shape any AWS source writes.
                _problems.Skip(LogDiagnostics.NotAnObject(location, "a nested array of records"), raw);
                return false;
            case RecordKind.NotObject:
                _problems.Skip(LogDiagnostics.NotAnObject(location, Describe(classification.ValueKind)), raw);
                return false;
            case RecordKind.ContainerNotArray:
                _problems.Skip(LogDiagnostics.ContainerNotArray(location, classification.Name!, Describe(classification.ValueKind)), raw);
                return false;
            default:
                _problems.Skip(LogDiagnostics.UnrecognisedRecord(location), raw);
                return false;
        }
    }

    private bool Created(LogEvent created)
    {
        _current = created;
        _problems.RecordsRead++;
        return true;
    }

    // In JSON lines a record that runs past its line is broken, unless the file is pretty-printed: the next
    // line of a pretty-printed record is indented or closes it, while the next JSON line opens a new value.
    private bool NextLineStartsValue(int newline)
    {
        while (newline + 1 >= _input.Length)
        {
            if (!_input.Fill())
                return true;
        }

        return _input.Span[newline + 1] is (byte)'{' or (byte)'[';
    }

    private bool SkipWhitespace()
    {
        while (true)
        {
            var span = _input.Span;
            var next = span.IndexOfAnyExcept(Whitespace);
            if (next >= 0)
            {
                _input.Consume(next);
                return true;
            }

            _input.Consume(span.Length);
            if (!_input.Fill())
                return false;
        }
    }

    private bool TrySkipValue()
    {
        var scanner = new JsonValueScanner();
        while (true)
        {
            if (scanner.Scan(_input.Span, stopAtNewline: false) == ScanResult.Complete)
            {
                _input.Consume(scanner.Position);
                return true;
            }

            if (scanner.Position >= _maxRecordBytes || !_input.Fill())
                return false;
        }
    }

    private void SkipBuffered(Diagnostic diagnostic, int length)
    {
        _problems.Skip(diagnostic, _input.Span[..length]);
        _input.Consume(length);
    }

    // Skips up to (not including) the next byte of <paramref name="stops"/> at or after <paramref name="from"/>.
    private void SkipUntil(SearchValues<byte> stops, int from, Diagnostic diagnostic)
    {
        var searched = from;
        while (true)
        {
            var span = _input.Span;
            if (searched < span.Length)
            {
                var found = span[searched..].IndexOfAny(stops);
                if (found >= 0)
                {
                    SkipBuffered(diagnostic, searched + found);
                    return;
                }

                searched = span.Length;
            }

            if (searched >= _maxRecordBytes)
                break;
            if (!_input.Fill())
            {
                if (!_input.IsEnded)
                    break;
                SkipBuffered(diagnostic, _input.Length);
                return;
            }
        }

        using var skipped = _problems.BeginSkip(diagnostic);
        skipped.Append(_input.Span[..from]);
        _input.Consume(from);
        while (true)
        {
            var span = _input.Span;
            var found = span.IndexOfAny(stops);
            var take = found >= 0 ? found : span.Length;
            skipped.Append(span[..take]);
            _input.Consume(take);
            if (found >= 0 || !_input.Fill())
                return;
        }
    }

    // Streams a value larger than the limit to the quarantine, scanning on to find where it ends.
    private void SkipOversized(JsonValueScanner scanner, SourceLocation location, bool stopAtNewline)
    {
        using var skipped = _problems.BeginSkip(LogDiagnostics.RecordTooLarge(location, _maxRecordBytes));
        while (true)
        {
            var scanned = scanner.Position;
            skipped.Append(_input.Span[..scanned]);
            _input.Consume(scanned);
            scanner.Rebase(scanned);
            if (!_input.Fill() && _input.Length == 0)
                return;
            if (scanner.Scan(_input.Span, stopAtNewline) == ScanResult.NeedMoreData)
                continue;
            skipped.Append(_input.Span[..scanner.Position]);
            _input.Consume(scanner.Position);
            return;
        }
    }
}
