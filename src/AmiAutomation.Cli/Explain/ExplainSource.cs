namespace AmiAutomation.Cli.Explain;

/// <summary>One inventory source and how it fared (Complete, Failed, Truncated, Disabled), with the error if any.</summary>
public sealed record ExplainSource(string Source, string Status, string? Error);
