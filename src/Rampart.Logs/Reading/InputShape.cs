namespace Rampart.Logs.Reading;

/// <summary>What the first bytes of a file look like.</summary>
internal enum InputShape
{
    /// <summary>Nothing but whitespace.</summary>
    Empty,

    /// <summary>Starts with <c>{</c> or <c>[</c>.</summary>
    Json,

    /// <summary>A flow log header or record.</summary>
    FlowText,

    /// <summary>Control bytes: compressed or binary data of some other kind.</summary>
    Binary,

    /// <summary>Text, but neither JSON nor a flow log.</summary>
    OtherText,
}
