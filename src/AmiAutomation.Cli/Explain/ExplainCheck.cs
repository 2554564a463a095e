namespace AmiAutomation.Cli.Explain;

/// <summary>One protection or rule of a function and whether it holds (protection) or fires (rule) now, with its
/// detail and, for a time-based rule, the time it fires.</summary>
public sealed record ExplainCheck(string Code, bool Holds, string Detail, DateTimeOffset? At = null);
