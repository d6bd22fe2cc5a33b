namespace Rampart.Detection.Sigma.Searches;

/// <summary>
/// A value on its way through the transforming modifiers. After <c>utf16*</c>/<c>wide</c> its literal
/// characters stand for bytes (0–255), which <c>base64</c> must encode as such rather than as UTF-8.
/// </summary>
internal readonly record struct EncodedPattern(SigmaPattern Pattern, bool IsBytes);
