namespace Rampart.Logs.Reading;

/// <summary>What <see cref="JsonValueScanner.Scan"/> found.</summary>
internal enum ScanResult
{
    /// <summary>The value ends at <see cref="JsonValueScanner.Position"/>.</summary>
    Complete,

    /// <summary>The bytes end before the value does.</summary>
    NeedMoreData,

    /// <summary>A line break was met inside the value while scanning line by line; <see cref="JsonValueScanner.Position"/> is at it.</summary>
    NewlineInValue,
}
