namespace AmiAutomation.Cli.Explain;

/// <summary>One reference to an image: what kind of resource, its id, and the inventory source that found it.</summary>
public sealed record ExplainReference(string Source, string Kind, string ResourceId);
