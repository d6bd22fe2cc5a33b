namespace Rampart.Hunting;

/// <summary>How far a hunt has come, in bytes of input files finished.</summary>
/// <param name="BytesDone">Bytes of the files read so far.</param>
/// <param name="BytesTotal">Bytes of all files to read.</param>
/// <param name="FilesDone">Files read so far.</param>
/// <param name="FilesTotal">Files to read.</param>
public readonly record struct HuntProgress(long BytesDone, long BytesTotal, int FilesDone, int FilesTotal);
