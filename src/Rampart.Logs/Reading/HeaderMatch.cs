namespace Rampart.Logs.Reading;

/// <summary>Whether the start of an object opens a container of records.</summary>
internal enum HeaderMatch
{
    /// <summary>It does; the records follow.</summary>
    Yes,

    /// <summary>It does not: the object is a record.</summary>
    No,

    /// <summary>More bytes are needed to tell.</summary>
    NeedMoreData,
}
